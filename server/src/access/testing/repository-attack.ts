import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Database } from '../../store/database.ts';
import { withOrg, type OrgTransaction } from '../../store/org-scope.ts';
import { leakedFingerprints } from './org-snapshot.ts';
import { repositoryCases, type ModuleExports, type RepositoryCase } from './repository-cases.ts';
import type { SeededOrg } from './seed-orgs.ts';

const sourceRoot = join(import.meta.dirname, '..', '..');
const repositoryFile = /\.(repository|reader)\.ts$/;

export interface Finding {
  case: string;
  mode: 'control' | 'honest' | 'forged';
  problem: string;
}

/** Every `*.repository.ts` and `*.reader.ts` under server/src, imported, by path from server/src. */
export async function discoverRepositoryModules(): Promise<Map<string, ModuleExports>> {
  const files = (await readdir(sourceRoot, { recursive: true }))
    .filter((file) => repositoryFile.test(file))
    .map((file) => relative(sourceRoot, join(sourceRoot, file)).split('\\').join('/'))
    .sort();
  const modules = new Map<string, ModuleExports>();
  for (const file of files) {
    modules.set(file, (await import(pathToFileURL(join(sourceRoot, file)).href)) as ModuleExports);
  }
  return modules;
}

/** `<file>#<export>` of every exported function. */
export function repositoryFunctions(modules: Map<string, ModuleExports>): string[] {
  return [...modules].flatMap(([file, exports]) =>
    Object.entries(exports)
      .filter(([, value]) => typeof value === 'function')
      .map(([name]) => `${file}#${name}`),
  );
}

class Rollback {
  constructor(readonly value: unknown) {}
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Runs `fn` as the org and undoes it, so a control call leaves the target as it was. */
async function rolledBack(
  db: Database,
  orgId: string,
  fn: (tx: OrgTransaction) => Promise<unknown>,
): Promise<Outcome> {
  try {
    await withOrg(db, orgId, async (tx) => {
      throw new Rollback(await fn(tx));
    });
    return { ok: false, error: new Error('unreachable') };
  } catch (error) {
    return error instanceof Rollback ? { ok: true, value: error.value } : { ok: false, error };
  }
}

/** Runs `fn` in a committed transaction of the attacker; a refusal (any error) is an acceptable outcome. */
async function committed(
  db: Database,
  orgId: string,
  fn: (tx: OrgTransaction) => Promise<unknown>,
): Promise<Outcome> {
  try {
    return { ok: true, value: await withOrg(db, orgId, fn) };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * Calls every covered repository function three ways and reports what went wrong:
 * - control: as the target (rolled back) — reads must return the target's data, writes must work;
 * - honest: as the attacker, with the target's ids — nothing of the target may come back;
 * - forged: inside the attacker's transaction (row-level security set to the attacker) but with the
 *   repository told it acts for the target — a repository bug or SQL naming the target's org; only
 *   row-level security stands in the way, and nothing may come back.
 * Whether the target's rows changed is the caller's check (snapshots before and after).
 */
export async function attackRepositories(
  db: Database,
  modules: Map<string, ModuleExports>,
  attacker: SeededOrg,
  target: SeededOrg,
  fingerprints: readonly string[],
): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const [key, entry] of Object.entries(repositoryCases)) {
    if (entry.kind === 'not-org-scoped') continue;
    const module = modules.get(key.slice(0, key.indexOf('#')));
    if (!module) continue; // a module not (yet) in this tree
    const call = (tx: OrgTransaction) => entry.call(module, tx, target);
    // The target's account id may be echoed by an attack that names it, so only controls look for it.
    const own = [...fingerprints, target.accountId];
    findings.push(...checkControl(key, entry, await rolledBack(db, target.orgId, call), own));
    const honest = await committed(db, attacker.orgId, call);
    const forged = await committed(db, attacker.orgId, (tx) =>
      call({ orgId: target.orgId, query: tx.query }),
    );
    for (const [mode, outcome] of [
      ['honest', honest],
      ['forged', forged],
    ] as const) {
      const leaked = outcome.ok ? leakedFingerprints(outcome.value, fingerprints) : [];
      if (leaked.length > 0)
        findings.push({ case: key, mode, problem: `returned the target's ${leaked.join(', ')}` });
    }
  }
  return findings;
}

function checkControl(
  key: string,
  entry: RepositoryCase,
  outcome: Outcome,
  fingerprints: readonly string[],
): Finding[] {
  if (entry.kind === 'write' && entry.control === 'conflicts') {
    return outcome.ok
      ? [{ case: key, mode: 'control', problem: "did not meet the target's existing row" }]
      : [];
  }
  if (!outcome.ok) {
    const message = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
    return [{ case: key, mode: 'control', problem: `failed for the target itself: ${message}` }];
  }
  if (
    entry.kind === 'read' &&
    entry.control !== 'succeeds' &&
    leakedFingerprints(outcome.value, fingerprints).length === 0
  ) {
    return [{ case: key, mode: 'control', problem: "returned none of the target's own data" }];
  }
  return [];
}
