// Switches off, one at a time, a behaviour the connector contract suite protects, runs the suite on the fake CRM,
// and prints which cases fail: each mutant must be caught. The files are restored from git after each mutant,
// so the script refuses to run when they have uncommitted changes.
//   node scripts/contract-mutants.mjs [part of a mutant's name]
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';

const refused = (code, message) =>
  `const ${code} = { ok: false as const, error: { code: 'auth_revoked' as const, message: '${message}' } };`;
const mutants = [
  [
    'no refresh of an expired session',
    [
      [
        'server/src/night/stages/model.stage.ts',
        'const renewed = await connector.reauthenticate();',
        refused('renewed', 'mutant'),
      ],
      [
        'server/src/night/stages/pull.stage.ts',
        'const renewed = await connector.reauthenticate();',
        refused('renewed', 'mutant'),
      ],
      [
        'server/src/connectors/call-with-auth.ts',
        'const refreshed = await connector.reauthenticate();',
        refused('refreshed', 'mutant'),
      ],
    ],
  ],
  [
    'the daily limit fails the night instead of stopping it',
    [
      [
        'server/src/night/stages/pull.stage.ts',
        "if (code === 'daily_limit' || code === 'rate_limited') {",
        "if (code === 'rate_limited') {",
      ],
      [
        'server/src/night/stages/model.stage.ts',
        "error.error.code === 'daily_limit'",
        "error.error.code === ('mutant' as string)",
      ],
    ],
  ],
  [
    'a rejected record stops the drain',
    [
      [
        'server/src/writeback/drain-outbox.ts',
        '        item.failures.push(',
        "        report.stopped = { reason: 'crm', error: { code: 'invalid_request', message: 'mutant' } };\n        item.failures.push(",
      ],
    ],
  ],
  [
    'fields compared with the last verdict, not the confirmed state',
    [
      [
        'server/src/writeback/plan-writes.ts',
        'filter(([name, value]) => written.fields[name] !== value)',
        'filter(([name]) => name.length > 0)',
      ],
    ],
  ],
  [
    'task keys not idempotent',
    [
      [
        'server/src/writeback/plan-writes.ts',
        'key: `${accountId}:${payload.asOf}`',
        'key: `${accountId}:${payload.asOf}:${Math.random()}`',
      ],
      [
        'server/src/writeback/plan-writes.ts',
        'if (open && open.key !== wanted?.key)',
        'if (open && open.key !== wanted?.key && false)',
      ],
    ],
  ],
  [
    'snooze ignored',
    [
      [
        'server/src/writeback/plan-writes.ts',
        'human.snoozedUntil > today',
        "human.snoozedUntil > '9999-12-31'",
      ],
    ],
  ],
  [
    'a human-owned field written by the night',
    [
      [
        'server/src/writeback/plan-writes.ts',
        "if (fieldsChanged) operations.push({ kind: 'account_fields', accountId, fields });",
        "if (fieldsChanged) operations.push({ kind: 'account_fields', accountId, fields: { ...fields, status: 'new' } });",
      ],
    ],
  ],
  [
    'an approval creates an opportunity every night',
    [
      [
        'server/src/writeback/plan-writes.ts',
        '!(written.humanStatus !== null && settledStatuses.has(written.humanStatus))',
        'settledStatuses.size > 0',
      ],
      [
        'server/src/writeback/plan-writes.ts',
        'key: `${accountId}:opportunity-${written.opportunities + 1}`',
        'key: `${accountId}:opportunity-${Math.random()}`',
      ],
    ],
  ],
];

const only = process.argv[2];
const files = [...new Set(mutants.flatMap(([, edits]) => edits.map(([file]) => file)))];
if (execFileSync('git', ['status', '--porcelain', '--', ...files], { encoding: 'utf8' }).trim() !== '') {
  console.error('contract-mutants: commit or stash your changes to these files first:\n' + files.join('\n'));
  process.exit(2);
}
let survivors = 0;
for (const [name, edits] of mutants) {
  if (only && !name.includes(only)) continue;
  try {
    for (const [file, from, to] of edits) {
      const text = readFileSync(file, 'utf8');
      if (!text.includes(from)) throw new Error(`${file} no longer contains: ${from}`);
      writeFileSync(file, text.replace(from, to));
    }
    const run = spawnSync('npx', ['vitest', 'run', 'server/src/night/contract/fake.contract.int.test.ts'], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '' },
    });
    const failed = [
      ...new Set(
        [...stripVTControlCharacters(run.stdout).matchAll(/× (.+?)(?: \d+ms)?$/gm)].map((m) => m[1]),
      ),
    ];
    if (failed.length === 0) survivors += 1;
    console.error(`${failed.length > 0 ? 'caught ' : 'SURVIVED'}  ${name}`);
    for (const test of failed) console.error(`          × ${test}`);
  } finally {
    execFileSync('git', ['checkout', '--', ...new Set(edits.map(([file]) => file))]);
  }
}
process.exit(survivors > 0 ? 1 : 0);
