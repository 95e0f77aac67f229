import { RipeError } from '@ripe/shared';
import { recordAudit } from '../audit/index.ts';
import type { Database } from '../store/database.ts';
import { withOrg } from '../store/org-scope.ts';
import { getOrg } from '../store/orgs.repository.ts';
import { createApiKey, type ApiKeyRecord } from './api-keys.repository.ts';
import { listMembers } from './members.repository.ts';
import { apiKeyScopes, type MemberRole } from './roles.ts';

export interface MemberKey {
  orgId: string;
  memberId: string;
  memberName: string;
  role: MemberRole;
  apiKey: ApiKeyRecord;
  /** The key, shown once. */
  token: string;
}

/**
 * A new API key for the org's first member of `role` (the admin `ripe org create` made, by default), through the
 * same `createApiKey` as the org's first key; audited as the CLI's. The key's scopes are all of them: the member's
 * role still bounds what it may do.
 */
export async function createMemberKey(
  db: Database,
  orgId: string,
  options: { role: MemberRole; name: string },
): Promise<MemberKey> {
  return withOrg(db, orgId, async (tx) => {
    if (!(await getOrg(tx))) throw new RipeError('not_found', `Org ${orgId} does not exist (ripe org list)`);
    const member = (await listMembers(tx)).find((candidate) => candidate.role === options.role);
    if (!member) {
      throw new RipeError(
        'not_found',
        `Org ${orgId} has no ${options.role}: add one with POST /v1/orgs/${orgId}/members, or use --role admin`,
      );
    }
    const { apiKey, token } = await createApiKey(tx, {
      memberId: member.id,
      name: options.name,
      scopes: apiKeyScopes,
    });
    await recordAudit(tx, {
      actor: 'cli',
      action: 'api_key.created',
      target: apiKey.id,
      details: { name: apiKey.name, memberId: member.id, scopes: apiKey.scopes },
    });
    return { orgId, memberId: member.id, memberName: member.name, role: member.role, apiKey, token };
  });
}
