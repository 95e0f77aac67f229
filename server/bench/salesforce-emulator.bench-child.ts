// The Salesforce emulator in a process of its own for the bench, so the night's peak RSS is Ripe's alone:
// prints `{url, clientId, clientSecret}` once it listens and stops when its stdin closes.
import { parseArgs } from 'node:util';
import { orgClockAfter } from '../src/connectors/salesforce/emulator/emulator-state.ts';
import { startSalesforceEmulator } from '../src/connectors/salesforce/emulator/salesforce-emulator.ts';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string' },
    'usage-days': { type: 'string' },
    'as-of': { type: 'string' },
    seed: { type: 'string', default: '42' },
  },
});
const asOf = values['as-of'] ?? '2026-06-01';
const emulator = await startSalesforceEmulator({
  port: 0,
  accounts: Number(values.accounts),
  seed: Number(values.seed),
  endDate: asOf,
  clock: orgClockAfter(asOf),
  usageDays: Number(values['usage-days'] ?? 450),
});
const records = Object.values(emulator.state.tables).reduce((sum, table) => sum + table.size, 0);
process.stdout.write(
  `${JSON.stringify({ url: emulator.url, clientId: emulator.oauth.clientId, clientSecret: emulator.oauth.clientSecret, records })}\n`,
);
process.stdin.resume();
process.stdin.on('end', () => void emulator.close().then(() => process.exit(0)));
