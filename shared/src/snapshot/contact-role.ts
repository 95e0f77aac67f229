import { z } from 'zod';

export const contactRoleSchema = z.enum([
  'champion',
  'sponsor',
  'decision_maker',
  'budget_owner',
  /** The customer's administrator of the product: who asks for seats and sees the licence fill up. */
  'admin',
  'technical_buyer',
  'evaluator',
  'procurement',
  'legal',
  'blocker',
  'user',
  'influencer',
  'unknown',
]);
export type ContactRole = z.infer<typeof contactRoleSchema>;

// The buying roles CRMs ship under other names (Salesforce contact roles, HubSpot buying roles), by key.
const ALIASES: Readonly<Record<string, ContactRole>> = {
  economic_buyer: 'budget_owner',
  budget_holder: 'budget_owner',
  economic_decision_maker: 'decision_maker',
  executive_sponsor: 'sponsor',
  business_user: 'user',
  end_user: 'user',
  administrator: 'admin',
  system_administrator: 'admin',
  system_admin: 'admin',
  product_admin: 'admin',
  it_admin: 'admin',
  technical_decision_maker: 'technical_buyer',
  technical_evaluator: 'evaluator',
  legal_compliance: 'legal',
  legal_and_compliance: 'legal',
  purchasing: 'procurement',
  detractor: 'blocker',
  other: 'unknown',
};

const CANONICAL: ReadonlySet<string> = new Set(contactRoleSchema.options);

/** `Economic Buyer`, `economic-buyer` and `economic_buyer` all read as the key `economic_buyer`. */
function roleKey(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/&/g, ' ')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/** The role a CRM label stands for, or null when it is none Ripe knows. */
export function contactRoleOf(label: string): ContactRole | null {
  const key = roleKey(label);
  if (CANONICAL.has(key)) return key as ContactRole;
  return ALIASES[key] ?? null;
}

/**
 * A contact's role as written in the import: one of Ripe's roles or a CRM's label for it (case, spaces
 * and hyphens ignored: `Economic Buyer` is a budget owner, `Executive Sponsor` a sponsor, `System
 * Administrator` an admin).
 */
export const contactRoleInputSchema = z
  .string()
  .meta({
    description: `one of ${contactRoleSchema.options.join(', ')}, or a CRM label for one (${Object.keys(ALIASES).join(', ')}); case, spaces and hyphens ignored`,
  })
  .transform((label, ctx): ContactRole => {
    const role = contactRoleOf(label);
    if (role !== null) return role;
    ctx.addIssue({
      code: 'custom',
      input: label,
      message: `unknown contact role "${label}": expected one of ${contactRoleSchema.options.join(', ')} (or a CRM label such as Economic Buyer, Executive Sponsor, Administrator)`,
    });
    return z.NEVER;
  });
