import { boundedDay, findUnknownKeys, findUnsafeText, usageKindSchema, type UsageKind } from '@ripe/shared';
import { z } from 'zod';

/** Points one `POST /v1/usage` may carry. */
export const maxUsageBatchSize = 10_000;

const usageKinds = usageKindSchema.options;

/**
 * One daily value of one metric of one account, as posted. `kind` defaults to the metric when the
 * metric is a kind's name (`seats_used`); feature adoption names its feature.
 */
export const usagePointSchema = z
  .object({
    accountId: z
      .string({ error: 'must be the account id in the CRM' })
      .trim()
      .min(1, { error: 'must not be empty' })
      .max(200, { error: 'must have at most 200 characters' }),
    metric: z
      .string({ error: 'must be a metric name' })
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/, {
        error: 'must be 1 to 100 characters A-Z a-z 0-9 _ . : - starting with a letter or digit',
      }),
    day: boundedDay(),
    value: z
      .number({ error: 'must be a number' })
      .finite({ error: 'must be a finite number' })
      .nonnegative({ error: 'must be zero or more' }),
    kind: z.enum(usageKinds, { error: `must be one of ${usageKinds.join(', ')}` }).optional(),
    feature: z.string().trim().min(1).max(200).optional(),
    premium: z.boolean({ error: 'must be true or false' }).optional(),
  })
  .transform((point, ctx) => {
    const kind = point.kind ?? (isUsageKind(point.metric) ? point.metric : undefined);
    if (!kind) {
      ctx.addIssue({
        code: 'custom',
        path: ['kind'],
        message: `is required when the metric is not one of ${usageKinds.join(', ')}`,
      });
      return z.NEVER;
    }
    if (kind === 'feature_adoption' && !point.feature) {
      ctx.addIssue({ code: 'custom', path: ['feature'], message: 'is required for feature_adoption' });
      return z.NEVER;
    }
    return { ...point, kind };
  });
export type UsagePointInput = z.input<typeof usagePointSchema>;

/** A valid point, ready to store. */
export interface UsagePoint {
  accountId: string;
  metric: string;
  kind: UsageKind;
  day: string;
  value: number;
  feature?: string;
  premium?: boolean;
}

function isUsageKind(value: string): value is UsageKind {
  return (usageKinds as readonly string[]).includes(value);
}

/** One problem with one point: the field at fault (the API's name) and what is wrong. */
export interface PointIssue {
  field: string;
  message: string;
}

export type PointCheck = { ok: true; point: UsagePoint } | { ok: false; issues: PointIssue[] };

/**
 * Validates one posted point. `latestDay` (`YYYY-MM-DD`) is the last day a value may be for: a day
 * ahead of the sender's clock is tolerated, a value from next week is a bug upstream.
 */
export function checkUsagePoint(raw: unknown, latestDay: string): PointCheck {
  const unsafe = findUnsafeText(raw);
  if (unsafe.length > 0)
    return { ok: false, issues: unsafe.map(({ path, problem }) => ({ field: path, message: problem })) };
  const parsed = usagePointSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({
        field: issue.path.length > 0 ? issue.path.map(String).join('.') : '(point)',
        message: issue.message,
      })),
    };
  }
  const unknown = findUnknownKeys(raw, parsed.data);
  if (unknown.length > 0) {
    return {
      ok: false,
      issues: unknown.map((field) => ({ field, message: 'is not a field of a usage point' })),
    };
  }
  const point = parsed.data;
  if (point.day > latestDay) {
    return { ok: false, issues: [{ field: 'day', message: `must not be after ${latestDay}` }] };
  }
  return { ok: true, point: withoutUndefined(point) };
}

/** The last day a point may be for, given the clock: tomorrow in UTC (senders a day ahead are fine). */
export function latestUsageDay(now: Date): string {
  return new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
}

function withoutUndefined(point: UsagePoint): UsagePoint {
  const { feature, premium, ...rest } = point;
  return {
    ...rest,
    ...(feature === undefined ? {} : { feature }),
    ...(premium === undefined ? {} : { premium }),
  };
}
