// The bench's clocks. CPU time of this process (all its threads, GC included) is what the work costs
// whatever else the shared machine runs; wall time is kept beside it to show the machine's load.
import { writeFileSync } from 'node:fs';

/** CPU time this process has used so far, in milliseconds. */
export function cpuNowMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** The highest resident set size of this process so far, in MiB (`maxRSS` is in KiB). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Runs `work` once untimed (JIT warm-up), then `rounds` times; the best round's CPU ms. */
export function bestCpuMs(rounds: number, work: () => void): number {
  work();
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < rounds; round += 1) {
    const before = cpuNowMs();
    work();
    best = Math.min(best, cpuNowMs() - before);
  }
  return best;
}

/**
 * Peak RSS phase by phase: `close()` answers the peak since the previous `close()` (Linux resets the high water
 * mark through `/proc/self/clear_refs`); `overall` keeps the highest. Elsewhere each phase gets the process's
 * peak so far.
 */
export function phasePeaks(): { close(): number; readonly overall: number } {
  let overall = peakRssMb();
  return {
    close() {
      const peak = peakRssMb();
      overall = Math.max(overall, peak);
      try {
        writeFileSync('/proc/self/clear_refs', '5');
      } catch {
        // not Linux, or not allowed: phases report the peak so far
      }
      return peak;
    },
    get overall() {
      return overall;
    },
  };
}
