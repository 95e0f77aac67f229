import type { NightSchedule } from './night-settings.schema.ts';
import type { OrgTransaction } from '../store/index.ts';
import type { Channels } from './channels.schema.ts';
import type { FieldMapping } from './field-mapping.schema.ts';
import type { SyncSettings } from './sync-settings.schema.ts';

export interface SettingsRow {
  field_mapping: unknown;
  schedule: unknown;
  channels: unknown;
  sync: unknown;
  updated_at: Date;
  updated_by: string | null;
}

export interface StoredSettings {
  fieldMapping: FieldMapping;
  /** `null` is stored as `{}`: on demand only (what the scheduler reads). */
  schedule: NightSchedule | null;
  channels: Channels;
  sync: SyncSettings;
  updatedBy: string;
}

export async function readSettingsRow(tx: OrgTransaction): Promise<SettingsRow | undefined> {
  const { rows } = await tx.query<SettingsRow>(
    'select field_mapping, schedule, channels, sync, updated_at, updated_by from org_settings where org_id = $1',
    [tx.orgId],
  );
  return rows[0];
}

export async function writeSettingsRow(tx: OrgTransaction, settings: StoredSettings): Promise<void> {
  await tx.query(
    `insert into org_settings (org_id, field_mapping, schedule, channels, sync, updated_at, updated_by)
     values ($1, $2::jsonb, $3::jsonb, $4::jsonb, $6::jsonb, now(), $5)
     on conflict (org_id) do update set
       field_mapping = excluded.field_mapping,
       schedule = excluded.schedule,
       channels = excluded.channels,
       sync = excluded.sync,
       updated_at = excluded.updated_at,
       updated_by = excluded.updated_by`,
    [
      tx.orgId,
      JSON.stringify(settings.fieldMapping),
      JSON.stringify(settings.schedule ?? {}),
      JSON.stringify(settings.channels),
      settings.updatedBy,
      JSON.stringify(settings.sync),
    ],
  );
}
