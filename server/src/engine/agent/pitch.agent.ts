// What the account team says and does: the approach (for the team, in English), the talk track and the
// email (in the customer's language), and the next step. Every fact in them comes from cited evidence or
// the verdict's own values; the customer's texts hold only the customer's facts (their usage, their
// words, their dates), never a figure meant for us (potential, price, probability, weights).
import type { AgentAssessment, ExpansionWindow, Motion, Potential } from '@ripe/shared';
import type { DraftLanguage } from './language.agent.ts';
import type { SizingAdjustment } from './sizing-adjustments.agent.ts';
import { formatDay } from './usage-phrase.agent.ts';
import { formatMoney } from '../sizing/money.ts';

type DecisionMaker = AgentAssessment['decisionMaker'];

export interface PitchInputs {
  accountName: string;
  motion: Motion | null;
  language: DraftLanguage;
  /** The anchor fact for the customer, in their language. */
  anchor: string;
  /** The anchor fact for the team, in English. */
  anchorForTeam: string;
  /** A second fact or the customer's own words, in the customer's language. */
  support: string | null;
  /** The verdict's potential: the figure of the ranked list, the card and the task. */
  potential: Potential;
  /** After the agent's adjustments, with their reasons. */
  adjustedPotential: Potential;
  adjustments: readonly SizingAdjustment[];
  window: ExpansionWindow | null;
  decisionMaker: DecisionMaker;
  isReal: boolean;
  judgement: string;
  now: string;
  sender: string | null;
}

const approaches: Record<Motion, string> = {
  seat_upsell:
    'Capacity-planning conversation, not a sales pitch: show the trend and add seats before the ceiling interrupts the team',
  tier_upgrade:
    'Plan review: show what the next tier removes (the seat ceiling, the premium features already in use) and propose the upgrade',
  cross_sell:
    'Start from the workflow gap, not a feature list: offer the module to the team already reaching for it',
  usage_commit:
    'Proactive commit conversation before any overage bill: a higher commit at the discounted unit price',
};

const framing: Record<Motion, Record<DraftLanguage, string>> = {
  seat_upsell: {
    en: 'Planning the next seats now keeps new joiners productive from day one, instead of waiting on a licence.',
    fr: "Prévoir les prochaines licences dès maintenant permet aux nouveaux arrivants d'être opérationnels dès le premier jour.",
  },
  tier_upgrade: {
    en: 'The next plan lifts the ceiling and includes the capabilities your team already relies on.',
    fr: "L'offre supérieure lève ce plafond et inclut les fonctionnalités sur lesquelles votre équipe s'appuie déjà.",
  },
  cross_sell: {
    en: 'The module covers this workflow natively, so the team can stop working around it.',
    fr: 'Le module couvre ce besoin nativement : votre équipe peut arrêter de le contourner.',
  },
  usage_commit: {
    en: 'A commit sized on your real usage lowers your unit price and avoids surprise overage.',
    fr: 'Un engagement calé sur votre usage réel baisse votre prix unitaire et évite les dépassements imprévus.',
  },
};

const subjects: Record<Motion, Record<DraftLanguage, string>> = {
  seat_upsell: { en: 'planning ahead of your seat limit', fr: 'anticiper votre limite de licences' },
  tier_upgrade: {
    en: 'your plan and where your team is heading',
    fr: 'votre offre et la croissance de votre équipe',
  },
  cross_sell: { en: 'an idea for your new workflow', fr: 'une idée pour votre nouveau besoin' },
  usage_commit: { en: 'your usage and a better rate', fr: 'votre consommation et un meilleur tarif' },
};

function firstName(name: string): string {
  const space = name.indexOf(' ');
  return space > 0 ? name.slice(0, space) : name;
}

/** "7,680 USD (range 5,280 USD–9,600 USD)", or only the amount when the range is that one amount (a flat fee). */
function sizedAt(potential: Potential): string {
  const amount = formatMoney(potential.arr, potential.currency);
  if (potential.low === potential.arr && potential.high === potential.arr) return amount;
  return `${amount} (range ${formatMoney(potential.low, potential.currency)}–${formatMoney(potential.high, potential.currency)})`;
}

