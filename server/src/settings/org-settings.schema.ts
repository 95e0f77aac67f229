import { orgConfigSchema, priceBookSchema, type OrgConfig, type PriceBook } from '@ripe/shared';
import { z } from 'zod';
import { nightScheduleSchema, type NightSchedule } from './night-settings.schema.ts';
import { channelsInputSchema, type Channels } from './channels.schema.ts';
import { fieldMappingSchema, type FieldMapping } from './field-mapping.schema.ts';
import { syncSettingsSchema, type SyncSettings } from './sync-settings.schema.ts';

/**
 * An org's whole configuration as an admin writes it, validated together: field mapping,
 * business-rule thresholds (the engine's own `orgConfigSchema`), price book, nightly schedule
 * (`null`: on demand only), channels and the night's use of the CRM's API. A section left out takes its defaults.
 */
export const orgSettingsSchema = z
  .strictObject({
    fieldMapping: fieldMappingSchema.prefault({}),
    rules: orgConfigSchema.prefault({}),
    priceBook: priceBookSchema.nullable().default(null),
    schedule: nightScheduleSchema.nullable().default(null),
    channels: channelsInputSchema,
    sync: syncSettingsSchema.prefault({}),
    // What a read returns besides the settings: accepted, so that a read can be written back.
    updatedAt: z.unknown().optional(),
    updatedBy: z.unknown().optional(),
  })
  .superRefine((settings, ctx) => {
    const { window, composite } = settings.rules;
    if (window.leadDaysMin > window.leadDaysMax) {
      ctx.addIssue({
        code: 'custom',
        path: ['rules', 'window', 'leadDaysMin'],
        message: `must not exceed rules.window.leadDaysMax (${window.leadDaysMax})`,
      });
    }
    if (composite.nurtureScore >= composite.readyScore) {
      ctx.addIssue({
        code: 'custom',
        path: ['rules', 'composite', 'nurtureScore'],
        message: `must be below rules.composite.readyScore (${composite.readyScore})`,
      });
    }
    if (settings.priceBook) {
      duplicates(settings.priceBook.tiers.map((tier) => tier.id)).forEach((index) =>
        ctx.addIssue({
          code: 'custom',
          path: ['priceBook', 'tiers', index, 'id'],
          message: 'is used by another tier',
        }),
      );
      duplicates(settings.priceBook.tiers.map((tier) => tier.rank)).forEach((index) =>
        ctx.addIssue({
          code: 'custom',
          path: ['priceBook', 'tiers', index, 'rank'],
          message: 'is used by another tier: ranks order the upgrades',
        }),
      );
      duplicates(settings.priceBook.modules.map((module) => module.id)).forEach((index) =>
        ctx.addIssue({
          code: 'custom',
          path: ['priceBook', 'modules', index, 'id'],
          message: 'is used by another module',
        }),
      );
    }
  });
export type OrgSettingsInput = z.input<typeof orgSettingsSchema>;
export type ParsedOrgSettings = z.output<typeof orgSettingsSchema>;

/** An org's settings as read: webhook URLs are write-only, a read says whether each is configured. */
export interface OrgSettings {
  fieldMapping: FieldMapping;
  rules: OrgConfig;
  priceBook: PriceBook | null;
  schedule: NightSchedule | null;
  channels: Channels;
  sync: SyncSettings;
  /** `null` until an admin first saves settings. */
  updatedAt: Date | null;
  /** The member (or `cli`) who saved them last. */
  updatedBy: string | null;
}

/** Indexes of the values already seen earlier in the list. */
function duplicates<T>(values: readonly T[]): number[] {
  const seen = new Set<T>();
  const repeated: number[] = [];
  values.forEach((value, index) => {
    if (seen.has(value)) repeated.push(index);
    seen.add(value);
  });
  return repeated;
}
