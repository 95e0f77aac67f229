/**
 * The fewest read calls that could have read what a connector read: for each object, one call per full page
 * (2,000 records) of all the records it read of it over the night, at least one; plus the calls that are one call
 * whatever they read (the limits, a composite describe). A connector's reads above it come from splitting
 * reads (pages of accounts, ids per IN list) or from pages the org returned short.
 */
export function createReadFloor(pageSize: number) {
  const rows = new Map<string, number>();
  let singles = 0;
  return {
    rows(object: string, count: number): void {
      rows.set(object, (rows.get(object) ?? 0) + count);
    },
    single(): void {
      singles += 1;
    },
    reads: () =>
      singles + [...rows.values()].reduce((sum, count) => sum + Math.max(1, Math.ceil(count / pageSize)), 0),
  };
}
