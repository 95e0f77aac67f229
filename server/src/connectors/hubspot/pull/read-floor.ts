// The fewest read calls that could have read what a HubSpot connector read over a night: for each kind of read
// and object, one call per full page or batch of the distinct records it needed (search pages of 200, batch reads
// of 100, association reads of 1,000 companies), plus the calls that are one call whatever they read (the
// preflight's property lists, the count). Records read twice count once: a second read is above the floor.
export interface HubSpotReadFloor {
  /** Records `ids` needed by a read whose calls take `perCall` each; `atLeastOne`: the call is needed even empty. */
  needed(key: string, ids: Iterable<string>, perCall: number, atLeastOne?: boolean): void;
  /** A call that is one call whatever it reads. */
  single(): void;
  reads(): number;
}

export function createReadFloor(): HubSpotReadFloor {
  const reads = new Map<string, { ids: Set<string>; perCall: number; atLeastOne: boolean }>();
  let singles = 0;
  return {
    needed(key, ids, perCall, atLeastOne = false) {
      let entry = reads.get(key);
      if (!entry) {
        entry = { ids: new Set(), perCall, atLeastOne };
        reads.set(key, entry);
      }
      entry.atLeastOne ||= atLeastOne;
      for (const id of ids) entry.ids.add(id);
    },
    single() {
      singles += 1;
    },
    reads: () =>
      singles +
      [...reads.values()].reduce(
        (sum, { ids, perCall, atLeastOne }) =>
          sum + Math.max(atLeastOne ? 1 : 0, Math.ceil(ids.size / perCall)),
        0,
      ),
  };
}
