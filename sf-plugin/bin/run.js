#!/usr/bin/env node
// The plugin on its own, as `sf` would run it: `./sf-plugin/bin/run.js ripe status`. Node ≥ 22.18 runs the
// TypeScript commands by stripping their types; `sf plugins link ./sf-plugin` loads the same commands.
async function main() {
  const { execute } = await import('@oclif/core');
  await execute({ dir: import.meta.url });
}

await main();
