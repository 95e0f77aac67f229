import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ripe = join(import.meta.dirname, '..', 'bin', 'ripe.mjs');
const dir = mkdtempSync(join(tmpdir(), 'ripe-cli-'));

async function ripeCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [ripe, ...args], {
      cwd: dir,
      env: { ...process.env, DATABASE_URL: '' },
      maxBuffer: 32 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const priceBook = {
  currency: 'USD',
  tiers: [
    { id: 'team', name: 'Team', rank: 1, seatPrice: 480, maxSeats: 50 },
    { id: 'business', name: 'Business', rank: 2, seatPrice: 720 },
  ],
};
const account = (id: string) => ({
  account: {
    id,
    name: `Account ${id}`,
    segment: 'mid_market',
    industry: 'Software',
    createdAt: '2024-02-01',
  },
  contract: {
    tier: 'team',
    seatsLicensed: 40,
    price: 19200,
    startDate: '2025-03-01',
    renewalDate: '2027-03-01',
  },
  usage: [{ metric: 'seats_used', kind: 'seats_used', start: '2026-10-01', values: [30, 31, null, 32] }],
});

describe('ripe CLI', () => {
  it('scores the valid records of a malformed file and names the bad record and field', async () => {
    const bad = account('acc-bad');
    (bad.contract as Record<string, unknown>).seatsLicensed = 'forty';
    const input = join(dir, 'snapshot.json');
    writeFileSync(
      input,
      JSON.stringify({ asOf: '2026-10-04', priceBook, accounts: [account('acc-1'), bad, account('acc-2')] }),
    );
    const result = await ripeCli(['score', '--input', input]);
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as {
      verdicts: Array<{ accountId: string }>;
      issues: Array<{ recordId: string; field: string }>;
    };
    expect(output.verdicts.map((v) => v.accountId)).toStrictEqual(['acc-1', 'acc-2']);
    expect(output.issues).toContainEqual(
      expect.objectContaining({ recordId: 'acc-bad', field: 'contract.seatsLicensed' }),
    );
    expect(result.stderr).toContain('acc-bad: contract.seatsLicensed');
  });

  it('prints one clear line, without a stack trace, for a user mistake', async () => {
    const missing = await ripeCli(['score', '--input', join(dir, 'nope.json')]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('cannot read');
    expect(missing.stderr).not.toMatch(/\bat .+:\d+:\d+/);

    const badArg = await ripeCli(['demo', '--accounts', 'many']);
    expect(badArg.code).toBe(2);
    expect(badArg.stderr).toContain('--accounts must be an integer');
  });

  it('reports a bad envelope field by name', async () => {
    const input = join(dir, 'bad-envelope.json');
    writeFileSync(input, JSON.stringify({ asOf: '04/10/2026', priceBook, accounts: [] }));
    const result = await ripeCli(['score', '--input', input]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('asOf');
  });

  it('runs a small demo end to end and writes the report', async () => {
    const result = await ripeCli([
      'demo',
      '--accounts',
      '60',
      '--as-of',
      '2026-11-01',
      '--json',
      '--report',
      'r.html',
    ]);
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as {
      scored: number;
      readiness: Record<string, number>;
      reportPath: string;
    };
    expect(output.scored).toBe(60);
    expect(Object.values(output.readiness).reduce((a, b) => a + b, 0)).toBe(60);
    // The report lists every ready account and the nurture ones, each section counted.
    const report = readFileSync(output.reportPath, 'utf8');
    const ready = output.readiness.ready ?? 0;
    expect(report).toContain(
      ready === 0 ? 'No account is ready tonight.' : `Ready now — ${ready} account${ready === 1 ? '' : 's'}`,
    );
    expect(report).toContain('<h2 id="nurture"');
  });
});
