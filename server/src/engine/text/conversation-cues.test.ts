import { describe, expect, it } from 'vitest';
import { findConversationCues } from './conversation-cues.ts';

const codesOf = (text: string) => findConversationCues(text).map((cue) => cue.code);

describe('findConversationCues: one table per code, English and French', () => {
  it.each([
    // buying_intent
    ['We need 10 more seats before the end of the quarter.', ['buying_intent']],
    ['Could you send us a quote for the Enterprise plan?', ['buying_intent']],
    ["We'd like to upgrade to the Business tier.", ['buying_intent']],
    ['Nous aimerions ajouter 15 licences.', ['buying_intent']],
    ['Pouvez-vous nous envoyer un devis ?', ['buying_intent']],
    ['Il nous faudrait des licences supplémentaires.', ['buying_intent']],
    // plan_limit_question
    ['We are hitting the seat limit every Monday.', ['plan_limit_question']],
    ['What are the API quotas per month?', ['plan_limit_question']],
    ['Nous avons atteint le plafond de notre forfait.', ['plan_limit_question']],
    ['Quelle offre comprend le SSO ?', ['plan_limit_question']],
    // new_need
    ['The marketing department wants to start a new project on it.', ['new_need']],
    ['Another team in Lyon is interested.', ['new_need']],
    ['Une nouvelle équipe démarre en septembre.', ['new_need']],
    ["Nous avons un nouveau cas d'usage pour la finance.", ['new_need']],
    // growth_event
    ["We're hiring 40 engineers this year.", ['growth_event']],
    ['We just closed our Series B funding round.', ['growth_event']],
    ['We are expanding into Germany in Q3.', ['growth_event']],
    ['Nous recrutons 30 commerciaux.', ['growth_event']],
    ['Nous venons de finaliser une levée de fonds.', ['growth_event']],
    ["Le groupe a finalisé l'acquisition d'un concurrent allemand.", ['growth_event']],
    // dissatisfaction
    ['Honestly we are frustrated with the latest release.', ['dissatisfaction']],
    ["The export still doesn't work.", ['dissatisfaction']],
    ['Nous sommes très déçus du support.', ['dissatisfaction']],
    ["L'export ne fonctionne toujours pas.", ['dissatisfaction']],
    // budget_cut
    ['There are budget cuts across all departments.', ['budget_cut']],
    ['A hiring freeze was announced this morning.', ['budget_cut']],
    ['La direction impose des coupes budgétaires.', ['budget_cut']],
    ['Gel des embauches jusqu’à nouvel ordre.', ['budget_cut']],
    // churn_threat
    ['We are evaluating alternatives for next year.', ['churn_threat']],
    ['We will not renew the contract in its current form.', ['churn_threat']],
    ['Nous envisageons de résilier le contrat.', ['churn_threat']],
    ['Nous ne renouvellerons pas cette année.', ['churn_threat']],
    // champion_leaving_mentioned
    ['Heads up: Maria is leaving the company next month.', ['champion_leaving_mentioned']],
    ['Tomorrow is her last day at Acme.', ['champion_leaving_mentioned']],
    ["Julien quitte l'entreprise fin juin.", ['champion_leaving_mentioned']],
    ['Vendredi est son dernier jour.', ['champion_leaving_mentioned']],
    // nothing
    ['Thanks for the call yesterday, the invoice is attached.', []],
    ["Merci pour l'échange d'hier, la facture du mois dernier est jointe.", []],
  ])('%s → %j', (text, expected) => {
    expect(codesOf(text)).toStrictEqual(expected);
  });
});

describe('negation', () => {
  it.each([
    'We do not need more seats this year.',
    'There are no plans to add users.',
    "We don't expect a new project before 2027.",
    'Additional licences are not needed.',
    'We never asked for a quote.',
    "Nous n'avons pas besoin de licences supplémentaires.",
    'Pas de nouveau projet pour le moment.',
    'Nous ne prévoyons pas d’ajouter des utilisateurs.',
    'Aucune nouvelle équipe en vue.',
  ])('cancels the intent in "%s"', (text) => {
    expect(codesOf(text).filter((code) => code !== 'expansion_declined')).toStrictEqual([]);
  });

  it.each([
    'We do not need more seats this year.',
    'There are no plans to add users.',
    "We're not interested in upgrading for now.",
    "We don't plan to grow the team this year.",
    "Nous n'avons pas besoin de licences supplémentaires.",
    'Nous ne prévoyons pas d’ajouter des utilisateurs.',
    'Nous ne sommes pas intéressés par une montée en gamme.',
  ])('reads a decline to grow in "%s"', (text) => {
    expect(codesOf(text)).toStrictEqual(['expansion_declined']);
  });

  it.each([
    'We are not unhappy with the product.',
    'No complaints from the team so far.',
    'Nous ne sommes pas mécontents du support.',
    'Aucune plainte depuis la mise à jour.',
  ])('negated dissatisfaction is not dissatisfaction: "%s"', (text) => {
    expect(codesOf(text)).toStrictEqual([]);
  });

  it.each([
    ['We are not happy with the support.', ['dissatisfaction']],
    ['Nous ne sommes pas satisfaits du support.', ['dissatisfaction']],
    ['No issues so far, but we need more seats.', ['buying_intent']],
    ['We do not have budget cuts; we need more seats.', ['buying_intent']],
  ])('keeps what the negation does not reach: "%s"', (text, expected) => {
    expect(codesOf(text)).toStrictEqual(expected);
  });
});

