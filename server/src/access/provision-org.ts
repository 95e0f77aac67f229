import { randomBytes } from 'node:crypto';
import { RipeError } from '@ripe/shared';
import type { Database } from '../store/database.ts';
import { withOrg } from '../store/org-scope.ts';
import { createOrg, type NewOrg, type Org } from '../store/orgs.repository.ts';
import { createApiKey, type ApiKeyRecord } from './api-keys.repository.ts';
import { isUniqueViolation } from './errors.ts';
import { addMember, type Member } from './members.repository.ts';
import { apiKeyScopes } from './roles.ts';

export interface NewOrgWithAdmin extends NewOrg {
  admin: { email: string; name: string };
}

export interface ProvisionedOrg {
  org: Org;
  admin: Member;
  apiKey: ApiKeyRecord;
  /** The admin's key, shown once. */
  token: string;
}

export function newOrgId(): string {
  return `org_${randomBytes(12).toString('hex')}`;
}

/**
 * Creates an org, its first admin and an admin API key in one transaction. A CRM instance already
 * connected to another org is a `conflict`.
 */
export async function provisionOrg(db: Database, input: NewOrgWithAdmin): Promise<ProvisionedOrg> {
  const { admin: adminInput, ...orgInput } = input;
  try {
    return await withOrg(db, newOrgId(), async (tx) => {
      const org = await createOrg(tx, orgInput);
      const admin = await addMember(tx, { ...adminInput, role: 'admin' });
      const { apiKey, token } = await createApiKey(tx, {
        memberId: admin.id,
        name: 'admin key',
        scopes: apiKeyScopes,
      });
      return { org, admin, apiKey, token };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new RipeError('conflict', `This ${input.crm} instance is already connected to an org`, {
        cause: error,
      });
    }
    throw error;
  }
}
