import type { ContactRole, Seniority } from '@ripe/shared';

// AccountContactRelation.Roles (and OpportunityContactRole.Role) standard values, plus `Champion`, the value
// orgs most often add. The strongest role a contact holds wins.
const roleValues: [RegExp, ContactRole][] = [
  [/^(economic )?decision maker$/i, 'decision_maker'],
  [/^(economic buyer|budget owner)$/i, 'budget_owner'],
  [/^executive sponsor$|^sponsor$/i, 'sponsor'],
  [/^champion$/i, 'champion'],
  [/^(influencer|evaluator|technical buyer)$/i, 'influencer'],
  [/^(business user|user)$/i, 'user'],
];

/** The canonical role of a contact from a multi-select `Roles` value (`Decision Maker;Influencer`). */
export function contactRole(roles: unknown): ContactRole {
  if (typeof roles !== 'string' || roles.trim() === '') return 'unknown';
  const held = roles.split(';').map((value) => value.trim());
  for (const [pattern, role] of roleValues) if (held.some((value) => pattern.test(value))) return role;
  return 'unknown';
}

// Titles in English and French, most senior first; a word boundary keeps "Director" out of "CTO".
const seniorityTitles: [RegExp, Seniority][] = [
  [
    /\b(chief|ceo|cfo|cto|coo|cio|cmo|cro|ciso|founder|co-founder|président|presidente?|pdg|dg|directeur général|directrice générale|managing director|owner)\b/i,
    'c_level',
  ],
  [/\b(vp|svp|evp|vice[- ]president|vice-présidente?)\b/i, 'vp'],
  [/\b(director|head of|directeur|directrice|responsable de département)\b/i, 'director'],
  [/\b(manager|lead|chef|cheffe|responsable|team leader|supervisor|superviseur)\b/i, 'manager'],
];

/** A contact's seniority from the job title (Salesforce keeps no standard field for it). */
export function titleSeniority(title: unknown): Seniority {
  if (typeof title !== 'string') return 'individual';
  for (const [pattern, seniority] of seniorityTitles) if (pattern.test(title)) return seniority;
  return 'individual';
}
