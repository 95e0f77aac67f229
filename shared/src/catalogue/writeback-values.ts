// The CRM value of every machine-owned catalogue field, derived from one verdict. Pure and stable:
// the night compares tonight's values with what the CRM holds, so an unchanged verdict must give
// byte-identical values or every account would be rewritten every night.
import type { Evidence, Verdict } from '../verdict/verdict.schema.ts';
import { machineFields, type FieldType, type MachineFieldName } from './field-catalogue.ts';
import { signalCatalogue } from './signal-catalogue.ts';

/**
 * A value written to one catalogue field: a number, a `YYYY-MM-DD` date, a picklist value, text, a
 * CRM record id; `null` clears the field.
 *
 * @example const cleared: CatalogueFieldValue = null;
 */
export type CatalogueFieldValue = string | number | null;

/**
 * The write-back of one verdict, keyed by logical field name.
 *
 * @example const values: MachineFieldValues = machineFieldValues(verdict);
 */
export type MachineFieldValues = Record<MachineFieldName, CatalogueFieldValue>;

// Exhaustive by type: a machine field added to the catalogue without a line here fails to compile.
const fromVerdict: { readonly [Name in MachineFieldName]: (verdict: Verdict) => CatalogueFieldValue } = {
  readiness: (verdict) => verdict.readiness,
  score: (verdict) => Math.min(100, Math.max(0, verdict.score)),
  probability: (verdict) => verdict.probability,
  probability_low: (verdict) => verdict.probabilityInterval[0],
  probability_high: (verdict) => verdict.probabilityInterval[1],
  confidence: (verdict) => verdict.confidence,
  motion: (verdict) => verdict.motion,
  potential: (verdict) => verdict.potential.arr,
  potential_low: (verdict) => verdict.potential.low,
  potential_high: (verdict) => verdict.potential.high,
  expected_value: (verdict) => verdict.expectedValue,
  window_start: (verdict) => verdict.window?.opensOn ?? null,
  window_end: (verdict) => verdict.window?.closesOn ?? null,
  signals: signalsText,
  contradictions: contradictionsText,
  approach: approachText,
  email_draft: emailDraftText,
  decision_maker: (verdict) => verdict.agent?.decisionMaker?.contactId ?? null,
  last_scored_at: (verdict) => verdict.asOf,
};

/**
 * The CRM value of every machine-owned catalogue field for one verdict, in catalogue order.
 *
 * Rounding follows the field's catalogue type, half up (`Math.round`): `number` to a whole number
 * (the score, clamped to 0–100), `percent` to a fraction with 4 decimals (0.1234 = 12.34 %),
 * `currency` to whole units. Text is cut to the entry's `maxLength`, ending in `…`; empty text is
 * `null`. `signals` lists the positive signals, strongest first, one line each:
 * `<catalogue label>: <evidence description> — <quote or value> (<evidence date>)`, from the first
 * evidence the signal cites. `contradictions` is one `<label>: <description> (<date>)` line each;
 * `approach` is the agent's talk track then `Next step: …`; `email_draft` is `Subject: …`, a blank line,
 * then the body. `probability_low` and `probability_high` are the ends of the probability's interval.
 *
 * @example
 * const values = machineFieldValues(verdict);
 * values.score; // 72
 * values.probability; // 0.7235
 * values.window_start; // '2026-10-15'
 */
export function machineFieldValues(verdict: Verdict): MachineFieldValues {
  const entries = machineFields.map((field) => {
    const value = fromVerdict[field.name](verdict);
    return [field.name, crmValue(field.type, field.maxLength, value)] as const;
  });
  // fromEntries loses the key type; the keys are exactly `machineFields`' names.
  return Object.fromEntries(entries) as MachineFieldValues;
}

function crmValue(
  type: FieldType,
  maxLength: number | undefined,
  value: CatalogueFieldValue,
): CatalogueFieldValue {
  if (typeof value === 'number') return rounded(type, value);
  // A CRM reads an empty text back as null: writing null keeps tonight's and last night's values equal.
  if (value === '') return null;
  if (typeof value === 'string' && maxLength !== undefined) return bounded(value, maxLength);
  return value;
}

