import { Button, ButtonRow, DateInput, Flex, NumberInput, TextArea } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { FeedbackRequest } from '../api/card-contract.ts';
import { reasonMaxLength } from '../api/card-contract.ts';
import {
  baseDate,
  checkFeedbackForm,
  isoDay,
  type FeedbackFormValues,
  type FormField,
  type FormKind,
} from '../feedback-form.ts';
import type { CardMessages } from '../i18n/messages.ts';

interface Props {
  kind: FormKind;
  currency: string;
  messages: CardMessages;
  onCancel: () => void;
  onSubmit: (request: FeedbackRequest) => void;
}

/** The fields one answer needs: the amount to adjust to, the reason to reject, the day to snooze until. */
export function FeedbackForm({ kind, currency, messages, onCancel, onSubmit }: Props) {
  const [values, setValues] = useState<FeedbackFormValues>({
    adjustedPotential: undefined,
    reason: '',
    snoozedUntil: '',
  });
  const [invalid, setInvalid] = useState<{ field: FormField; message: string } | null>(null);
  const errorOf = (field: FormField) =>
    invalid?.field === field ? { error: true, validationMessage: invalid.message } : {};

  const submit = () => {
    const checked = checkFeedbackForm(kind, values, messages);
    if (checked.ok) onSubmit(checked.request);
    else setInvalid({ field: checked.field, message: checked.message });
  };

  return (
    <Flex direction="column" gap="sm" testId={`${kind}-form`}>
      {kind === 'adjust' ? (
        <NumberInput
          name="adjustedPotential"
          label={`${messages.adjustedPotential} (${currency})`}
          min={0}
          required
          value={values.adjustedPotential}
          onChange={(adjustedPotential) => setValues({ ...values, adjustedPotential })}
          {...errorOf('adjustedPotential')}
        />
      ) : null}
      {kind === 'snooze' ? (
        <DateInput
          name="snoozedUntil"
          label={messages.snoozeUntil}
          required
          format="YYYY-MM-DD"
          value={baseDate(values.snoozedUntil)}
          onChange={(day) => setValues({ ...values, snoozedUntil: day ? isoDay(day) : '' })}
          {...errorOf('snoozedUntil')}
        />
      ) : null}
      <TextArea
        name="reason"
        label={kind === 'reject' ? messages.reason : messages.reasonOptional}
        required={kind === 'reject'}
        maxLength={reasonMaxLength}
        value={values.reason}
        onChange={(reason) => setValues({ ...values, reason })}
        {...errorOf('reason')}
      />
      <ButtonRow>
        <Button
          variant={kind === 'reject' ? 'destructive' : 'primary'}
          onClick={submit}
          testId="send-feedback"
        >
          {messages.send}
        </Button>
        <Button onClick={onCancel} testId="cancel-feedback">
          {messages.cancel}
        </Button>
      </ButtonRow>
    </Flex>
  );
}
