import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCorpus, scoreCorpus } from './corpus/score-corpus.ts';
import { defaultIntentReader } from './default-reader.ts';

const reader = defaultIntentReader();
const read = (text: string) => reader.read(text, { year: 2026 });
const asserted = (text: string) =>
  read(text)
    .filter((m) => m.modality === 'asserted')
    .map((m) => m.intent);
const hedged = (text: string) =>
  read(text)
    .filter((m) => m.modality === 'hedged')
    .map((m) => m.intent);

describe('intent reader on the development corpus', () => {
  it('keeps precision and recall averaged over intents above a floor', () => {
    const dev = parseCorpus(readFileSync(new URL('./corpus/dev.jsonl', import.meta.url), 'utf8'));
    expect(dev.length).toBeGreaterThanOrEqual(200);
    const score = scoreCorpus(dev, read);
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.recall).toBeGreaterThanOrEqual(0.95);
    for (const intent of score.perIntent) expect(intent.recall).toBeGreaterThanOrEqual(0.85);
  });
});

describe('intents stated', () => {
  it.each([
    ["We're bringing the Berlin office on board in Q2, roughly 30 people.", 'team_onboarding'],
    ["They'd like to extend it to customer support.", 'team_onboarding'],
    ["Nous allons intégrer l'équipe de Bordeaux en mars.", 'team_onboarding'],
    ["We just hired four analysts and there's no licence left for them.", 'headcount_growth'],
    ['Ils ont recruté une dizaine de personnes depuis janvier.', 'headcount_growth'],
    ['Our Series C closed last week.', 'funding_raised'],
    ['Nous venons de lever des fonds.', 'funding_raised'],
    ["We're hiring 40 engineers this year.", 'hiring_plan'],
    ['Nous prévoyons de recruter 12 développeurs.', 'hiring_plan'],
    ['Before we renew, procurement wants us to benchmark two other vendors.', 'evaluating_alternatives'],
    ['Nous étudions des alternatives avant le renouvellement.', 'evaluating_alternatives'],
    ["After the restructuring we're reducing the team.", 'restructuring'],
    ['Un plan social a été annoncé.', 'restructuring'],
  ])('%s → %s', (text, intent) => {
    expect(asserted(text)).toContain(intent);
  });
});

describe('negation', () => {
  it.each([
    "We don't plan to grow this year.",
    'No new hires planned before 2027.',
    'They are not looking at other vendors.',
    'The restructuring we mentioned in January was cancelled.',
    'Nous ne prévoyons pas de recruter cette année.',
    "Aucune réduction d'effectifs n'est prévue.",
    "L'équipe de Lyon ne rejoindra finalement pas le projet.",
    'Hiring is frozen until further notice.',
  ])('reads no intent in "%s"', (text) => {
    expect(read(text)).toStrictEqual([]);
  });

  it('keeps what the negation does not reach', () => {
    expect(asserted("We don't use the API, but we're hiring 20 engineers.")).toStrictEqual(['hiring_plan']);
  });
});

describe('hedging', () => {
  it.each([
    ['We might bring the Lyon team on board at some point, but nothing is decided.', 'team_onboarding'],
    ['A restructuring is possible next year.', 'restructuring'],
    ['If the round closes, they could expand to the support team.', 'team_onboarding'],
    ["Il est possible que nous recrutions quelques personnes l'an prochain.", 'hiring_plan'],
    ["Une levée de fonds n'est pas exclue.", 'funding_raised'],
  ])('"%s" is only a possibility of %s', (text, intent) => {
    expect(asserted(text)).toStrictEqual([]);
    expect(hedged(text)).toContain(intent);
  });

  it('reads a request as a request, not a hedge', () => {
    expect(
      asserted('Could we set up the marketing group in the same instance? There are 9 of them.'),
    ).toContain('team_onboarding');
  });
});

