import { describe, expect, it } from 'vitest';
import { intentOfTemplate, templates, type TemplateKey } from './message-templates.ts';
import { createSandbox } from './sandbox.ts';

const endDate = '2026-06-30';
const ACCOUNTS = 150;
const sandbox = createSandbox({ accounts: ACCOUNTS, seed: 21, endDate });
const corpus = Array.from({ length: ACCOUNTS }, (_, index) => {
  const snapshot = sandbox.snapshotAt(index);
  const intents = new Map(sandbox.truth(index).messages.map((m) => [m.activityId, m.intent]));
  return snapshot.activities.map((activity) => ({
    ...activity,
    intent: intents.get(activity.id) ?? 'noise',
  }));
}).flat();

describe('message templates', () => {
  const keys = Object.keys(intentOfTemplate) as TemplateKey[];

  it.each(keys)('%s has several variants in English and French', (key) => {
    for (const language of ['en', 'fr'] as const) {
      expect(templates[language][key].bodies.length).toBeGreaterThanOrEqual(3);
      expect(templates[language][key].subjects.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('uses the same slots in both languages', () => {
    const slotsOf = (texts: readonly string[]) =>
      [...new Set(texts.join(' ').match(/\{\w+\}/g) ?? [])].sort();
    for (const key of keys) {
      const en = slotsOf(templates.en[key].bodies);
      for (const slot of slotsOf(templates.fr[key].bodies)) expect(en, `${key} ${slot}`).toContain(slot);
    }
  });
});

describe('generated conversations', () => {
  it('fills every slot', () => {
    const unfilled = corpus.filter((a) => /[{}]/.test(`${a.subject} ${a.text}`)).map((a) => a.text);
    expect(unfilled).toStrictEqual([]);
  });

  it('says "we do not need more seats" in both languages', () => {
    const texts = corpus.filter((a) => a.intent === 'negation').map((a) => a.text);
    expect(
      texts.some((text) => /We do not need more seats|No need for extra licences|won't be adding/.test(text)),
    ).toBe(true);
    expect(texts.some((text) => /n'avons pas besoin|n'ajouterons pas|Pas besoin/.test(text))).toBe(true);
  });

  it('has French and English text, and every direction and type', () => {
    expect(corpus.some((a) => a.text.includes('nous'))).toBe(true);
    expect(corpus.some((a) => /\bwe\b/i.test(a.text))).toBe(true);
    expect(new Set(corpus.map((a) => a.direction))).toStrictEqual(
      new Set(['inbound', 'outbound', 'internal']),
    );
    expect(new Set(corpus.map((a) => a.type))).toStrictEqual(new Set(['email', 'note', 'meeting', 'call']));
  });

  it.each([
    ['negation', /\b(not|no|don't|won't|isn't)\b|\bpas\b/i],
    ['buying_intent', /seats|licences|proposal|proposition|quote|devis|commit|engagement/i],
    ['champion_leaving', /leaving|resigned|last day|quitte|démissionné|dernier jour|moving on/i],
    ['churn_threat', /not renew|renouvel|alternatives|moving to|offer|offre/i],
  ])('labels %s messages that read as such, in both languages', (intent, pattern) => {
    const labelled = corpus.filter((a) => a.intent === intent);
    expect(labelled.length).toBeGreaterThan(3);
    const matching = labelled.filter((a) => pattern.test(a.text));
    expect(matching.length / labelled.length).toBeGreaterThan(0.6);
  });

  it('varies the wording of buying intent', () => {
    const bodies = corpus.filter((a) => a.intent === 'buying_intent').map((a) => a.text.replace(/\d+/g, '#'));
    expect(new Set(bodies).size).toBeGreaterThan(15);
  });

  it('is mostly noise, with every intent present', () => {
    const noise = corpus.filter((a) => a.intent === 'noise').length / corpus.length;
    expect(noise).toBeGreaterThan(0.6);
    for (const intent of new Set(Object.values(intentOfTemplate))) {
      expect(
        corpus.some((a) => a.intent === intent),
        intent,
      ).toBe(true);
    }
  });
});
