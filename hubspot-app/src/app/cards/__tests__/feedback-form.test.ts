import { describe, expect, it } from 'vitest';
import { baseDate, checkFeedbackForm, isoDay, type FeedbackFormValues } from '../feedback-form.ts';
import { cardMessages } from '../i18n/messages.ts';

const messages = cardMessages('en');
const empty: FeedbackFormValues = { adjustedPotential: undefined, reason: '', snoozedUntil: '' };

describe('checkFeedbackForm', () => {
  it.each([
    ['adjust', empty, { ok: false, field: 'adjustedPotential', message: messages.amountRequired }],
    [
      'adjust',
      { ...empty, adjustedPotential: -1 },
      { ok: false, field: 'adjustedPotential', message: messages.amountRequired },
    ],
    [
      'adjust',
      { ...empty, adjustedPotential: 0 },
      { ok: true, request: { kind: 'adjust', adjustedPotential: 0 } },
    ],
    [
      'reject',
      { ...empty, reason: ' \n ' },
      { ok: false, field: 'reason', message: messages.reasonRequired },
    ],
    [
      'reject',
      { ...empty, reason: 'x'.repeat(2001) },
      { ok: false, field: 'reason', message: messages.reasonRequired },
    ],
    [
      'reject',
      { ...empty, reason: ' Too early ' },
      { ok: true, request: { kind: 'reject', reason: 'Too early' } },
    ],
    [
      'snooze',
      { ...empty, snoozedUntil: '15/01/2027' },
      { ok: false, field: 'snoozedUntil', message: messages.dateRequired },
    ],
    [
      'snooze',
      { ...empty, snoozedUntil: '2027-01-15', reason: 'After the budget' },
      { ok: true, request: { kind: 'snooze', snoozedUntil: '2027-01-15', reason: 'After the budget' } },
    ],
  ] as const)('%s %j', (kind, values, expected) => {
    expect(checkFeedbackForm(kind, values, messages)).toStrictEqual(expected);
  });
});

describe('DateInput days', () => {
  it('counts months from 0 both ways', () => {
    expect(isoDay({ year: 2027, month: 0, date: 5 })).toBe('2027-01-05');
    expect(baseDate('2027-12-31')).toStrictEqual({ year: 2027, month: 11, date: 31 });
    expect(baseDate('')).toBeUndefined();
  });
});
