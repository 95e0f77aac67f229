import { findUnknownKeys, RipeError, toFieldIssues, type FieldIssue } from '@ripe/shared';
import { syncSettingsSchema } from './sync-settings.schema.ts';
import { z } from 'zod';
import { recordAudit } from '../audit/index.ts';
import { readStoredSchedule } from './night-settings.schema.ts';
import { getOrg, updateOrgSettings, type OrgTransaction } from '../store/index.ts';
import { channelsSchema, webhookSecretName, type Channels, type WebhookChannel } from './channels.schema.ts';
import { fieldMappingSchema } from './field-mapping.schema.ts';
import { applyMergePatch, isPlainObject } from './merge-patch.ts';
import { orgSettingsSchema, type OrgSettings, type ParsedOrgSettings } from './org-settings.schema.ts';
import { readSettingsRow, writeSettingsRow } from './settings.repository.ts';
import { changedPaths } from './settings-diff.ts';

/** Where webhook URLs are sealed: the secrets module's repository. */
export interface WebhookSecretStore {
  putSecret(tx: OrgTransaction, name: string, plaintext: string): Promise<void>;
  deleteSecret(tx: OrgTransaction, name: string): Promise<boolean>;
}

export interface SettingsWriter {
  /** A member id, or `cli`: recorded as the audit entry's actor. */
  actor: string;
  /** Absent when the server has no master key: then a webhook URL cannot be set. */
  secrets: WebhookSecretStore | undefined;
}

export interface SettingsChange {
  settings: OrgSettings;
  /** Dotted paths that changed (never a value); empty when the write changed nothing. */
  changed: string[];
}

const webhookChannels: readonly WebhookChannel[] = ['slack', 'teams'];

/** The org's settings, with each section's defaults until an admin saves them. */
export async function getOrgSettings(tx: OrgTransaction): Promise<OrgSettings> {
  const org = await getOrg(tx);
  if (!org) throw new RipeError('not_found', `Org ${tx.orgId} not found`);
  const row = await readSettingsRow(tx);
  const schedule = readStoredSchedule(row?.schedule);
  const channels = channelsSchema.safeParse(row?.channels);
  const sync = syncSettingsSchema.safeParse(row?.sync ?? {});
  return {
    fieldMapping: fieldMappingSchema.parse(row?.field_mapping ?? {}),
    rules: org.config,
    priceBook: org.priceBook,
    schedule: schedule.kind === 'scheduled' ? schedule.schedule : null,
    channels: channels.success ? channels.data : noChannels(),
    sync: sync.success ? sync.data : syncSettingsSchema.parse({}),
    updatedAt: row?.updated_at ?? null,
    updatedBy: row?.updated_by ?? null,
  };
}

/**
 * Replaces the whole settings document (PUT). Everything is validated before anything is written,
 * and all of it is written in the caller's transaction with one audit entry naming the changed
 * paths: a bad document leaves the previous settings as they were. Webhook URLs are write-only: an
 * absent `webhookUrl` keeps the configured one, `null` removes it.
 */
export async function replaceOrgSettings(
  tx: OrgTransaction,
  input: unknown,
  writer: SettingsWriter,
): Promise<SettingsChange> {
  const before = await getOrgSettings(tx);
  return write(tx, before, validate(tx.orgId, input), writer);
}

/** Applies a JSON merge patch (RFC 7396) to the settings (PATCH), then validates and writes like PUT. */
export async function patchOrgSettings(
  tx: OrgTransaction,
  patch: unknown,
  writer: SettingsWriter,
): Promise<SettingsChange> {
  if (!isPlainObject(patch)) {
    throw invalid(tx.orgId, [issue(tx.orgId, '(settings)', 'must be a JSON object (a merge patch)')]);
  }
  const before = await getOrgSettings(tx);
  const merged = applyMergePatch(documentOf(before), patch) as Record<string, unknown>;
  // In a merge patch `null` deletes, but for a write-only URL it means "remove the webhook".
  for (const channel of webhookChannels) {
    if (webhookUrlIn(patch, channel) !== null) continue;
    const channels = isPlainObject(merged.channels) ? merged.channels : {};
    const entry = isPlainObject(channels[channel]) ? channels[channel] : {};
    merged.channels = { ...channels, [channel]: { ...entry, webhookUrl: null } };
  }
  return write(tx, before, validate(tx.orgId, merged), writer);
}

