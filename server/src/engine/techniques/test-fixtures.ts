// Test helpers shared by the engine's specs. The snapshot builders live in `@ripe/shared/testing` (the
// model's specs use them too); they are re-exported here so the engine's specs have one import.
import {
  orgConfigSchema,
  type OrgConfigInput,
  type PriceBook,
  techniqueResultSchema,
  type TechniqueResult,
} from '@ripe/shared';
import { TEST_NOW, testPriceBook } from '@ripe/shared/testing';
import type { EngineContext } from '../engine-context.ts';
import { signalCatalogue, type SignalCatalogueEntry } from '@ripe/shared';

export {
  buildSnapshot,
  constant,
  dailySeries,
  instantDaysAgo,
  ramp,
  seriesEndingOn,
  TEST_NOW,
  testPriceBook,
  type SnapshotOverrides,
} from '@ripe/shared/testing';

/** The context of a run on `now` with the default org config, optionally overridden. */
export function testContext(
  now: string = TEST_NOW,
  configOverrides: OrgConfigInput = {},
  priceBook: PriceBook = testPriceBook,
): EngineContext {
  return { now, config: orgConfigSchema.parse(configOverrides), priceBook };
}

/**
 * What is wrong with a technique result, as sentences: schema violations, evidence ids cited but missing,
 * duplicate evidence ids, positive signals without their catalogue motion, codes outside the catalogue. `[]` when the result is consistent.
 */
export function resultProblems(
  result: TechniqueResult,
  externalEvidenceIds: readonly string[] = [],
): string[] {
  const problems: string[] = [];
  const parsed = techniqueResultSchema.safeParse(result);
  if (!parsed.success)
    problems.push(...parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  const ids = new Set<string>();
  for (const evidence of result.evidence) {
    if (ids.has(evidence.id)) problems.push(`duplicate evidence id ${evidence.id}`);
    ids.add(evidence.id);
  }
  const known = new Set([...ids, ...externalEvidenceIds]);
  for (const signal of result.signals) {
    if (signal.evidenceIds.length === 0) problems.push(`signal ${signal.code} cites no evidence`);
    for (const id of signal.evidenceIds)
      if (!known.has(id)) problems.push(`signal ${signal.code} cites unknown ${id}`);
    // A result that skipped the schema may still carry an unknown code.
    const entry: SignalCatalogueEntry | undefined = signalCatalogue[signal.code];
    if (!entry) problems.push(`signal ${signal.code} is not in the catalogue`);
    else if (entry.motion && !signal.motion) problems.push(`positive signal ${signal.code} has no motion`);
  }
  for (const contradiction of result.contradictions) {
    if (contradiction.evidenceIds.length === 0)
      problems.push(`contradiction ${contradiction.code} cites no evidence`);
    for (const id of contradiction.evidenceIds) {
      if (!known.has(id)) problems.push(`contradiction ${contradiction.code} cites unknown ${id}`);
    }
  }
  return problems;
}

/** Codes of the signals of a result, sorted. */
export function signalCodes(result: TechniqueResult): string[] {
  return result.signals.map((signal) => signal.code).sort();
}