export function approachOf(inputs: PitchInputs): string {
  const { potential, adjustedPotential } = inputs;
  if (!inputs.motion) return `Keep nurturing: ${inputs.anchorForTeam}.`;
  const sized = `Sized at ${sizedAt(potential)}`;
  const adjusted =
    inputs.adjustments.length > 0
      ? `; adjusted to ${sizedAt(adjustedPotential)}: ` +
        inputs.adjustments.map((adjustment) => adjustment.reason).join('; ')
      : '';
  return `${approaches[inputs.motion]}. Open with the fact: ${inputs.anchorForTeam}. ${sized}${adjusted}.`;
}

/** The customer's own date to plan against: their limit ahead, else their renewal (the window's close). */
function customerDate(window: ExpansionWindow | null, now: string): string | null {
  if (!window) return null;
  return window.limitDate && window.limitDate > now ? window.limitDate : window.closesOn;
}

export function talkTrackOf(inputs: PitchInputs): string[] {
  const { language, motion } = inputs;
  const fr = language === 'fr';
  const lines = [`${inputs.anchor}.`];
  if (inputs.support) lines.push(inputs.support);
  if (motion) lines.push(framing[motion][language]);
  const date = customerDate(inputs.window, inputs.now);
  const by = date ? formatDay(date, language) : null;
  lines.push(
    fr
      ? `Est-ce que cela aurait du sens de regarder ensemble la suite${by ? ` avant le ${by}` : ''} ?`
      : `Would it make sense to plan the next step together${by ? ` before ${by}` : ''}?`,
  );
  return lines;
}

export function emailDraftOf(inputs: PitchInputs): AgentAssessment['emailDraft'] {
  const { language, motion, decisionMaker, accountName } = inputs;
  const fr = language === 'fr';
  const topic = motion
    ? subjects[motion][language]
    : fr
      ? 'point sur votre utilisation'
      : 'a look at your usage';
  const greeting = decisionMaker
    ? `${fr ? 'Bonjour' : 'Hi'} ${firstName(decisionMaker.name)},`
    : fr
      ? 'Bonjour,'
      : 'Hello,';
  const signature = inputs.sender ?? (fr ? 'Votre gestionnaire de compte' : 'Your account team');
  const body = [
    greeting,
    '',
    fr
      ? `En préparant notre prochain point, j'ai remarqué ceci : ${lowerFirst(inputs.anchor)}.`
      : `While preparing our next check-in, I noticed this: ${lowerFirst(inputs.anchor)}.`,
    ...(inputs.support ? [inputs.support] : []),
    ...(motion ? [framing[motion][language]] : []),
    fr
      ? 'Auriez-vous 30 minutes dans les prochains jours pour en parler ?'
      : 'Would you have 30 minutes in the coming days to talk it through?',
    '',
    fr ? 'Bien cordialement,' : 'Best regards,',
    signature,
  ];
  return { subject: `${accountName} — ${topic}`, body: body.join('\n') };
}

function lowerFirst(text: string): string {
  // keep "47 % of..." and proper nouns as they are; only lower a leading "Your"/"Votre"-style word
  return /^[A-ZÀ-Ý][a-zà-ÿ]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

export function nextStepOf(inputs: PitchInputs): string {
  const who = inputs.decisionMaker
    ? `${inputs.decisionMaker.name} (${inputs.decisionMaker.title})`
    : 'the main sponsor';
  if (!inputs.isReal)
    return `Do not pitch yet — ${inputs.judgement} Keep the account on watch and share value with ${who}.`;
  const window = inputs.window;
  if (!window) return `Book a 30-minute review with ${who}, then send the email draft.`;
  if (window.opensOn > inputs.now) {
    return `Book a 30-minute review with ${who} between ${window.opensOn} and ${window.closesOn}, then send the email draft.`;
  }
  return `The window is open since ${window.opensOn} and closes on ${window.closesOn}: book a 30-minute review with ${who} now, then send the email draft.`;
}
