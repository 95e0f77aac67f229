#!/usr/bin/env node
// The dependency check of `npm run lint`: one dependency-cruiser pass over shared/src and server/src that
// (1) applies the rules of .dependency-cruiser.mjs and (2) refuses any cycle between the top-level folders
// of server/src, which dependency-cruiser cannot express (its cycle rule sees modules, its folder scope
// sees every directory level). One pass keeps the lint step to a few seconds.
import { cruise } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import ruleSet, { knownViolations } from '../.dependency-cruiser.mjs';

const ROOTS = ['shared/src', 'server/src'];
// A folder is the first path segment under one of these.
const FOLDER_PARENTS = ['server/src/'];
// The shortest cycles are printed in full; the longer ones mostly repeat the same hops.
const MAX_CYCLES_SHOWN = 6;

// The options `depcruise` builds from the config file, so both report the same violations.
const tsConfig = extractTSConfig(ruleSet.options.tsConfig.fileName);
const { output } = await cruise(ROOTS, { ruleSet, validate: true, outputType: 'json' }, {}, { tsConfig });
const cruised = typeof output === 'string' ? JSON.parse(output) : output;

const ruleErrors = printRuleViolations(cruised.summary);
const { graph, staleKnownEdges } = folderGraph(cruised.modules);
const cycles = folderCycles(graph);
if (cycles.length > 0) printFolderCycles(graph, cycles);
else
  console.error(
    `✔ no cycle between the top-level folders of server/src (${knownViolations.length} known imports left out).`,
  );
for (const edge of staleKnownEdges)
  console.error(`⚠ known violation no longer found, delete it from .dependency-cruiser.mjs: ${edge}`);

process.exitCode = ruleErrors > 0 || cycles.length > 0 ? 1 : 0;

/** Each violation with the rule's reason; returns the count of errors. */
function printRuleViolations(summary) {
  const why = new Map(ruleSet.forbidden.map((rule) => [rule.name, rule.comment]));
  for (const violation of summary.violations) {
    const path = violation.cycle
      ? [violation.from, ...violation.cycle.map((step) => step.name)]
      : [violation.from, violation.to];
    console.error(`\n✘ ${violation.rule.name}: ${path.join(' → ')}`);
    console.error(`    ${why.get(violation.rule.name) ?? ''}`);
  }
  const { error, totalCruised, totalDependenciesCruised } = summary;
  const counted = `${totalCruised} modules, ${totalDependenciesCruised} imports`;
  if (summary.violations.length === 0) console.error(`✔ dependency rules hold (${counted}).`);
  else console.error(`\n✘ ${summary.violations.length} dependency rule violation(s) (${counted}).`);
  return error;
}

/** 'server/src/night/run-night.ts' → 'server/src/night'; null outside FOLDER_PARENTS. */
function folderOf(path) {
  const parent = FOLDER_PARENTS.find((prefix) => path.startsWith(prefix));
  if (parent === undefined) return null;
  const [first, ...rest] = path.slice(parent.length).split('/');
  return rest.length === 0 ? null : parent + first;
}

/**
 * Folder → folder → the module-level imports behind that edge, production code first. Test files count:
 * cycles have no exemptions. The known violations are left out, and returned when they match no import.
 */
function folderGraph(modules) {
  const known = new Set(knownViolations.map(({ from, to }) => `${from} → ${to}`));
  const seen = new Set();
  const graph = new Map();
  for (const module of modules) {
    const from = folderOf(module.source);
    if (from === null) continue;
    for (const dependency of module.dependencies) {
      const to = folderOf(dependency.resolved);
      if (to === null || to === from) continue;
      const edge = `${module.source} → ${dependency.resolved}`;
      if (known.has(edge)) seen.add(edge);
      if (known.has(edge) || graph.get(from)?.get(to)?.includes(edge)) continue;
      const targets = graph.get(from) ?? new Map();
      targets.set(to, [...(targets.get(to) ?? []), edge]);
      graph.set(from, targets);
    }
  }
  for (const targets of graph.values())
    for (const edges of targets.values()) edges.sort((a, b) => isTest(a) - isTest(b) || a.localeCompare(b));
  return { graph, staleKnownEdges: [...known].filter((edge) => !seen.has(edge)) };
}

function isTest(edge) {
  return /\.test\.ts\b|\/testing\//.test(edge) ? 1 : 0;
}

/**
 * One shortest cycle through every folder edge that lies on a cycle (so every edge that has to go is
 * shown once), deduplicated by rotation.
 */
function folderCycles(graph) {
  const cycles = new Map();
  for (const [from, targets] of graph) {
    for (const to of targets.keys()) {
      const back = shortestPath(graph, to, from);
      if (back === null) continue;
      const cycle = [from, ...back.slice(0, -1)];
      const start = cycle.indexOf([...cycle].sort()[0]);
      const canonical = [...cycle.slice(start), ...cycle.slice(0, start)];
      cycles.set(canonical.join(' → '), canonical);
    }
  }
  return [...cycles.values()].sort((a, b) => a.length - b.length || a.join().localeCompare(b.join()));
}

function shortestPath(graph, from, to) {
  const previous = new Map([[from, null]]);
  const queue = [from];
  while (queue.length > 0) {
    const folder = queue.shift();
    if (folder === to) {
      const path = [];
      for (let step = to; step !== null; step = previous.get(step)) path.unshift(step);
      return path;
    }
    for (const next of graph.get(folder)?.keys() ?? []) {
      if (previous.has(next)) continue;
      previous.set(next, folder);
      queue.push(next);
    }
  }
  return null;
}

function printFolderCycles(graph, cycles) {
  const name = (folder) => folder.slice(folder.lastIndexOf('/') + 1);
  const hops = (cycle) => cycle.map((from, index) => [from, cycle[(index + 1) % cycle.length]]);
  console.error(`\n✘ ${cycles.length} cycle(s) between the top-level folders of server/src.`);
  // One wrong import usually closes many cycles at once: name the hops most of them share.
  const shared = new Map();
  for (const cycle of cycles)
    for (const [from, to] of hops(cycle)) {
      const hop = `${name(from)} → ${name(to)}`;
      shared.set(hop, (shared.get(hop) ?? 0) + 1);
    }
  const common = [...shared].sort((a, b) => b[1] - a[1]).slice(0, 3);
  console.error(`  Most pass through: ${common.map(([hop, count]) => `${hop} (${count})`).join(', ')}.`);
  console.error('  Each hop shows one import behind it. Move the shared part down, or invert the dependency');
  console.error(
    '  (pass a function or a port in); an import of a test or testing/ file belongs with its tests.\n',
  );
  for (const cycle of cycles.slice(0, MAX_CYCLES_SHOWN)) {
    console.error(`  folder cycle: ${[...cycle, cycle[0]].map(name).join(' → ')}`);
    for (const [from, to] of hops(cycle)) {
      const [first, ...more] = graph.get(from).get(to);
      const hop = `${name(from)} → ${name(to)}`.padEnd(26);
      console.error(`    ${hop} ${first}${more.length > 0 ? ` (+${more.length} more)` : ''}`);
    }
    console.error('');
  }
  if (cycles.length > MAX_CYCLES_SHOWN)
    console.error(`  … and ${cycles.length - MAX_CYCLES_SHOWN} longer cycles; fix these first.\n`);
}
