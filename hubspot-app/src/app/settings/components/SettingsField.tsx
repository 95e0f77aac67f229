import { Input, NumberInput, TextArea } from '@hubspot/ui-extensions';
import type { DraftValue } from '../settings-draft.ts';
import type { FieldSpec } from '../settings-fields.ts';
import { messages } from '../i18n/messages.ts';

interface Props {
  field: FieldSpec;
  value: DraftValue;
  onChange: (value: DraftValue) => void;
  /** The backend's word on this field after a refused save. */
  issue: string | undefined;
  /** For a webhook URL: whether one is configured (the URL itself is never read back). */
  configured?: boolean;
}

/** One setting, named by its path: the input the backend's `issues[].field` points at. */
export function SettingsField({ field, value, onChange, issue, configured }: Props) {
  const common = {
    name: field.path,
    label: field.label,
    testId: field.path,
    error: issue !== undefined,
    ...(issue !== undefined ? { validationMessage: issue } : {}),
  };
  switch (field.kind) {
    case 'number':
      return (
        <NumberInput
          {...common}
          description={field.description}
          value={typeof value === 'number' ? value : undefined}
          onChange={(number) => onChange(number)}
        />
      );
    case 'list':
      return (
        <TextArea
          {...common}
          description={field.description}
          value={String(value ?? '')}
          onChange={(text) => onChange(text)}
        />
      );
    case 'secret':
      return (
        <Input
          {...common}
          type="password"
          description={configured ? messages.webhookConfigured : messages.webhookMissing}
          value={String(value ?? '')}
          onChange={(text) => onChange(text)}
        />
      );
    case 'text':
      return (
        <Input
          {...common}
          description={field.description}
          value={String(value ?? '')}
          onChange={(text) => onChange(text)}
        />
      );
  }
}
