// What the card shows, derived from the record's values. Pure: `now` is passed in.

const DAY_MS = 86_400_000;
// `<label>: <fact> (<YYYY-MM-DD>)`, the shape the nightly run writes signals and contradictions in.
const EVIDENCE_LINE = /^([^:]+): (.+) \((\d{4}-\d{2}-\d{2})\)$/;
const NEXT_STEP = /^Next step: /;
// The email draft's first line when it has a subject: `Subject: <subject>`, then a blank line, then the body.
const SUBJECT = /^Subject: (.*)$/;

/**
 * One line of the signals or contradictions field as label, fact and date; a line without evidence is
 * its label alone.
 * @param {string|null|undefined} text
 * @returns {{ key: string, label: string, fact: string, date: string|null }[]}
 */
export function evidenceLines(text) {
  return lines(text).map((line, index) => {
    const match = EVIDENCE_LINE.exec(line);
    return match
      ? { key: `${index}`, label: match[1], fact: match[2], date: match[3] }
      : { key: `${index}`, label: line, fact: '', date: null };
  });
}

/**
 * The talk track, line by line, and the next step apart.
 * @param {string|null|undefined} text
 */
export function approachParts(text) {
  const all = lines(text);
  const nextStep = all.find((line) => NEXT_STEP.test(line));
  return {
    talkTrack: all
      .filter((line) => line !== nextStep)
      .map((line, index) => ({ key: `${index}`, text: line })),
    nextStep: nextStep ? nextStep.replace(NEXT_STEP, '') : null,
  };
}

/**
 * The email draft as its subject and its body; the body keeps its line breaks.
 * @param {string|null|undefined} text
 * @returns {{ subject: string|null, body: string }}
 */
export function emailDraftParts(text) {
  const [first = '', ...rest] = (text ?? '').split('\n');
  const subject = SUBJECT.exec(first.trim());
  if (!subject) return { subject: null, body: (text ?? '').trim() };
  return { subject: subject[1].trim(), body: rest.join('\n').trim() };
}

function lines(text) {
  return (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** Whole days since the last scoring, or null when the account was never scored. */
export function daysSince(lastScoredAt, now) {
  if (!lastScoredAt) return null;
  const at = Date.parse(lastScoredAt);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.floor((now - at) / DAY_MS));
}

/** Salesforce percent fields hold 0–100; the formatted number wants a fraction. */
export function fraction(percent) {
  return typeof percent === 'number' ? percent / 100 : null;
}

/** The day `days` after `now`, as `YYYY-MM-DD` (UTC). */
export function dayAfter(now, days) {
  return new Date(now + days * DAY_MS).toISOString().slice(0, 10);
}

/** `{0}`, `{1}`… of a label, filled in order. */
export function format(template, values) {
  return values.reduce((text, value, index) => text.replace(`{${index}}`, String(value)), template);
}
