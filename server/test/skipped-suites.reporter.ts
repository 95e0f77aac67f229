// Vitest reporter: after the run, lists the suites and tests that skipped themselves (a PostgreSQL server
// suite without DATABASE_URL, a browser test without Chromium), so a green run says what it did not cover.
// Suites left out by a name filter (`-t`) are not listed: only those declared skipped (`skipIf`, `skip`).
import type { Reporter, TestModule, TestCase, TestSuite } from 'vitest/node';

type Skippable = TestSuite | TestCase;

/** The skipped suites and tests of a module, topmost only (the tests of a skipped suite are not repeated). */
function skippedIn(module: TestModule): Skippable[] {
  const found: Skippable[] = [];
  const visit = (children: Iterable<Skippable>) => {
    for (const child of children) {
      if (child.options.mode === 'skip') found.push(child);
      else if (child.type === 'suite') visit(child.children);
    }
  };
  visit(module.children);
  return found;
}

export default class SkippedSuitesReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const lines = modules.flatMap((module) =>
      skippedIn(module).map((item) => `  ${module.relativeModuleId} › ${item.fullName}`),
    );
    if (lines.length === 0) {
      process.stdout.write('\nSkipped suites: none\n');
      return;
    }
    process.stdout.write(`\nSkipped suites and tests (${lines.length}):\n${lines.join('\n')}\n`);
    if (!process.env.DATABASE_URL) {
      process.stdout.write(
        '  (the PostgreSQL server suites run with DATABASE_URL=postgres://postgres@127.0.0.1:5432/test)\n',
      );
    }
  }
}