describe('matching', () => {
  it('ignores case and accents, and quotes the sentence as written', () => {
    const [cue] = findConversationCues(
      'Bonjour. NOUS AVONS BESOIN DE LICENCES SUPPLÉMENTAIRES pour Lyon! Merci.',
    );
    expect(cue).toStrictEqual({
      code: 'buying_intent',
      phrase: 'licences supplementaires',
      quote: 'NOUS AVONS BESOIN DE LICENCES SUPPLÉMENTAIRES pour Lyon!',
    });
  });

  it('gives overlapping cues to the higher-priority code', () => {
    expect(codesOf('Hiring freeze until further notice.')).toStrictEqual(['budget_cut']);
  });

  it('reports each code once per text, the first non-negated mention', () => {
    const cues = findConversationCues(
      'We do not need more seats now. Next year we will need more seats. And more users.',
    );
    expect(cues.filter((cue) => cue.code === 'buying_intent').map((cue) => cue.quote)).toStrictEqual([
      'Next year we will need more seats.',
    ]);
  });

  it('does not split a sentence on a decimal point', () => {
    expect(findConversationCues('We grew 2.5 times and need 20 more seats.')[0]?.quote).toBe(
      'We grew 2.5 times and need 20 more seats.',
    );
  });
});

describe('email history', () => {
  it('stops at the quoted reply: older text is not read again', () => {
    const text = 'Thanks, see you Monday.\n> On Monday, Ana wrote:\n> We need 10 more seats.';
    expect(findConversationCues(text)).toStrictEqual([]);
    expect(codesOf('We need 10 more seats.\n> Thanks, see you Monday.')).toStrictEqual(['buying_intent']);
  });
});

describe('the subject line is a topic, not a statement', () => {
  it("a reply's subject names the thread (often ours): not read as the writer's words", () => {
    expect(
      codesOf2("Hi Grace,\n\nWe're not interested in upgrading to Business right now.", 'Re: upgrade'),
    ).toStrictEqual(['expansion_declined']);
    expect(codesOf2('Merci, nous restons sur notre offre actuelle.', 'TR : Upgrade')).toStrictEqual([]);
    expect(codesOf2('Thanks, no change for us this year.', 'RE: Quote for 20 more seats')).toStrictEqual([]);
  });

  it('a code the subject raises and the body negates is not said', () => {
    expect(
      codesOf2('We will not upgrade to the Business plan this year.', 'Upgrade to Business'),
    ).toStrictEqual(['expansion_declined']);
  });

  it('a subject of its own still states a need the body does not deny', () => {
    expect(codesOf2('See the details below.', 'Quote for 20 more seats')).toStrictEqual(['buying_intent']);
    expect(
      codesOf2(
        'We will not upgrade this year. Could you send us a quote for 5 more seats?',
        'Upgrade to Business',
      ),
    ).toStrictEqual(['expansion_declined', 'buying_intent']);
  });
});

function codesOf2(text: string, subject: string): string[] {
  return findConversationCues(text, subject).map((cue) => cue.code);
}

describe('hedged phrase cues', () => {
  const read = (text: string) =>
    findConversationCues(text).map((cue) => [cue.code, cue.hedged === true, cue.need?.count ?? null]);

  it.each([
    ['We might need 20 more seats next year, not sure yet.', [['buying_intent', true, 20]]],
    ['If the pilot goes well we will add 10 seats.', [['buying_intent', true, 10]]],
    ['We will add 10 seats, maybe in Q2.', [['buying_intent', true, 10]]],
    ['Nous allons probablement ajouter 10 licences en janvier.', [['buying_intent', true, 10]]],
    ['Nous pourrions éventuellement ajouter 10 licences.', [['buying_intent', true, 10]]],
  ])('%s → hedged', (text, expected) => {
    expect(read(text)).toStrictEqual(expected);
  });

  it.each([
    ['Could you send us a quote for 20 more seats?', [['buying_intent', false, 20]]],
    ['May we get a quote for 20 more seats?', [['buying_intent', false, 20]]],
    ['In May we will add 10 seats.', [['buying_intent', false, 10]]],
    ['We need 10 more seats before the end of the quarter.', [['buying_intent', false, 10]]],
  ])('%s → asserted', (text, expected) => {
    expect(read(text)).toStrictEqual(expected);
  });

  it('an asserted sentence takes the place of an earlier hedged one', () => {
    expect(
      read('We might need more seats. Actually we need 20 more seats, please send a quote.'),
    ).toStrictEqual([['buying_intent', false, 20]]);
  });
});