describe('someone else, the past, questions', () => {
  it.each([
    'One of our clients just raised a Series B.',
    'Their biggest competitor is laying off 200 people.',
    'Un de nos partenaires vient de lever 20 millions.',
    'Back in 2019 we went through a painful restructuring.',
    'When they first signed, they had benchmarked three vendors.',
    'Are you planning to bring other teams on board next year?',
    'We are restructuring the folder hierarchy.',
    'Another round of feedback is due Friday.',
    'The hiring manager will join the demo.',
  ])('reads no intent in "%s"', (text) => {
    expect(asserted(text)).toStrictEqual([]);
  });
});

describe('vendor consolidation and our tool let go', () => {
  it.each([
    'We are consolidating tools and yours may be one we drop.',
    'We are rationalising our software stack this year.',
    'Procurement wants to reduce the number of vendors.',
    'Your platform is one of the tools we plan to sunset.',
    'Nous rationalisons nos outils et le vôtre pourrait être supprimé.',
    "La direction veut réduire le nombre d'outils.",
    'Votre outil fait partie de ceux que nous allons abandonner.',
  ])('reads evaluating_alternatives in "%s"', (text) => {
    expect(read(text).map((m) => m.intent)).toContain('evaluating_alternatives');
  });

  it.each([
    'We are consolidating our tools on your platform.',
    'We are consolidating tools and yours is the one we keep.',
    'We are consolidating the dashboards into one report.',
    'Your tool helps us remove duplicates.',
    'I will drop you a line tomorrow.',
    'We dropped the old CRM and moved everything to your platform.',
    'Nous consolidons nos outils sur votre plateforme.',
    'Nous allons supprimer les doublons dans votre outil.',
  ])('reads no alternatives in "%s"', (text) => {
    expect(read(text).map((m) => m.intent)).not.toContain('evaluating_alternatives');
  });
});

describe('a question answered by a short no', () => {
  it.each([
    'Hiring more engineers? Not this year.',
    'Bringing the Lyon office on board? No, not before 2027.',
    'Des recrutements prévus ? Pas cette année.',
    "L'équipe de Lyon sur la plateforme ? Pas pour l'instant.",
  ])('reads no intent in "%s"', (text) => {
    expect(asserted(text)).toStrictEqual([]);
  });

  it.each([
    ['Hiring more engineers? Yes, ten of them in Q3.', 'hiring_plan'],
    ['We are hiring 10 engineers in Q3. No rush on the seats.', 'hiring_plan'],
    ['Des recrutements ? Oui, nous recrutons 10 commerciaux en septembre.', 'hiring_plan'],
  ])('still reads "%s"', (text, intent) => {
    expect(asserted(text)).toContain(intent);
  });
});

describe('quantities', () => {
  it.each([
    ["We're bringing the Berlin office on board in Q2, roughly 30 people.", 'team_onboarding', 30, true],
    ['We need the tool for a second team of 20 in Manchester from June.', 'team_onboarding', 20, false],
    ["We just hired four analysts and there's no licence left for them.", 'headcount_growth', 4, false],
    [
      "Nous allons intégrer l'équipe de Bordeaux, soit une trentaine de personnes.",
      'team_onboarding',
      30,
      true,
    ],
    ['Headcount in support went from 30 to 45 since January.', 'headcount_growth', 15, false],
    ['Notre équipe va passer de 40 à 28 personnes.', 'restructuring', 12, false],
    ['We have 15 open roles in the support team.', 'hiring_plan', 15, false],
  ])('"%s" states %s of %d people', (text, intent, people, approximate) => {
    const mention = read(text).find((m) => m.intent === intent);
    expect(mention?.slots.people).toBe(people);
    expect(mention?.slots.approximate === true).toBe(approximate);
  });

  it('keeps money apart from people, and names the team and the date', () => {
    const [funding] = read('They announced a $45M growth round on Tuesday.');
    expect(funding).toMatchObject({ intent: 'funding_raised', slots: { money: '$45M' } });
    expect(funding?.slots.people).toBeUndefined();
    const [team] = read("We're bringing the Berlin office on board in Q2.");
    expect(team?.slots).toMatchObject({ team: 'Berlin office', when: 'Q2' });
  });
});