function rounded(type: FieldType, value: number): number {
  switch (type) {
    case 'percent':
      return Math.round(value * 10_000) / 10_000;
    case 'number':
    case 'currency':
      return Math.round(value);
    default:
      return value;
  }
}

const ELLIPSIS = '…';

function bounded(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let end = maxLength - ELLIPSIS.length;
  // Never keep half of a surrogate pair: both CRMs reject or mangle a lone surrogate.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end) + ELLIPSIS;
}

function signalsText(verdict: Verdict): string {
  const cited = citedEvidence(verdict);
  return verdict.signals
    .filter((signal) => signal.polarity === 'positive')
    .toSorted((a, b) => b.strength - a.strength)
    .map((signal) => {
      const label = signalCatalogue[signal.code].label;
      const evidence = cited(signal.evidenceIds);
      return evidence ? signalLine(label, evidence) : label;
    })
    .join('\n');
}

function contradictionsText(verdict: Verdict): string {
  const cited = citedEvidence(verdict);
  return verdict.contradictions
    .map((contradiction) => {
      const evidence = cited(contradiction.evidenceIds);
      return evidence
        ? `${contradiction.label}: ${evidence.description} (${evidence.date})`
        : contradiction.label;
    })
    .join('\n');
}

function approachText(verdict: Verdict): string | null {
  if (!verdict.agent) return null;
  const { talkTrack, nextStep } = verdict.agent;
  const lines = talkTrack.map((line) => line.trim()).filter((line) => line.length > 0);
  if (nextStep.trim()) lines.push(`Next step: ${nextStep.trim()}`);
  return lines.join('\n');
}

// The subject on the first line, so a reader (and the cards) can tell it from the body.
function emailDraftText(verdict: Verdict): string | null {
  if (!verdict.agent) return null;
  const subject = verdict.agent.emailDraft.subject.trim();
  const body = verdict.agent.emailDraft.body.trim();
  if (!subject && !body) return null;
  return subject ? `Subject: ${subject}\n\n${body}`.trimEnd() : body;
}

/** The first of `ids` the verdict carries evidence for. */
function citedEvidence(verdict: Verdict): (ids: readonly string[]) => Evidence | undefined {
  const byId = new Map(verdict.evidence.map((evidence) => [evidence.id, evidence]));
  return (ids) => ids.map((id) => byId.get(id)).find((evidence) => evidence !== undefined);
}

/**
 * One fact as a person reads it: its description, the figure when the description does not already state it
 * (a value of 0.888 beside "Seat utilisation 89 %" would read as a second, different figure), the customer's
 * words when it quotes them, its date.
 *
 * @example factText(evidence); // 'Seat utilisation 94 % (47 of 50 seats used, weekly median) (2026-09-28)'
 */
/**
 * A signal's line: its label, then its fact, the label said once when the fact opens with it
 * ("New team, use case or project: team, office or department coming on board …", not the label twice).
 */
export function signalLine(label: string, evidence: Evidence): string {
  const fact = factText(evidence);
  return fact.toLowerCase().startsWith(label.toLowerCase()) ? fact : `${label}: ${fact}`;
}

export function factText(evidence: Evidence): string {
  const detail = evidence.quote
    ? ` — “${evidence.quote}”`
    : stated(evidence.description, evidence.value)
      ? ''
      : ` — ${formatValue(evidence.value)}`;
  return `${evidence.description}${detail} (${evidence.date})`;
}

/** Whether the description already gives the value: as written, rounded, or as a percentage of 1. */
function stated(description: string, value: number | string): boolean {
  if (typeof value === 'string') return description.includes(value);
  const percent = Math.round(value * 100);
  const forms = [
    formatValue(value),
    value.toLocaleString('en-US', { maximumFractionDigits: 2 }),
    Number.isInteger(value) ? String(value) : '',
    Math.abs(value) <= 10 ? `${percent} %` : '',
    Math.abs(value) <= 10 ? `${percent}%` : '',
  ].filter((form) => form !== '');
  return forms.some((form) => new RegExp(`(^|[^\\d.,])${escapeRegExp(form)}($|[^\\d])`).test(description));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// 4 decimals at most, without trailing zeros: 0.8200000000000001 reads 0.82.
function formatValue(value: number | string): string {
  return typeof value === 'number' ? String(Number(value.toFixed(4))) : value;
}
