import { Alert, Button, ButtonRow, Flex, Heading, Tag, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { CardApi } from '../api/card-api.ts';
import type { Decision, FeedbackKind, FeedbackRequest } from '../api/card-contract.ts';
import type { ApiError } from '../api/ripe-client.ts';
import type { FormKind } from '../feedback-form.ts';
import type { Formatters } from '../format.ts';
import { errorText } from '../i18n/error-text.ts';
import type { CardMessages } from '../i18n/messages.ts';
import { FeedbackForm } from './FeedbackForm.tsx';

/** Where the buttons are: one step at a time. */
export type FeedbackState =
  | { step: 'idle' }
  | { step: 'editing'; kind: FormKind }
  | { step: 'sending'; kind: FeedbackKind }
  | { step: 'sent'; kind: FeedbackKind }
  | { step: 'failed'; kind: FeedbackKind; error: ApiError };

interface Props {
  api: CardApi;
  companyId: string;
  decision: Decision;
  currency: string;
  onDecided: (decision: Decision) => void;
  messages: CardMessages;
  format: Formatters;
}

/** The human decision as it stands, and approve, adjust, reject and snooze. */
export function DecisionPanel({ api, companyId, decision, currency, onDecided, messages, format }: Props) {
  const [state, setState] = useState<FeedbackState>({ step: 'idle' });

  const send = async (request: FeedbackRequest) => {
    setState({ step: 'sending', kind: request.kind });
    const result = await api.sendFeedback(companyId, request);
    if (result.ok) {
      onDecided(result.value.decision);
      setState({ step: 'sent', kind: request.kind });
    } else {
      setState({ step: 'failed', kind: request.kind, error: result.error });
    }
  };

  const sending = state.step === 'sending';
  return (
    <Flex direction="column" gap="sm">
      <Heading>{messages.decision}</Heading>
      <Flex direction="row" gap="sm" align="center">
        <Tag testId="decision-status">{messages.status[decision.status] ?? decision.status}</Tag>
        <Text testId="decision-detail">{decisionDetail(decision, currency, messages, format)}</Text>
      </Flex>
      {state.step === 'sent' ? (
        <Alert
          title={messages.status[decision.status] ?? decision.status}
          variant="success"
          testId="feedback-sent"
        >
          {messages.sent[state.kind]}
        </Alert>
      ) : null}
      {state.step === 'failed' ? (
        <Alert title={messages.feedbackFailed} variant="error" testId="feedback-failed">
          {errorText(messages, state.error)}
        </Alert>
      ) : null}
      {state.step === 'editing' ? (
        <FeedbackForm
          kind={state.kind}
          currency={currency}
          messages={messages}
          onCancel={() => setState({ step: 'idle' })}
          onSubmit={send}
        />
      ) : (
        <ButtonRow>
          <Button
            variant="primary"
            disabled={sending}
            onClick={() => send({ kind: 'approve' })}
            testId="approve"
          >
            {sending && state.kind === 'approve' ? messages.sending : messages.approve}
          </Button>
          <Button
            disabled={sending}
            onClick={() => setState({ step: 'editing', kind: 'adjust' })}
            testId="adjust"
          >
            {messages.adjust}
          </Button>
          <Button
            disabled={sending}
            onClick={() => setState({ step: 'editing', kind: 'snooze' })}
            testId="snooze"
          >
            {messages.snooze}
          </Button>
          <Button
            variant="destructive"
            disabled={sending}
            onClick={() => setState({ step: 'editing', kind: 'reject' })}
            testId="reject"
          >
            {messages.reject}
          </Button>
        </ButtonRow>
      )}
    </Flex>
  );
}

function decisionDetail(
  decision: Decision,
  currency: string,
  messages: CardMessages,
  format: Formatters,
): string {
  switch (decision.status) {
    case 'adjusted':
      return decision.adjustedPotential === null
        ? ''
        : messages.adjustedTo(format.money(decision.adjustedPotential, currency));
    case 'rejected':
      return decision.rejectionReason ? messages.rejectedBecause(decision.rejectionReason) : '';
    case 'snoozed':
      return decision.snoozedUntil ? messages.snoozedUntil(format.day(decision.snoozedUntil)) : '';
    default:
      return '';
  }
}
