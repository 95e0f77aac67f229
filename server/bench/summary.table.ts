// The bench's printed summary: the engine's stages, then each night's stages, memory and API calls.
import { renderTable } from '../src/cli/format.ts';
import type { EngineStages } from './engine-stages.measure.ts';
import type { NightMeasure } from './night.measure.ts';

const count = (n: number) => n.toLocaleString('en-US');
const fixed = (n: number, digits: number) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const seconds = (ms: number) => `${fixed(ms / 1000, 1)} s`;

export function engineTable(engine: EngineStages): string {
  const { generate, validate, score, agent } = engine.microsPerAccount;
  const product = validate + score + agent;
  const rows = [
    ['generate', fixed(generate, 0), 'the sandbox generator (the CRM here), no part of the product'],
    ['validate', fixed(validate, 0), 'parseAccounts'],
    ['score', fixed(score, 0), 'scoreAccount: six techniques, composite, sizing, window'],
    [
      'agent',
      fixed(agent, 0),
      `deterministic agent: ${fixed(engine.agentPerShortlisted, 0)} µs per shortlisted account ` +
        `(${count(engine.shortlisted)} of ${count(engine.accounts)})`,
    ],
    [
      'engine',
      fixed(product, 0),
      `validate + score + agent = ${count(Math.round(1e6 / product))} accounts/s`,
    ],
  ];
  return [
    `Engine on one core: ${count(engine.accounts)} pre-generated sandbox accounts, ${engine.usageDays} days of ` +
      `daily usage per series; CPU time, best of ${engine.rounds} rounds after a warm-up`,
    renderTable(['stage', 'µs/account', ''], rows),
  ].join('\n');
}

function stageRow(measure: NightMeasure): string[] {
  const [first] = measure.nights;
  if (!first) return [];
  const per = (ms: number | undefined) => fixed((ms ?? 0) / Math.max(1, first.pulled), 2);
  const { pull, score, agent, save, writeBack } = first.cpuMs;
  const stages = [pull, score, agent, save, writeBack].reduce<number>((sum, ms) => sum + (ms ?? 0), 0);
  return [
    count(measure.accounts),
    per(pull),
    per(score),
    per(agent),
    per(save),
    per(writeBack),
    per(stages),
    seconds((first.cpuMs.load ?? 0) + (first.cpuMs.model ?? 0)),
  ];
}

function calls(c: { reads: number; writes: number; total: number }): string {
  return `${count(c.reads)}r + ${count(c.writes)}w = ${count(c.total)}`;
}

function totalsRow(measure: NightMeasure): string[] {
  const [first, second] = measure.nights;
  if (!first || !second) return [];
  const over = first.apiCalls.total - first.floorCalls.total;
  return [
    count(measure.accounts),
    seconds(first.totalCpuMs),
    seconds(first.wallMs),
    `${count(measure.peakRssMb)} MiB`,
    [first.peakRssMb.model, first.peakRssMb.batches, first.peakRssMb.writeBack].map(count).join(' / '),
    `${calls(first.apiCalls)} (floor ${count(first.floorCalls.total)}${over > 0 ? `, +${over}` : ''})`,
    `${calls(second.apiCalls)} (floor ${count(second.floorCalls.total)})`,
    count(Object.values(second.written).reduce((sum, n) => sum + n, 0)),
  ];
}

export function nightTables(measures: NightMeasure[]): string {
  if (measures.length === 0) return '';
  const [sample] = measures;
  return [
    'Nights through runOrgNight (sandbox connector, PGlite in a data folder, each size in a child process with ' +
      `a ${sample?.heapMb} MiB V8 heap): CPU ms per account of each stage of night 1, from the night report`,
    renderTable(
      [
        'accounts',
        'pull (generate)',
        'validate+score',
        'agent',
        'store',
        'write-back',
        'all stages',
        'load+model',
      ],
      measures.map(stageRow),
    ),
    '',
    'Night 1 pulls, scores, stores and writes every account; night 2 finds nothing changed in the CRM',
    renderTable(
      [
        'accounts',
        'night 1 CPU',
        'night 1 wall',
        'peak RSS',
        'model / batches / write-back',
        'night 1 API calls',
        'night 2 API calls',
        'night 2 writes',
      ],
      measures.map(totalsRow),
    ),
  ].join('\n');
}
