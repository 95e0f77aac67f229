import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testPriceBook } from '@ripe/shared/testing';
import { readSnapshotFile } from './file-source.ts';

const folder = mkdtempSync(join(tmpdir(), 'ripe-file-source-'));

function account(id: string, overrides: { account?: object; contract?: object } = {}) {
  return {
    account: {
      id,
      name: `Account ${id}`,
      segment: 'smb',
      industry: 'Retail',
      createdAt: '2024-01-01',
      ...overrides.account,
    },
    contract: {
      tier: 'team',
      seatsLicensed: 10,
      price: 4800,
      startDate: '2025-09-01',
      renewalDate: '2026-09-01',
      ...overrides.contract,
    },
    contacts: [{ id: 'c1', name: 'Ann', createdAt: '2025-01-01', role: 'System Administrator' }],
  };
}

function fileWith(name: string, body: unknown, prefix = ''): string {
  const path = join(folder, name);
  writeFileSync(path, prefix + JSON.stringify(body), 'utf8');
  return path;
}

async function idsOf(path: string): Promise<string[]> {
  const file = await readSnapshotFile(path);
  const ids: string[] = [];
  for await (const batch of file.source.batches(2))
    for (const record of batch) ids.push((record as { account: { id: string } }).account.id);
  return ids;
}

describe('readSnapshotFile', () => {
  const body = {
    asOf: '2026-06-30',
    priceBook: { ...testPriceBook, exchangeRates: { EUR: 0.92 } },
    accounts: [
      account('good'),
      account('twice'),
      account('eur', { account: { currency: 'EUR' } }),
      account('twice', { contract: { seatsLicensed: 12 } }),
      account('gbp', { account: { currency: 'GBP' } }),
      account('platinum', { contract: { tier: 'platinum' } }),
    ],
  };

  it('accepts a UTF-8 byte-order mark', async () => {
    const path = fileWith('bom.json', { ...body, accounts: [account('good')] }, '\uFEFF');
    expect(await idsOf(path)).toStrictEqual(['good']);
  });

  it('keeps the valid records and names the record and field of every one left out', async () => {
    const path = fileWith('mixed.json', body);
    const file = await readSnapshotFile(path);
    expect(await idsOf(path)).toStrictEqual(['good', 'eur']);
    expect(file.rejected).toBe(4);
    expect(file.issues.map((issue) => [issue.recordId, issue.field])).toStrictEqual([
      ['twice', 'account.id'],
      ['twice', 'account.id'],
      ['gbp', 'account.currency'],
      ['platinum', 'contract.tier'],
    ]);
  });

  it('reads CRM role labels as roles', async () => {
    const file = await readSnapshotFile(fileWith('roles.json', { ...body, accounts: [account('good')] }));
    for await (const [record] of file.source.batches(1))
      expect((record as { contacts: Array<{ role: string }> }).contacts[0]?.role).toBe('admin');
  });
});
