import { defaultOrgConfig } from '@ripe/shared';
import { describe, expect, it } from 'vitest';
import type { PulledAccount } from '../../connectors/crm-connector.ts';
import { noHumanValues } from '../../connectors/crm-connector.ts';
import { priorOnlyModel } from '../../model/scoring-model.ts';
import { createSandbox } from '../../sandbox/sandbox.ts';
import { scoreStage } from './score.stage.ts';

describe('scoreStage', () => {
  const now = '2026-10-01';
  const sandbox = createSandbox({ accounts: 3, seed: 5, endDate: now });
  const ctx = { now, config: defaultOrgConfig, priceBook: sandbox.priceBook };
  const pulled = (index: number, extra: Partial<PulledAccount> = {}): PulledAccount => {
    const snapshot = sandbox.snapshotAt(index, now);
    return {
      accountId: snapshot.account.id,
      snapshot,
      human: noHumanValues,
      cursor: { modifiedAt: `${now}T00:00:00.000Z`, id: snapshot.account.id },
      ownerId: null,
      ...extra,
    };
  };

  it("reports what the connector could not read of an account's records, and still scores the account", () => {
    const issue = {
      record: 'usage record (2-100001)',
      recordId: '901',
      field: 'usage_seats_used',
      message: 'Usage record 901 (2-100001) of company 7: usage_seats_used is not a number',
    };
    const batch = [pulled(0, { issues: [issue] }), pulled(1)];
    const { scored, issues } = scoreStage(batch, ctx, priorOnlyModel());
    expect(scored.map((item) => item.pulled.accountId)).toStrictEqual(batch.map((item) => item.accountId));
    expect(issues).toStrictEqual([issue]);
  });

  it('reports a snapshot that fails validation by record and field, and scores the others', () => {
    const broken = pulled(0);
    const { snapshot } = broken as { snapshot: { contract: Record<string, unknown> } };
    const batch = [
      { ...broken, snapshot: { ...snapshot, contract: { ...snapshot.contract, seatsLicensed: 'many' } } },
      pulled(1),
    ];
    const { scored, issues } = scoreStage(batch, ctx, priorOnlyModel());
    expect(scored).toHaveLength(1);
    expect(issues.map(({ recordId, field }) => ({ recordId, field }))).toStrictEqual([
      { recordId: broken.accountId, field: 'contract.seatsLicensed' },
    ]);
  });
});
