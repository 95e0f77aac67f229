import { describe, expect, it } from 'vitest';
import { parseAccounts } from './parse-accounts.ts';
import { defaultOrgConfig, orgConfigSchema } from '../config/org-config.schema.ts';
import { importFormatJsonSchema } from './json-schema.ts';

const good = {
  account: { id: 'acc-1', name: 'Acme', segment: 'smb', industry: 'Retail', createdAt: '2024-01-01' },
  contract: {
    tier: 'team',
    seatsLicensed: 10,
    price: 4800,
    startDate: '2025-01-01',
    renewalDate: '2026-01-01',
  },
};

describe('parseAccounts', () => {
  it('keeps valid records and names the record and field of a bad one', () => {
    const bad = {
      ...good,
      account: { ...good.account, id: 'acc-2' },
      contract: { ...good.contract, seatsLicensed: 'ten' },
    };
    const { valid, issues } = parseAccounts([good, bad, { nope: true }]);
    expect(valid.map((a) => a.account.id)).toStrictEqual(['acc-1']);
    expect(issues[0]).toMatchObject({
      record: 'account',
      recordId: 'acc-2',
      field: 'contract.seatsLicensed',
    });
    expect(issues.some((i) => i.recordId === '#2' && i.field === 'account')).toBe(true);
  });
});

describe('orgConfigSchema', () => {
  it("fills SPEC's defaults and rejects a threshold above 1", () => {
    expect(defaultOrgConfig.rules.seatUtilisation).toStrictEqual({ threshold: 0.8, minDays: 30 });
    const result = orgConfigSchema.safeParse({ rules: { consumption: { threshold: 1.4 } } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toStrictEqual(['rules', 'consumption', 'threshold']);
  });
});

describe('importFormatJsonSchema', () => {
  it('describes the accounts array from the zod schema', () => {
    const schema = importFormatJsonSchema() as {
      properties: { accounts: { items: { required: string[] } } };
    };
    expect(schema.properties.accounts.items.required).toStrictEqual(['account', 'contract']);
  });
});
