import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { NightJob } from './night-planner.ts';

/** The pg-boss queue of nights: one job per org and night (or per run to resume); ids only. */
export const nightQueue = 'ripe-night';

export const nightJobSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('night'), orgId: z.string().min(1), nightDate: z.iso.date() }),
  z.object({ kind: z.literal('resume'), orgId: z.string().min(1), runId: z.uuid() }),
]);

// A fixed namespace: the same (org, night) gives the same job id on every machine.
const namespace = Buffer.from('6f1d5a52b7e84c1c9a0e2b8d4c3f7a10', 'hex');

/** A name-based UUID (version 5): the same name always gives the same id. */
export function nameUuid(name: string): string {
  const hash = createHash('sha1').update(namespace).update(name).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The job's singleton key and id. A night's key is its org and date: every planner on every machine
 * derives the same job id from it, and pg-boss inserts a job whose id exists as nothing. A resume is
 * keyed by the run and the moment its lease ran out, so each stall of a run is resumed once.
 */
export function nightJobIdentity(job: NightJob): { singletonKey: string; id: string } {
  const singletonKey =
    job.kind === 'night'
      ? `night:${job.orgId}:${job.nightDate}`
      : `resume:${job.runId}:${job.staleSince?.toISOString() ?? ''}`;
  return { singletonKey, id: nameUuid(singletonKey) };
}
