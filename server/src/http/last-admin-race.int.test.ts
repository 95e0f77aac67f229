import request from 'supertest';
import { expect, it } from 'vitest';
import { createApiKey } from '../access/api-keys.repository.ts';
import { addMember, listMembers } from '../access/members.repository.ts';
import { provisionOrg } from '../access/provision-org.ts';
import { withOrg } from '../store/org-scope.ts';
import { describeOnEachBackend } from '../store/testing/store-backends.ts';
import { createTestApp } from './testing/test-app.ts';

// Unchecked, two admins demoting each other at once left an org without an admin about 1 time in 4.
const races = 20;

describeOnEachBackend(process.env.DATABASE_URL, 'the last-admin rule under concurrency', ({ db }) => {
  it(`keeps an admin when two admins demote each other at once (${races} races)`, async () => {
    const { app } = createTestApp(db());
    const outcomes: number[][] = [];
    for (let race = 0; race < races; race += 1) {
      const { org, admin, token } = await provisionOrg(db(), {
        name: `Race ${race}`,
        crm: 'sandbox',
        admin: { email: 'ann@race.example', name: 'Ann' },
      });
      const other = await withOrg(db(), org.id, async (tx) => {
        const member = await addMember(tx, { email: 'bob@race.example', name: 'Bob', role: 'admin' });
        const key = await createApiKey(tx, {
          memberId: member.id,
          name: 'bob',
          scopes: ['read', 'write', 'admin'],
        });
        return { id: member.id, token: key.token };
      });
      const demote = (memberId: string, key: string) =>
        request(app)
          .patch(`/v1/orgs/${org.id}/members/${memberId}`)
          .set('authorization', `Bearer ${key}`)
          .send({ role: 'member' })
          .then((response) => response.status);
      outcomes.push(await Promise.all([demote(admin.id, other.token), demote(other.id, token)]));
      const admins = (await withOrg(db(), org.id, listMembers)).filter((member) => member.role === 'admin');
      expect(admins.length, `race ${race}: ${JSON.stringify(outcomes.at(-1))}`).toBe(1);
    }
    // Each race: one demotion went through; the other was refused, as the last admin's (409) or,
    // when it came second, because its caller was no longer an admin (403).
    for (const statuses of outcomes) {
      expect(statuses.filter((status) => status === 200)).toHaveLength(1);
      expect(statuses.filter((status) => status === 403 || status === 409)).toHaveLength(1);
    }
  });
});
