// Vitest global setup: say once, up front, whether the PostgreSQL server suites run.
export default function databaseNotice(): void {
  const message = process.env.DATABASE_URL
    ? 'PostgreSQL server suites: running against DATABASE_URL\n'
    : 'PostgreSQL server suites: skipped (DATABASE_URL not set; e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm test)\n';
  process.stderr.write(message);
}
