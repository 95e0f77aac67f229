// The dependency rules of Ripe's layout (STYLE.md: pure core, I/O at the edge). `npm run lint` runs them
// through scripts/check-dependencies.mjs, which also refuses cycles between the top-level folders of
// server/src (dependency-cruiser's own cycle rule sees modules, not folders).
// Run by hand: npx depcruise shared/src server/src

// The pure core: the verdict logic, the learner and the shared schemas. No network, no database, no clock.
const PURE_CORE = '^(server/src/(engine|model)|shared/src)/';

// Tests and test support may reach for the file system (fixtures, temp dirs); they are held to the cycle
// rules but not to the layering rules.
const TEST_SUPPORT = '(\\.test\\.ts$|/testing/|/__tests__/)';

// Node built-ins that do no I/O and read no ambient state. Every other built-in (fs, net, http, https,
// child_process, worker_threads, dgram, tls, dns, os, process, timers, crypto's randomness, even path and
// url, whose resolve and pathToFileURL read the working directory) stays out of the pure core.
const PURE_BUILTINS = ['assert', 'assert/strict', 'buffer', 'querystring', 'string_decoder', 'util'];

// npm packages the pure core may use: schemas and in-memory parsing. Everything else — pg,
// @electric-sql/pglite, pg-boss, express, pino, undici, jsforce, @hubspot/api-client, luxon (reads the
// clock) — is I/O or ambient state and belongs at the edge. Add a package here only if it is pure.
// The nlp.js Snowball stemmers are pure functions over a word (the intent reader imports only them).
const PURE_PACKAGES = ['zod', 'csv-parse', '@nlpjs/lang-en-min', '@nlpjs/lang-fr'];

// server/src folders the pure core may import. Everything else under server/src does I/O or orchestrates
// it (store, night, jobs, http, connectors, writeback, cli, secrets, usage, settings, access, audit,
// data-rights, app, runtime, demo, report, logging, …).
const PURE_SERVER_FOLDERS = ['engine', 'model'];

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Modules that import each other at run time cannot be loaded, tested or moved one at a time, and ' +
        'ESM import cycles can observe half-initialised bindings. Break the cycle by moving the shared part ' +
        'down. A cycle through an `import type` is erased by the compiler and often just mutually recursive ' +
        'types (a route names the registry that lists routes), so it is left to the folder check, which ' +
        'counts type imports: scripts/check-dependencies.mjs.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment:
        'An import the resolver cannot follow is invisible to every other rule here, so a resolver ' +
        'misconfiguration would let violations pass silently. Fix the specifier (or the config).',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'pure-core-no-io-builtins',
      severity: 'error',
      comment:
        'engine/, model/ and shared/ are pure functions over the snapshot (STYLE.md). A Node built-in that ' +
        'does I/O or reads ambient state (fs, net, http, child_process, os, timers, …) belongs at the edge: ' +
        'read or write there and pass the data in.',
      from: { path: PURE_CORE, pathNot: TEST_SUPPORT },
      to: {
        dependencyTypes: ['core'],
        pathNot: `^(node:)?(${PURE_BUILTINS.join('|')})$`,
      },
    },
    {
      name: 'pure-core-no-io-packages',
      severity: 'error',
      comment:
        'The pure core may use only packages without I/O or ambient state (PURE_PACKAGES in this file). ' +
        'Database, queue, HTTP, logging and CRM client packages belong at the edge.',
      from: { path: PURE_CORE, pathNot: TEST_SUPPORT },
      to: {
        path: '(^|/)node_modules/',
        pathNot: `(^|/)node_modules/(${PURE_PACKAGES.join('|')})/`,
      },
    },
    {
      name: 'pure-core-no-io-folders',
      severity: 'error',
      comment:
        'engine/ and model/ may import only each other and @ripe/shared; every other server/src folder does ' +
        'I/O or orchestrates it, and depending on one drags the database or the network into the verdict.',
      from: { path: '^server/src/(engine|model)/', pathNot: TEST_SUPPORT },
      to: {
        path: '^server/src/',
        pathNot: `^server/src/(${PURE_SERVER_FOLDERS.join('|')})/`,
      },
    },
    {
      name: 'shared-not-to-server',
      severity: 'error',
      comment:
        '@ripe/shared is the bottom layer: the snapshot, verdict and catalogue schemas the server builds on. ' +
        'An import back into server/ would make the two packages one tangle (and shared/ no longer pure).',
      from: { path: '^shared/' },
      to: { path: '^server/' },
    },
    {
      name: 'only-cli-imports-app',
      severity: 'error',
      comment:
        'server/src/app/ is the composition root: it wires every folder together. A folder importing it ' +
        'imports everything, and the layering is gone. Only the CLI (the entry point) starts the app.',
      from: { pathNot: ['^server/src/(app|cli)/', TEST_SUPPORT] },
      to: { path: '^server/src/app/' },
    },
    {
      name: 'nothing-imports-cli',
      severity: 'error',
      comment:
        'server/src/cli/ is the outermost layer (argument parsing, console output, process exit). Code ' +
        'other commands or the server need lives in the folder it is about, not in the CLI.',
      from: { pathNot: ['^server/src/cli/', TEST_SUPPORT] },
      to: { path: '^server/src/cli/' },
    },
  ],
  options: {
    // Type-only imports couple folders as much as value imports do, so they count.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    enhancedResolveOptions: {
      // @ripe/shared resolves through its package.json "exports" to shared/src/index.ts.
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.mjs', '.js', '.cjs', '.json', '.d.ts'],
    },
    skipAnalysisNotInRules: true,
  },
};

// Known violations, to be fixed next (none today): imports left out of the folder graph by
// scripts/check-dependencies.mjs. Any other import that closes a cycle fails, and an entry that no longer
// matches an import is reported (delete it).
export const knownViolations = [];
