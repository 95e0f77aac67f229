import { RipeError } from '@ripe/shared';
import { runCrmDemo, type DemoCrm, type DemoNight, type HubSpotDemoUsage } from '../../demo/crm-demo.ts';
import { createProgress } from '../progress.ts';
import { renderTable } from '../format.ts';

export interface CrmDemoCliOptions {
  crm: string;
  accounts: number;
  seed: number;
  nights: number;
  changeRate: number;
  asOf: string;
  hubspotUsage?: string;
  json?: boolean;
}

const crms: readonly DemoCrm[] = ['sandbox', 'salesforce', 'hubspot'];

export function parseCrm(raw: string): DemoCrm {
  const crm = crms.find((known) => known === raw);
  if (!crm) throw new RipeError('invalid_argument', `--crm must be one of ${crms.join(', ')}, got "${raw}"`);
  return crm;
}

const usageSources: readonly HubSpotDemoUsage[] = ['properties', 'custom-object'];

export function parseHubSpotUsage(raw: string): HubSpotDemoUsage {
  const usage = usageSources.find((known) => known === raw);
  if (!usage) {
    throw new RipeError(
      'invalid_argument',
      `--hubspot-usage must be one of ${usageSources.join(', ')}, got "${raw}"`,
    );
  }
  return usage;
}

export function parseShare(name: string) {
  return (raw: string): number => {
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) {
      throw new RipeError('invalid_argument', `--${name} must be a number between 0 and 1, got "${raw}"`);
    }
    return value;
  };
}

/** `ripe demo --crm …`: K nights against the CRM, API calls beside the floor, what each night wrote. */
export async function crmDemoCommand(options: CrmDemoCliOptions): Promise<void> {
  const { install, nights } = await runCrmDemo({
    crm: parseCrm(options.crm),
    hubspotUsage: parseHubSpotUsage(options.hubspotUsage ?? 'properties'),
    accounts: options.accounts,
    nights: options.nights,
    changeRate: options.changeRate,
    seed: options.seed,
    asOf: options.asOf,
    progress: () => createProgress({ quiet: options.json }),
  });
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({ ...(install ? { install } : {}), nights: nights.map(({ durationMs: _, ...night }) => night) }, null, 2)}\n`,
    );
    return;
  }
  console.log(`\n${options.nights} nights of ${options.accounts} accounts against the ${options.crm} CRM:\n`);
  console.log(
    renderTable(
      [
        'night',
        'changed',
        'pulled',
        'API calls (floor)',
        'fields',
        'tasks +/~/×',
        'history',
        'opps',
        'errors',
      ],
      nights.map(row),
    ),
  );
  // What the CRM itself shows (an emulator's portal): the install, then each night.
  if (install) console.log(`\ninstall: ${counts(install)}`);
  for (const night of nights) if (night.crm) console.log(`after night ${night.night}: ${counts(night.crm)}`);
}

const counts = (view: Record<string, number>) =>
  Object.entries(view)
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');

function row(night: DemoNight): string[] {
  const { written } = night;
  return [
    String(night.night),
    String(night.changedAccounts),
    String(night.pulledAccounts),
    `${night.apiCalls.reads}r + ${night.apiCalls.writes}w (${night.floorCalls.reads}r + ${night.floorCalls.writes}w)`,
    String(written.fields),
    `${written.tasksCreated}/${written.tasksUpdated}/${written.tasksClosed}`,
    String(written.history),
    String(written.opportunities),
    String(night.errors.length),
  ];
}