describe('hiring stopped is no growth', () => {
  it.each([
    ["We've stopped hiring for now.", ['budget_cut']],
    ['We paused all hiring until Q3.', ['budget_cut']],
    ['Nous avons suspendu les recrutements.', ['budget_cut']],
    ['We stopped using the old tool and are hiring 10 engineers.', ['growth_event']],
  ])('%s → %j', (text, expected) => {
    expect(codesOf(text)).toStrictEqual(expected);
  });
});

describe('growth already done is no need now', () => {
  const needOf = (text: string) =>
    findConversationCues(text, '', { year: 2026 }).find((cue) => cue.need !== undefined)?.need?.count ?? null;

  it.each([
    ['Last year we added 30 people.', null],
    ['We onboarded 25 new joiners last quarter.', null],
    ['Two years ago we brought 40 engineers on board.', null],
    ['Last year we bought 30 more seats.', null],
    ["L'an dernier nous avons embauché 30 personnes.", null],
    ["L'année dernière nous avons recruté 15 commerciaux.", null],
    ['Nous avons accueilli 12 nouveaux arrivants le mois dernier.', null],
    // a present consequence makes done growth a need
    ["We just hired four analysts and there's no licence left for them.", 4],
    ['We recently onboarded 40 people and they are still waiting for access.', 40],
    ['Nous venons de recruter 20 commerciaux, il nous manque des licences.', 20],
    // needs now, or to come
    ['We need 20 more seats for the people we hired last year.', 20],
    ['We are hiring 30 people next quarter.', 30],
    ['Nous recrutons 12 commerciaux en septembre, il leur faudra des accès.', 12],
    ['Could you send us a quote for 20 more seats?', 20],
  ])('%s → %s', (text, expected) => {
    expect(needOf(text)).toBe(expected);
  });
});

describe('a question about the offer answered by a short no', () => {
  it.each([
    ['Upgrade? Not this year.', ['expansion_declined']],
    ['Une montée en gamme ? Pas cette année.', ['expansion_declined']],
    ['More seats? No, we will wait until the renewal.', ['expansion_declined']],
    ["Des licences supplémentaires ? Pas pour l'instant.", ['expansion_declined']],
    ['Q: Upgrade to Business?\nA: Not yet.', ['expansion_declined']],
    // not a no: a noun phrase, a hedge, a yes, a no with a but
    ['Could you send a quote for 20 more seats? No rush.', ['buying_intent']],
    ['Pourriez-vous nous envoyer un devis ? Pas de souci pour le délai.', ['buying_intent']],
    ['Upgrade? Yes, please send a quote.', ['buying_intent']],
    ['More seats? No, but a quote for the Analytics module would help.', ['buying_intent']],
    // the upgrade declined, the seats asked for
    [
      'Upgrade? Not this year. Send us a quote for 10 more seats though.',
      ['buying_intent', 'expansion_declined'],
    ],
  ])('%s → %j', (text, expected) => {
    expect(codesOf(text).sort()).toStrictEqual([...expected].sort());
  });
});

describe('vendor consolidation is a churn threat', () => {
  it.each([
    ['We are consolidating tools and yours may be one we drop.', ['churn_threat']],
    ['Nous rationalisons nos outils et le vôtre pourrait être supprimé.', ['churn_threat']],
    ['We are consolidating our tools on your platform.', []],
    ['Nous consolidons nos outils sur votre plateforme.', []],
  ])('%s → %j', (text, expected) => {
    expect(codesOf(text)).toStrictEqual(expected);
  });
});

describe('a product failure that lasts or blocks people is dissatisfaction', () => {
  it.each([
    ['The sync has been failing for a week, blocking the whole team.', ['dissatisfaction']],
    ['The export has been broken since Monday.', ['dissatisfaction']],
    ['The integration is failing again, blocking our reps.', ['dissatisfaction']],
    ['The whole team is blocked because the connector keeps erroring.', ['dissatisfaction']],
    ["La synchronisation échoue depuis une semaine, ce qui bloque toute l'équipe.", ['dissatisfaction']],
    ["L'outil est en panne depuis lundi.", ['dissatisfaction']],
    ["Toute l'équipe est bloquée à cause d'un bug.", ['dissatisfaction']],
    // near misses: no product failure, a failure denied, or one that is over
    ['We have been failing to hit our targets for a quarter.', []],
    ['Sales have been down for a quarter.', []],
    ['I blocked time for the whole team on Friday.', []],
    ['The sync failed once but works fine now.', []],
    ["The sync hasn't been failing since the fix.", []],
    ["Nous avons bloqué toute l'équipe vendredi pour la formation.", []],
    ['Le budget est bloqué depuis janvier.', []],
  ])('%s → %j', (text, expected) => {
    expect(codesOf(text)).toStrictEqual(expected);
  });
});
