// The feedback forms' values turned into the request the backend takes, or the message to show next to the field
// that stops it. Pure, so each rule is tested without rendering.
import { reasonMaxLength, type FeedbackRequest } from './api/card-contract.ts';
import type { CardMessages } from './i18n/messages.ts';

export type FormKind = 'adjust' | 'reject' | 'snooze';

export interface FeedbackFormValues {
  adjustedPotential: number | undefined;
  reason: string;
  /** YYYY-MM-DD, or empty until a day is picked. */
  snoozedUntil: string;
}

export type FormField = 'adjustedPotential' | 'reason' | 'snoozedUntil';

export type FormCheck =
  { ok: true; request: FeedbackRequest } | { ok: false; field: FormField; message: string };

export function checkFeedbackForm(
  kind: FormKind,
  values: FeedbackFormValues,
  messages: CardMessages,
): FormCheck {
  const reason = values.reason.trim();
  const optionalReason = reason ? { reason: reason.slice(0, reasonMaxLength) } : {};
  switch (kind) {
    case 'adjust':
      if (values.adjustedPotential === undefined || !(values.adjustedPotential >= 0))
        return { ok: false, field: 'adjustedPotential', message: messages.amountRequired };
      return { ok: true, request: { kind, adjustedPotential: values.adjustedPotential, ...optionalReason } };
    case 'reject':
      if (!reason || reason.length > reasonMaxLength)
        return { ok: false, field: 'reason', message: messages.reasonRequired };
      return { ok: true, request: { kind, reason } };
    case 'snooze':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(values.snoozedUntil))
        return { ok: false, field: 'snoozedUntil', message: messages.dateRequired };
      return { ok: true, request: { kind, snoozedUntil: values.snoozedUntil, ...optionalReason } };
  }
}

/** DateInput's value (month from 0) as a calendar day. */
export function isoDay(value: { year: number; month: number; date: number }): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.year}-${pad(value.month + 1)}-${pad(value.date)}`;
}

/** A calendar day as DateInput's value; undefined while none is picked. */
export function baseDate(isoDate: string): { year: number; month: number; date: number } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return undefined;
  return { year: Number(match[1]), month: Number(match[2]) - 1, date: Number(match[3]) };
}
