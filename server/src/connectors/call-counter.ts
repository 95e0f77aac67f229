import type { ApiCallCount } from './crm-connector.ts';

/** Counts a connector's API calls by direction and by kind (`query`, `collection`, `token` …). */
export function createCallCounter() {
  const count: ApiCallCount = { reads: 0, writes: 0, byKind: {} };
  return {
    count(direction: 'read' | 'write', kind: string, calls = 1): void {
      if (direction === 'read') count.reads += calls;
      else count.writes += calls;
      count.byKind[kind] = (count.byKind[kind] ?? 0) + calls;
    },
    calls: (): ApiCallCount => ({ ...count, byKind: { ...count.byKind } }),
  };
}
