// Scores an intent reader on a labelled corpus: precision and recall per intent (asserted mentions only),
// their macro averages, how many hedged labels were read as hedged, and whether the stated number of
// people was read right. Pure: the caller reads the corpus.
import { intentCodes, type IntentCode, type IntentMention } from '../intent.types.ts';

export interface CorpusRow {
  id: string;
  lang: 'en' | 'fr';
  channel: string;
  text: string;
  /** Intents stated as fact or plan. */
  intents: IntentCode[];
  /** Intents mentioned only as a possibility. */
  hedged?: IntentCode[];
  /** The number of people stated, when the sentence states one for its intent. */
  people?: number;
  /** What makes a negative hard: negated, hedged, other_party, past, question, near_miss, neutral. */
  tag?: string;
}

export interface IntentScore {
  intent: IntentCode;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface CorpusScore {
  rows: number;
  perIntent: IntentScore[];
  precision: number;
  recall: number;
  hedgedRead: number;
  hedgedLabels: number;
  peopleRight: number;
  peopleLabels: number;
  failures: { id: string; text: string; expected: IntentCode[]; got: IntentCode[] }[];
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 1 : numerator / denominator;
}

export function scoreCorpus(
  rows: readonly CorpusRow[],
  read: (text: string) => IntentMention[],
): CorpusScore {
  const counts = new Map(intentCodes.map((intent) => [intent, { tp: 0, fp: 0, fn: 0 }]));
  let hedgedRead = 0;
  let hedgedLabels = 0;
  let peopleRight = 0;
  let peopleLabels = 0;
  const failures: CorpusScore['failures'] = [];
  for (const row of rows) {
    const mentions = read(row.text);
    const asserted = new Set(mentions.filter((m) => m.modality === 'asserted').map((m) => m.intent));
    const expected = new Set(row.intents);
    for (const intent of intentCodes) {
      const count = counts.get(intent)!;
      if (asserted.has(intent) && expected.has(intent)) count.tp++;
      else if (asserted.has(intent)) count.fp++;
      else if (expected.has(intent)) count.fn++;
    }
    for (const intent of row.hedged ?? []) {
      hedgedLabels++;
      if (mentions.some((m) => m.intent === intent && m.modality === 'hedged')) hedgedRead++;
    }
    if (row.people !== undefined) {
      peopleLabels++;
      if (
        mentions.some(
          (m) => m.modality === 'asserted' && expected.has(m.intent) && m.slots.people === row.people,
        )
      )
        peopleRight++;
    }
    const got = [...asserted].sort();
    if (got.join() !== [...expected].sort().join())
      failures.push({ id: row.id, text: row.text, expected: row.intents, got });
  }
  const perIntent = intentCodes.map((intent) => {
    const { tp, fp, fn } = counts.get(intent)!;
    return {
      intent,
      truePositives: tp,
      falsePositives: fp,
      falseNegatives: fn,
      precision: ratio(tp, tp + fp),
      recall: ratio(tp, tp + fn),
    };
  });
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  return {
    rows: rows.length,
    perIntent,
    precision: mean(perIntent.map((s) => s.precision)),
    recall: mean(perIntent.map((s) => s.recall)),
    hedgedRead,
    hedgedLabels,
    peopleRight,
    peopleLabels,
    failures,
  };
}

/** Parses a JSON Lines corpus. */
export function parseCorpus(jsonl: string): CorpusRow[] {
  return jsonl
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as CorpusRow);
}
