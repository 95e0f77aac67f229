import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRipeError } from '@ripe/shared';
import { expect, it } from 'vitest';
import { withOrg, type Database } from '../store/index.ts';
import { describeOnEachBackend } from '../store/testing/store-backends.ts';
import { importUsageCsv } from './usage-csv.import.ts';
import { usageSeriesFor } from './usage-series.reader.ts';

const dir = mkdtempSync(join(tmpdir(), 'ripe-usage-csv-'));
const latestDay = '2026-03-03';

function csvFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const goodAndBad = csvFile(
  'usage.csv',
  [
    'account_id,metric,day,value,kind,feature,premium',
    'acc-1,seats_used,2026-03-01,40,,,',
    'acc-1,seats_used,2026-03-02,forty,,,',
    '"acc-1",seats_used,2026-03-02,41,,,',
    '"acc-2","api', // a quote left open costs its own line…
    'calls",2026-03-01,5,consumption,,', // …and a stray quote its own, never the lines after them
    'acc-2,sso,2026-03-01,3,feature_adoption,sso,maybe',
    '',
    'acc-2,active_users,2026-03-01,12',
    'acc-3,active_users,2026-13-01,1',
  ].join('\n'),
);

describeOnEachBackend(process.env.DATABASE_URL, 'usage CSV import', ({ db, newOrg }) => {
  it('keeps the valid rows, reports the others by line and column, in batches', async () => {
    const orgId = await newOrg();
    const progress: number[] = [];
    const report = await importUsageCsv({
      db: db(),
      orgId,
      path: goodAndBad,
      latestDay,
      batchSize: 2,
      progress: { start: (total) => progress.push(total), update: (done) => progress.push(done), stop() {} },
    });
    expect({ ...report, durationMs: 0 }).toStrictEqual({
      rows: 8,
      accepted: 3,
      changed: 3,
      rejected: 5,
      durationMs: 0,
      issues: [
        { row: 3, column: 'value', message: 'must be a number' },
        { row: 5, column: 'metric', message: 'a quoted cell is not closed on its line' },
        {
          row: 6,
          column: 'account_id',
          message: 'a stray quote in an unquoted cell (quote the whole cell and double the quotes inside it)',
        },
        { row: 7, column: 'premium', message: 'must be true or false' },
        { row: 10, column: 'day', message: 'must be a real calendar day' },
      ],
    });
    expect(progress[0]).toBe(9);
    expect(progress.at(-1)).toBe(8);
    const series = await withOrg(db(), orgId, (tx) => usageSeriesFor(tx, ['acc-1', 'acc-2'], '2026-01-01'));
    expect(series.get('acc-1')).toStrictEqual([
      { metric: 'seats_used', kind: 'seats_used', start: '2026-03-01', values: [40, 41] },
    ]);
    expect(series.get('acc-2')?.map((s) => s.metric)).toStrictEqual(['active_users']);
  });

  it('changes nothing when the same file is imported again', async () => {
    const orgId = await newOrg();
    await importUsageCsv({ db: db(), orgId, path: goodAndBad, latestDay });
    const again = await importUsageCsv({ db: db(), orgId, path: goodAndBad, latestDay });
    expect(again).toMatchObject({ rows: 8, accepted: 3, changed: 0, rejected: 5 });
  });

  it('rejects a row with a stray quote alone, naming its line and field, and keeps every other row', async () => {
    const orgId = await newOrg();
    const rows = Array.from({ length: 3_000 }, (_, i) => `acc-${i},seats_used,2026-03-01,${i % 50}`);
    rows[9] = 'acc-9,"seats_used,2026-03-01,9'; // line 11: a quote opened and never closed
    rows[1_999] = 'acc-1999,seats_used,2026-03-01,4"9'; // line 2,001: a quote inside an unquoted cell
    const path = csvFile('stray-quotes.csv', ['account_id,metric,day,value', ...rows].join('\n'));
    const report = await importUsageCsv({ db: db(), orgId, path, latestDay });
    expect(report).toMatchObject({ rows: 3_000, accepted: 2_998, changed: 2_998, rejected: 2 });
    expect(report.issues).toStrictEqual([
      { row: 11, column: 'metric', message: 'a quoted cell is not closed on its line' },
      {
        row: 2_001,
        column: 'value',
        message: 'a stray quote in an unquoted cell (quote the whole cell and double the quotes inside it)',
      },
    ]);
  });

  it('keeps only the first issues but counts them all', async () => {
    const orgId = await newOrg();
    const rows = Array.from({ length: 30 }, (_, i) => `acc-${i},seats_used,2026-03-01,x`);
    const path = csvFile('many-bad.csv', ['account_id,metric,day,value', ...rows].join('\n'));
    const report = await importUsageCsv({ db: db(), orgId, path, latestDay, maxIssues: 5 });
    expect(report.rejected).toBe(30);
    expect(report.issues.map((issue) => issue.row)).toStrictEqual([2, 3, 4, 5, 6]);
  });

  it.each([
    [
      'a file without the required columns',
      csvFile('wrong.csv', 'account,day\nacc-1,2026-03-01\n'),
      'invalid_csv',
      /lacks the columns account_id, metric, value/,
    ],
    ['an empty file', csvFile('empty.csv', ''), 'invalid_csv', /no header row/],
    ['a missing file', join(dir, 'absent.csv'), 'invalid_input_file', /cannot read/],
    [
      'a header with broken quoting',
      csvFile('broken.csv', '"account_id,metric,day,value\nacc-1,seats_used,2026-03-01,1\n'),
      'invalid_csv',
      /line 1, the header: a quoted cell is not closed on its line/,
    ],
  ])('refuses %s with a typed error', async (_name, path, code, message) => {
    const orgId = await newOrg();
    const error: unknown = await importUsageCsv({ db: db(), orgId, path, latestDay }).catch(
      (e: unknown) => e,
    );
    expect(isRipeError(error) && error.code).toBe(code);
    expect((error as Error).message).toMatch(message);
  });

  it('lets a database failure through as it is, not as a CSV problem', async () => {
    const orgId = await newOrg();
    const real = db();
    const failing: Database = {
      ...real,
      transaction: (fn) =>
        real.transaction((tx) =>
          fn({
            exec: tx.exec,
            query: (sql, params) =>
              sql.includes('insert into usage_points')
                ? Promise.reject(new Error('disk full'))
                : tx.query(sql, params),
          }),
        ),
    };
    await expect(
      importUsageCsv({ db: failing, orgId, path: goodAndBad, latestDay, batchSize: 1 }),
    ).rejects.toThrow(/^disk full$/);
  });

  it('refuses an org that does not exist', async () => {
    await expect(
      importUsageCsv({ db: db(), orgId: 'org-missing', path: goodAndBad, latestDay }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
