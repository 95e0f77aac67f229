import { Alert, Button, Divider, Flex, Heading, Text, Toggle } from '@hubspot/ui-extensions';
import { useMemo, useState } from 'react';
import type { SettingsApi } from '../api/settings-api.ts';
import type { SettingsDocument } from '../api/settings-contract.ts';
import type { ApiError, FieldIssue } from '../api/ripe-client.ts';
import { messages } from '../i18n/messages.ts';
import {
  initialDraft,
  issuesByField,
  settingsPatch,
  type Draft,
  type DraftValue,
} from '../settings-draft.ts';
import {
  channelFields,
  fieldMappingFields,
  priceBookFields,
  ruleFields,
  scheduleFields,
  syncFields,
  type FieldSpec,
} from '../settings-fields.ts';
import { SettingsField } from './SettingsField.tsx';

type SaveState =
  | { step: 'editing' }
  | { step: 'saving' }
  | { step: 'saved' }
  | { step: 'unchanged' }
  | { step: 'failed'; error: ApiError; byField: Record<string, string>; unplaced: FieldIssue[] };

interface Props {
  api: SettingsApi;
  document: SettingsDocument;
  onSaved: (document: SettingsDocument) => void;
}

/** Field mapping, rule thresholds, price book, schedule, channels and API use, saved as one merge patch. */
export function SettingsForm({ api, document, onSaved }: Props) {
  const tiers = document.priceBook?.tiers ?? [];
  const fields = useMemo(
    () => [
      ...fieldMappingFields,
      ...ruleFields,
      ...priceBookFields(tiers),
      ...scheduleFields,
      ...channelFields,
      ...syncFields,
    ],
    [tiers],
  );
  const [draft, setDraft] = useState<Draft>(() => initialDraft(document, fields));
  const [nightly, setNightly] = useState(document.schedule !== null);
  const [save, setSave] = useState<SaveState>({ step: 'editing' });

  const issueOf = (path: string) => (save.step === 'failed' ? save.byField[path] : undefined);
  const field = (spec: FieldSpec, configured?: boolean) => (
    <SettingsField
      key={spec.path}
      field={spec}
      value={draft[spec.path]}
      onChange={(value: DraftValue) => setDraft((current) => ({ ...current, [spec.path]: value }))}
      issue={issueOf(spec.path)}
      {...(configured === undefined ? {} : { configured })}
    />
  );

  const submit = async () => {
    const patch = settingsPatch(document, fields, draft, { enabled: nightly });
    if (!patch) return setSave({ step: 'unchanged' });
    setSave({ step: 'saving' });
    const result = await api.save(patch);
    if (result.ok) {
      onSaved(result.value);
      setSave({ step: 'saved' });
      return;
    }
    const issues = result.error.kind === 'http' ? result.error.issues : [];
    setSave({ step: 'failed', error: result.error, ...issuesByField(issues, fields) });
  };

  return (
    <Flex direction="column" gap="md">
      <Heading>{messages.fieldMapping}</Heading>
      <Text variant="microcopy">{messages.usageSource(document.fieldMapping.usage.source)}</Text>
      {fieldMappingFields.map((spec) => field(spec))}
      <Divider />
      <Heading>{messages.rules}</Heading>
      {ruleFields.map((spec) => field(spec))}
      <Divider />
      <Heading>{messages.priceBook}</Heading>
      {document.priceBook ? (
        <Flex direction="column" gap="sm">
          <Text testId="price-book-currency">{messages.currency(document.priceBook.currency)}</Text>
          {priceBookFields(tiers).map((spec) => field(spec))}
          {document.priceBook.modules.length > 0 ? (
            <Text variant="microcopy">
              {messages.modules(document.priceBook.modules.map((module) => module.name).join(', '))}
            </Text>
          ) : null}
        </Flex>
      ) : (
        <Text testId="no-price-book">{messages.noPriceBook}</Text>
      )}
      <Divider />
      <Heading>{messages.schedule}</Heading>
      <Toggle label={messages.nightly} checked={nightly} onChange={setNightly} testId="nightly" />
      {nightly ? scheduleFields.map((spec) => field(spec)) : null}
      <Divider />
      <Heading>{messages.channels}</Heading>
      {field(channelFields[0] as FieldSpec)}
      {field(channelFields[1] as FieldSpec, document.channels.slack.webhookConfigured)}
      {field(channelFields[2] as FieldSpec, document.channels.teams.webhookConfigured)}
      <Divider />
      <Heading>{messages.sync}</Heading>
      {syncFields.map((spec) => field(spec))}
      {save.step === 'saved' ? <Alert title={messages.saved} variant="success" testId="saved" /> : null}
      {save.step === 'unchanged' ? (
        <Alert title={messages.unchanged} variant="info" testId="unchanged" />
      ) : null}
      {save.step === 'failed' ? (
        <Alert title={messages.saveFailed} variant="error" testId="save-failed">
          {[
            messages.error(save.error),
            Object.keys(save.byField).length > 0 ? messages.fixFields : '',
            ...save.unplaced.map((issue) => `${issue.field ?? ''} ${issue.message}`.trim()),
          ]
            .filter(Boolean)
            .join(' ')}
        </Alert>
      ) : null}
      <Button variant="primary" disabled={save.step === 'saving'} onClick={() => void submit()} testId="save">
        {save.step === 'saving' ? messages.saving : messages.save}
      </Button>
    </Flex>
  );
}
