// Message templates (English and French) and the writer that turns one into an e-mail, a call note or
// meeting notes, with greetings, sign-offs and sometimes a second, unrelated sentence.
import type { MessageIntent } from './message-intent.ts';
import type { Language } from './people.data.ts';
import type { Rng } from './prng.ts';
import { englishTemplates } from './message-templates.en.data.ts';
import { frenchTemplates } from './message-templates.fr.data.ts';

export const intentOfTemplate = {
  buying_seats: 'buying_intent',
  buying_tier: 'buying_intent',
  buying_module: 'buying_intent',
  buying_commit: 'buying_intent',
  plan_limit: 'plan_limit_question',
  new_team: 'new_need',
  new_use_case: 'new_need',
  hiring: 'growth_event',
  funding: 'growth_event',
  acquisition: 'growth_event',
  international: 'growth_event',
  new_project: 'growth_event',
  negation_seats: 'negation',
  negation_upgrade: 'negation',
  postponed: 'postponed',
  dissatisfaction: 'dissatisfaction',
  budget_cut: 'budget_cut',
  churn_threat: 'churn_threat',
  champion_leaving: 'champion_leaving',
  sponsor_meeting: 'engagement',
  stakeholder_intro: 'engagement',
  noise_scheduling: 'noise',
  noise_invoice: 'noise',
  noise_thanks: 'noise',
  noise_support: 'noise',
  noise_training: 'noise',
  noise_renewal: 'noise',
  noise_checkin: 'noise',
} as const satisfies Record<string, MessageIntent>;

export type TemplateKey = keyof typeof intentOfTemplate;

/** Background messages we send (scheduling, check-ins); the customer's own are `noiseKeys`. */
export const outboundNoiseKeys: readonly TemplateKey[] = [
  'noise_scheduling',
  'noise_checkin',
  'noise_renewal',
];

export const noiseKeys: readonly TemplateKey[] = [
  'noise_scheduling',
  'noise_invoice',
  'noise_thanks',
  'noise_support',
  'noise_training',
  'noise_checkin',
];

export interface TemplateSet {
  subjects: readonly string[];
  bodies: readonly string[];
}

export const templates: Record<Language, Record<TemplateKey, TemplateSet>> = {
  en: englishTemplates,
  fr: frenchTemplates,
};

/** Values of the `{slot}`s a template may use. */
export type Slots = Record<string, string>;
/** Resolves a slot on demand: most templates use two or three of the many slots. */
export interface SlotSource {
  get(name: string): string;
}

/** The slots of the message, plus `{body}` for the frames of call and meeting notes. */
class FramedSlots implements SlotSource {
  constructor(
    private readonly slots: SlotSource,
    private readonly body: string,
  ) {}

  get(name: string): string {
    return name === 'body' ? this.body : this.slots.get(name);
  }
}

/** How the message reaches the CRM: the customer's own e-mail, or our notes of a call or meeting. */
export type Framing = 'email' | 'call_note' | 'meeting_note' | 'summary';

const greetings: Record<Language, readonly string[]> = {
  en: ['Hi {csm},', 'Hello {csm},', 'Hi,', 'Hello team,', ''],
  fr: ['Bonjour {csm},', 'Bonjour,', 'Hello {csm},', 'Bonjour à tous,', ''],
};
const signOffs: Record<Language, readonly string[]> = {
  en: ['Thanks,\n{sender}', 'Best,\n{sender}', 'Cheers, {sender}', '— {sender}', ''],
  fr: [
    'Merci,\n{sender}',
    'Cordialement,\n{sender}',
    'Bien à vous,\n{sender}',
    'Bonne journée,\n{sender}',
    '',
  ],
};
const callFrames: Record<Language, readonly string[]> = {
  en: ['Call with {sender}: "{body}"', 'Spoke to {sender} — {body}', 'Phone call, {sender}: {body}'],
  fr: [
    'Appel avec {sender} : « {body} »',
    'Échange téléphonique avec {sender} — {body}',
    'Appel, {sender} : {body}',
  ],
};
const meetingFrames: Record<Language, readonly string[]> = {
  en: ['Meeting notes. {sender} said: "{body}"', 'Notes from the meeting with {sender}: {body}'],
  fr: ['Compte rendu de réunion. {sender} : « {body} »', 'Notes de la réunion avec {sender} : {body}'],
};

export function fillSlots(template: string, slots: SlotSource): string {
  if (!template.includes('{')) return template;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => slots.get(name));
}

export interface WrittenMessage {
  subject: string;
  text: string;
}

export function writeMessage(
  rng: Rng,
  language: Language,
  key: TemplateKey,
  framing: Framing,
  slots: SlotSource,
): WrittenMessage {
  const set = templates[language][key];
  let body = fillSlots(rng.pick(set.bodies), slots);
  // A quarter of the messages carry a second, unrelated sentence, as real e-mails do.
  if (key.startsWith('noise') === false && rng.chance(0.25)) {
    body = `${body} ${fillSlots(rng.pick(templates[language][rng.pick(noiseKeys)].bodies), slots)}`;
  }
  const subject = fillSlots(rng.pick(set.subjects), slots);
  if (framing === 'summary') return { subject, text: body };
  const withBody = new FramedSlots(slots, body);
  if (framing === 'call_note') return { subject, text: fillSlots(rng.pick(callFrames[language]), withBody) };
  if (framing === 'meeting_note')
    return { subject, text: fillSlots(rng.pick(meetingFrames[language]), withBody) };
  const parts = [
    fillSlots(rng.pick(greetings[language]), slots),
    body,
    fillSlots(rng.pick(signOffs[language]), slots),
  ];
  return { subject, text: parts.filter((part) => part.length > 0).join('\n\n') };
}
