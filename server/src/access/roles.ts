/** Roles of an org's members, from least to most powerful. */
export const memberRoles = ['member', 'manager', 'admin'] as const;
export type MemberRole = (typeof memberRoles)[number];

/** What an API key may do, whatever its member's role: read, change data, administer the org. */
export const apiKeyScopes = ['read', 'write', 'admin'] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

/** The caller of a request, as its API key says. */
export interface AuthContext {
  orgId: string;
  memberId: string;
  role: MemberRole;
  scopes: ApiKeyScope[];
  keyId: string;
}

export function roleAtLeast(role: MemberRole, minimum: MemberRole): boolean {
  return memberRoles.indexOf(role) >= memberRoles.indexOf(minimum);
}

export function isMemberRole(value: string): value is MemberRole {
  return (memberRoles as readonly string[]).includes(value);
}

export function isApiKeyScope(value: string): value is ApiKeyScope {
  return (apiKeyScopes as readonly string[]).includes(value);
}
