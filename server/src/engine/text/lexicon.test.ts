// Guards the trigger prefilter: every cue pattern has an example, and every example is found through
// the prefilter. A new pattern without an example, or whose words are not triggers, fails here.
import { describe, expect, it } from 'vitest';
import { findConversationCues } from './conversation-cues.ts';
import { englishLexicon } from './en.lexicon.ts';
import { foldText } from './fold-text.ts';
import { frenchLexicon } from './fr.lexicon.ts';
import { conversationCodes, type ConversationCode, type Lexicon } from './lexicon.ts';

const examples: Record<'en' | 'fr', Record<ConversationCode, string[]>> = {
  en: {
    budget_cut: [
      'Our budget is being cut next quarter.',
      'Finance is cutting the software spend.',
      'There is a hiring freeze.',
      'More layoffs were announced.',
      'Half of the team was laid off.',
      'The company is restructuring.',
      'Another round of cost-cutting.',
      'They are downsizing the division.',
      'We have to reduce the number of seats.',
      'We will need fewer licences.',
      'Budgets are frozen until further notice.',
      'Hiring is on hold until Q3.',
      "We've stopped hiring for now.",
    ],
    churn_threat: [
      'We may cancel our subscription.',
      'Legal wants to terminate the contract.',
      "We won't renew in September.",
      'This could mean non-renewal.',
      'We are switching to a competitor.',
      'We are evaluating other vendors.',
      'There is a real churn risk here.',
      'They want to move away from your platform.',
    ],
    champion_leaving_mentioned: [
      "I'm leaving the company in June.",
      'Friday is my last day at Acme.',
      'Paul resigned last week.',
      'She handed in her notice.',
      'Tom is stepping down as CIO.',
      'I am moving on to a new adventure.',
      'He starts a new job at Globex.',
      'Sarah is no longer with the company.',
      'Our sponsor has left the company.',
    ],
    expansion_declined: [
      "We're not interested in upgrading for now.",
      'There is no need for more licences this year.',
      "We don't plan to grow the team this year.",
      "We won't be needing the extra seats after all.",
      "We don't need any more licences.",
    ],
    dissatisfaction: [
      'The team is frustrated by the outages.',
      "We aren't very happy with support.",
      'Users complain about the mobile app.',
      'We filed a complaint.',
      'This delay is unacceptable.',
      'It was a terrible experience.',
      'The sync is not functional.',
      'The app keeps crashing.',
      'The reports are too slow.',
      'We have recurring outages.',
      'The sync has been failing for a week.',
      'This bug is blocking our reps.',
      'The whole team is blocked by the outage.',
    ],
    plan_limit_question: [
      'Which tier includes SSO?',
      'Is there a limit on API calls?',
      'We are close to the seat limit.',
      'Why was there an overage charge?',
      'We are running out of licences.',
      'How many seats are included?',
      'Is audit logging included in our plan?',
    ],
    buying_intent: [
      'We need 10 more user accounts.',
      'We would like to add a few users.',
      'We plan to upgrade to the Enterprise tier.',
      'Can we move to the business plan?',
      'Please send us a quote.',
      'What is your pricing for 200 seats?',
      'We want to expand our contract.',
      'We are interested in the analytics module.',
      'The budget was approved yesterday.',
      'We will need 25 more people on the platform by June.',
      'We need licences for 30 new joiners.',
      'What would it cost to go to 80 seats?',
      'They asked for a proposal after the demo.',
      'Can you tell us what the Analytics module would cost us?',
      'Can we talk about a larger commit with a better rate?',
    ],
    new_need: [
      'A new customer success team starts in May.',
      'We have a new forecasting use case.',
      'Another project needs it.',
      'Another department wants access.',
      'We plan to roll it out to the finance team.',
      'We also want to track renewals.',
    ],
    growth_event: [
      'We are hiring in Austin.',
      'We are hiring 25 engineers.',
      'We are recruiting a whole new squad.',
      'We are doubling our headcount.',
      'Headcount growth is planned for 2027.',
      'We raised a series B.',
      'The funding round closed.',
      'The series C round was oversubscribed.',
      'We acquired a small startup.',
      'We are opening an office in Berlin.',
      'We are expanding into Europe.',
      'International expansion starts in Q3.',
      'We are going global next year.',
    ],
  },
  fr: {
    budget_cut: [
      'Des coupes budgétaires sont prévues.',
      'La direction veut réduire les dépenses.',
      'Gel des recrutements jusqu’en 2027.',
      'Il y a eu des licenciements.',
      'Un plan social est en cours.',
      'Le groupe annonce une restructuration.',
      'Réduction des effectifs de 10 %.',
      'Nous devons diminuer le nombre de licences.',
      'Il nous faudra moins de postes.',
      'Une réduction des coûts est demandée.',
      'Les recrutements sont suspendus.',
      'Nous avons arrêté les embauches.',
    ],
    churn_threat: [
      'Nous voulons résilier le contrat.',
      'Nous allons ne pas renouveler.',
      'Nous ne renouvellerons pas cette année.',
      'Le non-renouvellement est envisagé.',
      'Nous pensons changer de fournisseur.',
      'Nous étudions des alternatives.',
      'Nous voulons mettre fin au contrat.',
      'Ils veulent quitter votre plateforme.',
    ],
    champion_leaving_mentioned: [
      "Marie quitte l'entreprise en juin.",
      'Je vais partir à la fin du mois.',
      'Vendredi est son dernier jour.',
      'Son dernier jour chez nous est lundi.',
      'Paul a démissionné.',
      'Sa démission est effective.',
      'Le départ de Claire est confirmé.',
      'Il a trouvé un nouveau poste chez Globex.',
      'Elle ne fera plus partie de l’équipe.',
      'Il part à la retraite.',
    ],
    expansion_declined: [
      'Pas besoin de licences supplémentaires pour le moment.',
      "Nous ne prévoyons pas d'ajouter des utilisateurs cette année.",
      'Nous ne sommes pas intéressés par une montée en gamme.',
    ],
    dissatisfaction: [
      'Nous sommes très mécontents.',
      "L'équipe n'est pas du tout satisfaite.",
      'Nous avons déposé une réclamation.',
      'Ce délai est inacceptable.',
      'La synchronisation ne marche plus.',
      "C'est beaucoup trop cher.",
      'Nous avons des pannes à répétition.',
      'Le support est de très mauvaise qualité.',
      'Un support décevant.',
      "L'outil est en panne depuis lundi.",
      "Le plantage de l'export bloque toute l'équipe.",
      "Toute l'équipe est bloquée par un incident.",
    ],
    plan_limit_question: [
      'Quelle offre inclut le SSO ?',
      'Quelle est la limite de stockage ?',
      'Nous avons atteint notre quota.',
      'Pourquoi ce dépassement ?',
      'Combien de licences sont prévues ?',
      "Est-ce compris dans l'abonnement ?",
    ],
    buying_intent: [
      'Il nous faut des comptes supplémentaires.',
      "Nous voulons plus d'accès.",
      'Nous allons commander quelques licences.',
      'Merci de nous envoyer un devis.',
      "Nous voulons passer à l'offre supérieure.",
      'Une montée en gamme est envisagée.',
      'Nous souhaitons étendre notre contrat.',
      'Il nous faudrait des accès pour 25 personnes de plus.',
      'Nous voudrions passer à 80 licences.',
      'Combien coûterait le module Analytics pour dix personnes ?',
    ],
    new_need: [
      'Une nouvelle filiale rejoint le groupe.',
      'Nous avons un nouveau projet.',
      'Une autre équipe est intéressée.',
      "Un deuxième cas d'usage apparaît.",
      "Nous voulons le déployer à d'autres services.",
    ],
    growth_event: [
      'Nous recrutons à Lyon.',
      'Le recrutement de 20 personnes est lancé.',
      'Nous avons levé 30 millions.',
      'Un tour de table est bouclé.',
      'Après notre série B.',
      'Le rachat de Globex est signé.',
      "L'ouverture d'un bureau à Madrid.",
      "Le développement à l'international démarre.",
      'Nous allons nous implanter en Espagne.',
      'Nous allons doubler nos effectifs.',
      'Une introduction en bourse est prévue.',
    ],
  },
};

const lexicons: Record<'en' | 'fr', Lexicon> = { en: englishLexicon, fr: frenchLexicon };

describe('lexicon examples', () => {
  for (const language of ['en', 'fr'] as const) {
    for (const code of conversationCodes) {
      it.each(examples[language][code])(`${language} ${code}: %s`, (text) => {
        expect(findConversationCues(text).map((cue) => cue.code)).toContain(code);
      });
    }
  }

  for (const language of ['en', 'fr'] as const) {
    it(`every ${language} cue pattern has an example`, () => {
      const orphans: string[] = [];
      for (const code of conversationCodes) {
        const folded = examples[language][code].map(foldText);
        for (const cue of lexicons[language][code].cues) {
          const pattern = new RegExp(`\\b(?:${cue})(?:(?<=')|(?![a-z]))`);
          if (!folded.some((text) => pattern.test(text))) orphans.push(`${code}: ${cue}`);
        }
      }
      expect(orphans).toStrictEqual([]);
    });
  }
});
