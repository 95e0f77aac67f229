// Who a contact is in the buying group: seniority (from the CRM, raised by the title when the title
// says more), whether they hold a budget, whether they are a key stakeholder.
import type { Contact, ContactRole, Seniority } from '@ripe/shared';
import { dayNumber } from '@ripe/shared';
import { foldText } from '../../text/fold-text.ts';

export const seniorityRank: Record<Seniority, number> = {
  individual: 0,
  manager: 1,
  director: 2,
  vp: 3,
  c_level: 4,
};

// Order matters: "vice president" before "president", "head of" before "head".
const titleSeniority: readonly [RegExp, Seniority][] = [
  [/\b(?:vp|svp|evp|avp|vice[- ]president\w*)\b/, 'vp'],
  [
    /\b(?:ceo|cfo|coo|cto|cio|cro|cmo|cpo|cdo|chief|president\w*|founder|co-founder|owner|pdg|dg|daf|directeur general|directrice generale|gerant|gerante)\b/,
    'c_level',
  ],
  [/\b(?:director|directeur|directrice|head of|head)\b/, 'director'],
  [/\b(?:manager|lead|chef|responsable|supervisor|coordinator)\b/, 'manager'],
];

const BUDGET_DOMAIN =
  /\b(?:financ\w*|cfo|daf|procurement|purchas\w*|achats?|acheteur|acheteuse|budget|comptab\w*|controller|controleur|tresor\w*|operations|ops)\b/;

/** The seniority a title implies, `individual` when it says nothing. */
export function seniorityFromTitle(title: string): Seniority {
  if (title.length === 0) return 'individual';
  const folded = foldText(title);
  for (const [pattern, seniority] of titleSeniority) if (pattern.test(folded)) return seniority;
  return 'individual';
}

export interface Stakeholder {
  contact: Contact;
  seniority: Seniority;
  /** Holds a budget: budget owner or decision-maker by role, an executive, or a finance/purchasing director. */
  budgetOwner: boolean;
  /** Champion, sponsor, decision-maker, budget owner, the product's admin, technical buyer, or director and above. */
  key: boolean;
}

const keyRoles: ReadonlySet<ContactRole> = new Set([
  'champion',
  'sponsor',
  'decision_maker',
  'budget_owner',
  'admin',
  'technical_buyer',
]);

export function toStakeholder(contact: Contact): Stakeholder {
  const fromTitle = seniorityFromTitle(contact.title);
  const seniority =
    seniorityRank[fromTitle] > seniorityRank[contact.seniority] ? fromTitle : contact.seniority;
  const rank = seniorityRank[seniority];
  const budgetOwner =
    contact.role === 'budget_owner' ||
    contact.role === 'decision_maker' ||
    rank >= seniorityRank.vp ||
    (rank >= seniorityRank.director && BUDGET_DOMAIN.test(foldText(contact.title)));
  return {
    contact,
    seniority,
    budgetOwner,
    key: keyRoles.has(contact.role) || rank >= seniorityRank.director,
  };
}

/** Whether the contact had left by `today` (a day number). */
export function hasLeft(contact: Contact, today: number): boolean {
  return contact.leftAt !== undefined && dayNumber(contact.leftAt) <= today;
}
