/**
 * The fake CRM's clock: instants from `source`, strictly increasing (a source that stands still or goes
 * back is moved 1 ms past the last instant), so every edit gets a later `modifiedAt` than the one before.
 */
export function monotonicClock(source: () => Date): () => string {
  let last = Number.NEGATIVE_INFINITY;
  return () => {
    const instant = Math.max(source().getTime(), last + 1);
    last = instant;
    return new Date(instant).toISOString();
  };
}
