import { z } from 'zod';
import { contactRoleInputSchema } from './contact-role.ts';

/** A calendar day, `YYYY-MM-DD` (UTC). */
export const isoDate = z.iso.date();
/** An instant, ISO 8601 with offset. */
export const isoDateTime = z.iso.datetime({ offset: true });

export const segmentSchema = z.enum(['smb', 'mid_market', 'enterprise']);
export type Segment = z.infer<typeof segmentSchema>;

export const accountSchema = z.object({
  /** External id of the account in the CRM (Salesforce Account Id, HubSpot company id). */
  id: z.string().min(1),
  name: z.string().min(1),
  segment: segmentSchema,
  industry: z.string().min(1),
  country: z.string().length(2).optional(),
  ownerId: z.string().optional(),
  ownerName: z.string().optional(),
  csmId: z.string().optional(),
  csmName: z.string().optional(),
  createdAt: isoDate,
  /**
   * The currency the account buys in (ISO 4217): its contract price and its opportunities' amounts are in
   * it, and its potential is sized in it. Defaults to the price book's currency.
   */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as USD or EUR')
    .optional(),
});
export type Account = z.infer<typeof accountSchema>;

/** One amendment of the licence: from `effectiveDate` on, these seats and this tier were licensed. */
export const licenceAmendmentSchema = z.object({
  effectiveDate: isoDate,
  seatsLicensed: z.number().int().nonnegative(),
  /** Tier id from the org's price book. */
  tier: z.string().min(1),
});
export type LicenceAmendment = z.infer<typeof licenceAmendmentSchema>;

export const contractSchema = z.object({
  /** Tier id from the org's price book. */
  tier: z.string().min(1),
  seatsLicensed: z.number().int().nonnegative(),
  /** Committed consumption, in the price book's usage unit, per month (0 when none). */
  committedVolume: z.number().nonnegative().default(0),
  /** Annual contract value (ARR) in the price book's currency. */
  price: z.number().nonnegative(),
  startDate: isoDate,
  renewalDate: isoDate,
  /** Module ids from the price book already licensed. */
  modules: z.array(z.string()).default([]),
  /**
   * The licence's history, oldest first: each amendment holds from its date until the next one. The
   * latest one in force must be the contract's own `seatsLicensed` and `tier` (the terms of today), so
   * past usage is read against the licence of its day, not today's.
   */
  licenceHistory: z
    .array(licenceAmendmentSchema)
    .optional()
    .superRefine((history = [], ctx) => {
      for (let i = 1; i < history.length; i++) {
        if (history[i]!.effectiveDate <= history[i - 1]!.effectiveDate)
          ctx.addIssue({
            code: 'custom',
            path: [i, 'effectiveDate'],
            message: `amendments must be in date order: ${history[i]!.effectiveDate} is not after ${history[i - 1]!.effectiveDate}`,
          });
      }
    }),
});
export type Contract = z.infer<typeof contractSchema>;

export const usageKindSchema = z.enum(['seats_used', 'active_users', 'consumption', 'feature_adoption']);
export type UsageKind = z.infer<typeof usageKindSchema>;

/**
 * A daily usage series, stored column-wise for speed: `values[i]` is the value on `start + i` days.
 * `null` marks a missing day (outage, no data).
 *
 * @example { metric: 'seats_used', kind: 'seats_used', start: '2025-11-01', values: [40, 41, null, 42] }
 */
export const usageSeriesSchema = z.object({
  metric: z.string().min(1),
  kind: usageKindSchema,
  /** For feature adoption: the feature (or module) id. */
  feature: z.string().optional(),
  /** For feature adoption: whether the feature belongs to a premium tier or a paid module. */
  premium: z.boolean().optional(),
  start: isoDate,
  values: z.array(z.number().nonnegative().nullable()),
});
export type UsageSeries = z.infer<typeof usageSeriesSchema>;

export {
  contactRoleSchema,
  contactRoleInputSchema,
  contactRoleOf,
  type ContactRole,
} from './contact-role.ts';
export const senioritySchema = z.enum(['c_level', 'vp', 'director', 'manager', 'individual']);
export type Seniority = z.infer<typeof senioritySchema>;

export const contactSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  email: z.string().optional(),
  phone: z.string().optional(),
  title: z.string().default(''),
  role: contactRoleInputSchema.default('unknown'),
  seniority: senioritySchema.default('individual'),
  createdAt: isoDate,
  firstActivityAt: isoDate.optional(),
  lastActivityAt: isoDate.optional(),
  /** Set when the contact left the company (or the CRM marked them inactive). */
  leftAt: isoDate.optional(),
});
export type Contact = z.infer<typeof contactSchema>;

export const activityTypeSchema = z.enum(['email', 'note', 'meeting', 'call']);
export type ActivityType = z.infer<typeof activityTypeSchema>;

export const activitySchema = z.object({
  id: z.string().min(1),
  type: activityTypeSchema,
  occurredAt: isoDateTime,
  /** inbound = from the customer, outbound = from us, internal = our own notes. */
  direction: z.enum(['inbound', 'outbound', 'internal']),
  /** Contact ids taking part. */
  participants: z.array(z.string()).default([]),
  subject: z.string().optional(),
  text: z.string().default(''),
});
export type Activity = z.infer<typeof activitySchema>;

export const ticketSchema = z.object({
  id: z.string().min(1),
  openedAt: isoDate,
  closedAt: isoDate.optional(),
  priority: z.enum(['low', 'normal', 'high', 'urgent']),
  status: z.enum(['open', 'pending', 'closed']),
  escalated: z.boolean().default(false),
  subject: z.string().default(''),
});
export type Ticket = z.infer<typeof ticketSchema>;

export const opportunityTypeSchema = z.enum([
  'new_business',
  'renewal',
  'upsell',
  'cross_sell',
  'usage_commit',
  'contraction',
]);
export type OpportunityType = z.infer<typeof opportunityTypeSchema>;

export const opportunitySchema = z.object({
  id: z.string().min(1),
  type: opportunityTypeSchema,
  /** Annualised amount (ARR delta for expansions and contractions). */
  amount: z.number().nonnegative(),
  stage: z.enum(['open', 'closed_won', 'closed_lost']),
  createdAt: isoDate,
  closedAt: isoDate.optional(),
});
export type Opportunity = z.infer<typeof opportunitySchema>;

/**
 * The canonical snapshot of one account: every connector normalises into this, every technique reads it.
 */
export const accountSnapshotSchema = z.object({
  account: accountSchema,
  contract: contractSchema,
  usage: z.array(usageSeriesSchema).default([]),
  contacts: z.array(contactSchema).default([]),
  activities: z.array(activitySchema).default([]),
  tickets: z.array(ticketSchema).default([]),
  opportunities: z.array(opportunitySchema).default([]),
});
export type AccountSnapshot = z.infer<typeof accountSnapshotSchema>;
export type AccountSnapshotInput = z.input<typeof accountSnapshotSchema>;
