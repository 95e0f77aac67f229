import { describe, expect, it } from 'vitest';
import { ConnectorFailure, type ConnectorError, type CrmConnector } from '../crm-connector.ts';
import type { WriteOperation } from '../write-operation.ts';
import { createFakeCrm } from './fake-crm.ts';

const asOf = '2026-06-30';
const freshCrm = (dailyLimit = 100) => createFakeCrm({ accounts: 6, seed: 7, asOf, pageSize: 2, dailyLimit });
const count = async (connector: CrmConnector) => {
  const answer = await connector.countChanged(null, asOf);
  return answer.ok ? answer.value : answer.error;
};
const fields = (accountId: string, extra: Record<string, string> = {}): WriteOperation => ({
  kind: 'account_fields',
  accountId,
  fields: { Score__c: 'high', ...extra },
});
const expired: ConnectorError = { code: 'auth_expired', message: 'The session expired: refresh the token' };

describe('fake CRM faults', () => {
  it('expires the token after n calls until reauthenticate(), counting refused calls but not using the allowance', async () => {
    const crm = freshCrm();
    const connector = crm.connector();
    crm.faults.expireTokenAfterCalls(2);
    expect([await count(connector), await count(connector), await count(connector)]).toStrictEqual([
      6,
      6,
      expired,
    ]);
    expect(await connector.allowance()).toStrictEqual({ ok: false, error: expired });
    expect(await count(crm.connector())).toStrictEqual(expired);
    const [first, second] = await Promise.all([connector.reauthenticate(), connector.reauthenticate()]);
    expect([first, second]).toStrictEqual([
      { ok: true, value: undefined },
      { ok: true, value: undefined },
    ]);
    expect(crm.refreshCount).toBe(1);
    expect(await count(connector)).toBe(6);
    expect(connector.calls()).toStrictEqual({ reads: 4, writes: 0, byKind: { count: 4 } });
    expect(crm.apiUsage().used).toBe(3);
  });

  it('ends a pull with a ConnectorFailure when the token expires between pages', async () => {
    const crm = freshCrm();
    crm.faults.expireTokenAfterCalls(1);
    const pages: number[] = [];
    const pulling = (async () => {
      for await (const page of crm.connector().pullAccounts({ after: null, asOf })) pages.push(page.length);
    })();
    await expect(pulling).rejects.toStrictEqual(new ConnectorFailure(expired));
    await pulling.catch((failure: unknown) => {
      expect(failure instanceof ConnectorFailure ? failure.error.code : null).toBe('auth_expired');
    });
    expect(pages).toStrictEqual([2]);
  });

  it('answers auth_revoked on reauthenticate once the refresh token is revoked', async () => {
    const crm = freshCrm();
    crm.faults.revokeRefreshToken();
    const answer = await crm.connector().reauthenticate();
    expect(answer.ok ? null : answer.error.code).toBe('auth_revoked');
    expect(crm.refreshCount).toBe(0);
  });

  it('answers daily_limit after n calls, and at the configured allowance', async () => {
    const crm = freshCrm();
    const connector = crm.connector();
    crm.faults.dailyLimitAfterCalls(1);
    const limited = { code: 'daily_limit', message: 'The daily API allowance is used up' };
    expect([await count(connector), await count(connector)]).toStrictEqual([6, limited]);
    expect(await connector.allowance()).toStrictEqual({ ok: true, value: { max: 100, remaining: 0 } });
    crm.faults.clear();
    expect(await connector.allowance()).toStrictEqual({ ok: true, value: { max: 100, remaining: 99 } });

    const small = freshCrm(2);
    const other = small.connector();
    expect([await count(other), await count(other), await count(other)]).toStrictEqual([6, 6, limited]);
    expect(small.apiUsage()).toStrictEqual({ used: 2, limit: 2 });
  });

  it('is unavailable for n calls with retryAfterMs, then serves again', async () => {
    const crm = freshCrm();
    const connector = crm.connector();
    crm.faults.unavailableForCalls(2, 5000);
    const outage = { code: 'unavailable', message: 'The CRM is unavailable (503)', retryAfterMs: 5000 };
    expect([await count(connector), await count(connector), await count(connector)]).toStrictEqual([
      outage,
      outage,
      6,
    ]);
    expect(crm.apiUsage().used).toBe(1);
  });

  it('rejects records by a validation rule and locks rows, leaving the rest of the batch applied', async () => {
    const crm = freshCrm();
    const connector = crm.connector();
    crm.faults.rejectRecords(['acc-000001'], 'Score cannot change during renewal');
    crm.faults.lockRecords(['acc-000002']);
    const outcomes = await connector.applyWrites([
      fields('acc-000000'),
      fields('acc-000001'),
      fields('acc-000002'),
    ]);
    expect(outcomes).toStrictEqual({
      ok: true,
      value: [
        { ok: true, crmId: 'acc-000000' },
        {
          ok: false,
          code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
          message: 'Score cannot change during renewal',
          fields: ['Score__c'],
          retryable: false,
        },
        {
          ok: false,
          code: 'UNABLE_TO_LOCK_ROW',
          message: 'unable to obtain exclusive access to acc-000002',
          fields: [],
          retryable: true,
        },
      ],
    });
    expect(crm.accountFields('acc-000001')).toStrictEqual({});
    crm.faults.unlockRecords(['acc-000002']);
    expect(await connector.applyWrites([fields('acc-000002')])).toStrictEqual({
      ok: true,
      value: [{ ok: true, crmId: 'acc-000002' }],
    });
  });

  it('reports a missing field in preflight and refuses writes carrying it', async () => {
    const crm = freshCrm();
    const connector = crm.connector();
    crm.faults.missingField('Motion__c');
    expect(await connector.preflight()).toStrictEqual({
      ok: true,
      value: {
        ok: false,
        missing: [{ kind: 'field', name: 'Motion__c', message: 'The field Motion__c is not installed' }],
      },
    });
    const outcomes = await connector.applyWrites([
      fields('acc-000000', { Motion__c: 'seats' }),
      fields('acc-000001'),
    ]);
    expect(outcomes).toStrictEqual({
      ok: true,
      value: [
        {
          ok: false,
          code: 'INVALID_FIELD',
          message: 'No such column: Motion__c',
          fields: ['Motion__c'],
          retryable: false,
        },
        { ok: true, crmId: 'acc-000001' },
      ],
    });
    crm.faults.clear();
    expect(await connector.preflight()).toStrictEqual({ ok: true, value: { ok: true, missing: [] } });
  });

  it('counts calls per connector instance over one shared CRM', async () => {
    const crm = freshCrm();
    const night = crm.connector();
    await night.preflight();
    await night.countChanged(null, asOf);
    for await (const page of night.pullAccounts({ after: null, asOf })) void page;
    await night.applyWrites([fields('acc-000000')]);
    await night.allowance();
    expect(night.calls()).toStrictEqual({
      reads: 5,
      writes: 1,
      byKind: { describe: 1, count: 1, query: 3, collection: 1 },
    });
    expect(crm.connector().calls()).toStrictEqual({ reads: 0, writes: 0, byKind: {} });
    expect(crm.apiUsage()).toStrictEqual({ used: 6, limit: 100 });
  });

  it('pulls history from the generator, one read per page of rows', async () => {
    const crm = freshCrm();
    const connector = crm.connector();
    const rows = [];
    for await (const row of connector.pullHistory('2026-06-30', { sampleSize: 3 })) rows.push(row);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.accountId))).toStrictEqual(
      new Set(['acc-000000', 'acc-000002', 'acc-000004']),
    );
    expect(connector.calls().byKind).toStrictEqual({ history: Math.ceil(rows.length / 2) });
    const late = (async () => {
      for await (const row of connector.pullHistory('2026-07-01')) void row;
    })();
    await expect(late).rejects.toBeInstanceOf(ConnectorFailure);
  });
});
