import { expect, it } from 'vitest';
import { withOrg } from '../store/index.ts';
import { describeOnEachBackend } from '../store/testing/store-backends.ts';
import { listAudit, recordAudit } from './audit.repository.ts';

const insufficientPrivilege = '42501';

describeOnEachBackend(process.env.DATABASE_URL, 'audit log', ({ db, newOrg }) => {
  it('records entries and lists them newest first, page by page', async () => {
    const orgId = await newOrg();
    await withOrg(db(), orgId, async (tx) => {
      for (let index = 0; index < 5; index += 1) {
        await recordAudit(tx, {
          actor: 'member-1',
          action: 'config.updated',
          target: `rule_${index}`,
          details: { from: index, to: index + 1 },
        });
      }
    });
    const first = await withOrg(db(), orgId, (tx) => listAudit(tx, { limit: 2 }));
    expect(first.entries.map((entry) => entry.target)).toStrictEqual(['rule_4', 'rule_3']);
    expect(first.entries[0]).toMatchObject({
      actor: 'member-1',
      action: 'config.updated',
      details: { from: 4, to: 5 },
    });
    expect(first.entries[0]?.at).toBeInstanceOf(Date);
    const second = await withOrg(db(), orgId, (tx) =>
      listAudit(tx, { limit: 2, before: first.nextBefore ?? '' }),
    );
    expect(second.entries.map((entry) => entry.target)).toStrictEqual(['rule_2', 'rule_1']);
    const last = await withOrg(db(), orgId, (tx) =>
      listAudit(tx, { limit: 2, before: second.nextBefore ?? '' }),
    );
    expect(last).toMatchObject({ entries: [{ target: 'rule_0' }], nextBefore: null });
  });

  it('stores no secret a caller put in the details', async () => {
    const orgId = await newOrg();
    const entry = await withOrg(db(), orgId, (tx) =>
      recordAudit(tx, {
        actor: 'cli',
        action: 'connection.connected',
        details: { instanceUrl: 'https://acme.example', refreshToken: 'rt-very-secret' },
      }),
    );
    expect(JSON.stringify(entry.details)).not.toContain('rt-very-secret');
    const stored = await withOrg(db(), orgId, (tx) =>
      tx.query<{ details: string }>('select details::text from audit_log'),
    );
    expect(stored.rows[0]?.details).not.toContain('rt-very-secret');
  });

  it('shows an org only its own entries', async () => {
    const [orgA, orgB] = [await newOrg('A'), await newOrg('B')];
    await withOrg(db(), orgA, (tx) => recordAudit(tx, { actor: 'system', action: 'org.exported' }));
    expect((await withOrg(db(), orgB, (tx) => listAudit(tx))).entries).toStrictEqual([]);
    await expect(
      withOrg(db(), orgB, (tx) =>
        tx.query(`insert into audit_log (org_id, actor, action) values ($1, 'eve', 'org.exported')`, [orgA]),
      ),
    ).rejects.toMatchObject({ code: insufficientPrivilege });
  });

  it('refuses updates and deletes: to ripe_app by privilege, to the owner by trigger', async () => {
    const orgId = await newOrg();
    await withOrg(db(), orgId, (tx) => recordAudit(tx, { actor: 'member-1', action: 'feedback.recorded' }));
    for (const sql of [`update audit_log set actor = 'someone else'`, 'delete from audit_log']) {
      await expect(withOrg(db(), orgId, (tx) => tx.query(sql))).rejects.toMatchObject({
        code: insufficientPrivilege,
      });
    }
    const asOwner = (sql: string, deletingOrg = '') =>
      db().transaction(async (tx) => {
        await tx.query(
          `select set_config('ripe.org_id', $1, true), set_config('ripe.deleting_org', $2, true)`,
          [orgId, deletingOrg],
        );
        return tx.query(sql);
      });
    for (const sql of [
      `update audit_log set actor = 'someone else'`,
      'delete from audit_log',
      'truncate audit_log',
    ]) {
      await expect(asOwner(sql)).rejects.toThrow(/append-only/);
    }
    // Another org's deletion does not open this org's entries.
    await expect(asOwner('delete from audit_log', 'org-other')).rejects.toThrow(/append-only/);
    expect((await withOrg(db(), orgId, (tx) => listAudit(tx))).entries).toHaveLength(1);
  });

  it('lets the deletion of the whole org remove its entries', async () => {
    const orgId = await newOrg();
    await withOrg(db(), orgId, (tx) => recordAudit(tx, { actor: 'member-1', action: 'feedback.recorded' }));
    const deleted = await db().transaction(async (tx) => {
      await tx.query(
        `select set_config('ripe.org_id', $1, true), set_config('ripe.deleting_org', $1, true)`,
        [orgId],
      );
      return (await tx.query('delete from orgs where id = $1', [orgId])).rowCount;
    });
    expect(deleted).toBe(1);
    const left = await db().query<{ count: number }>(
      'select count(*)::int as count from audit_log where org_id = $1',
      [orgId],
    );
    expect(left.rows[0]?.count).toBe(0);
  });
});