async function write(
  tx: OrgTransaction,
  before: OrgSettings,
  parsed: ParsedOrgSettings,
  writer: SettingsWriter,
): Promise<SettingsChange> {
  const secretsToSet = webhookChannels.filter(
    (channel) => typeof parsed.channels[channel].webhookUrl === 'string',
  );
  if (secretsToSet.length > 0 && !writer.secrets) {
    throw invalid(
      tx.orgId,
      secretsToSet.map((channel) =>
        issue(
          tx.orgId,
          `channels.${channel}.webhookUrl`,
          'cannot be stored: the server has no master key to encrypt secrets (RIPE_MASTER_KEY)',
        ),
      ),
    );
  }
  const channels: Channels = {
    email: { digestRecipients: parsed.channels.email.digestRecipients },
    slack: { webhookConfigured: configured(parsed, before, 'slack') },
    teams: { webhookConfigured: configured(parsed, before, 'teams') },
  };
  const after = { ...documentOf(before), ...sectionsOf(parsed), channels };
  const changed = [
    // A webhook's `webhookConfigured` flips when its URL is set or removed: name the URL.
    ...changedPaths(documentOf(before), after).map((path) =>
      path.replace(/^channels\.(slack|teams)\.webhookConfigured$/, 'channels.$1.webhookUrl'),
    ),
    // A URL set again may be the same one: it is sealed, so any write of it counts as a change.
    ...secretsToSet.map((channel) => `channels.${channel}.webhookUrl`),
  ];
  const removed = webhookChannels.filter(
    (channel) => parsed.channels[channel].webhookUrl === null && before.channels[channel].webhookConfigured,
  );
  if (changed.length === 0) return { settings: before, changed };

  await updateOrgSettings(tx, { config: parsed.rules, priceBook: parsed.priceBook });
  await writeSettingsRow(tx, {
    fieldMapping: parsed.fieldMapping,
    schedule: parsed.schedule,
    channels,
    sync: parsed.sync,
    updatedBy: writer.actor,
  });
  for (const channel of secretsToSet) {
    await writer.secrets?.putSecret(
      tx,
      webhookSecretName[channel],
      parsed.channels[channel].webhookUrl ?? '',
    );
  }
  for (const channel of removed) await writer.secrets?.deleteSecret(tx, webhookSecretName[channel]);
  const uniqueChanged = [...new Set(changed)];
  await recordAudit(tx, {
    actor: writer.actor,
    action: 'settings.updated',
    target: 'settings',
    details: { changed: uniqueChanged },
  });
  return { settings: await getOrgSettings(tx), changed: uniqueChanged };
}

function validate(orgId: string, input: unknown): ParsedOrgSettings {
  const parsed = orgSettingsSchema.safeParse(input);
  if (!parsed.success) throw invalid(orgId, settingsIssues(orgId, parsed.error));
  // The sections are the engine's own schemas, which strip what they do not know: a typo is named.
  const unknown = findUnknownKeys(input, parsed.data);
  if (unknown.length > 0)
    throw invalid(
      orgId,
      unknown.map((path) => issue(orgId, path, 'is not a settings field')),
    );
  return parsed.data;
}

/** zod's issues as field issues; an unknown key is named as the field at fault (a typo, usually). */
function settingsIssues(orgId: string, error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((zodIssue) => {
    if (zodIssue.code !== 'unrecognized_keys')
      return toFieldIssues('settings', orgId, new z.ZodError([zodIssue]));
    return zodIssue.keys.map((key) =>
      issue(orgId, [...zodIssue.path.map(String), key].join('.'), 'is not a settings field'),
    );
  });
}

function configured(parsed: ParsedOrgSettings, before: OrgSettings, channel: WebhookChannel): boolean {
  const url = parsed.channels[channel].webhookUrl;
  return url === undefined ? before.channels[channel].webhookConfigured : url !== null;
}

/** The settings as a JSON document: what a read returns without its metadata, what a patch applies to. */
function documentOf(settings: OrgSettings): Record<string, unknown> {
  const { updatedAt: _updatedAt, updatedBy: _updatedBy, ...document } = settings;
  return JSON.parse(JSON.stringify(document)) as Record<string, unknown>;
}

function sectionsOf(parsed: ParsedOrgSettings): Record<string, unknown> {
  const { fieldMapping, rules, priceBook, schedule, sync } = parsed;
  return JSON.parse(JSON.stringify({ fieldMapping, rules, priceBook, schedule, sync })) as Record<
    string,
    unknown
  >;
}

function webhookUrlIn(patch: Record<string, unknown>, channel: WebhookChannel): unknown {
  const channels = patch.channels;
  if (!isPlainObject(channels)) return undefined;
  const entry = channels[channel];
  return isPlainObject(entry) ? entry.webhookUrl : undefined;
}

function noChannels(): Channels {
  return {
    email: { digestRecipients: [] },
    slack: { webhookConfigured: false },
    teams: { webhookConfigured: false },
  };
}

function issue(orgId: string, field: string, message: string): FieldIssue {
  return { record: 'settings', recordId: orgId, field, message };
}

function invalid(orgId: string, issues: FieldIssue[]): RipeError {
  return new RipeError('invalid_config', `The settings of org ${orgId} are invalid`, { issues });
}
