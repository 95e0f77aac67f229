import { describe, expect, it } from 'vitest';
import { nameUuid, nightJobIdentity, nightJobSchema } from './night-job.ts';
import type { NightJob } from './night-planner.ts';

describe('nightJobIdentity', () => {
  it('gives one job id per org and night, whoever plans it', () => {
    const a = nightJobIdentity({ kind: 'night', orgId: 'org-1', nightDate: '2026-06-15' });
    const b = nightJobIdentity({ kind: 'night', orgId: 'org-1', nightDate: '2026-06-15' });
    const nextNight = nightJobIdentity({ kind: 'night', orgId: 'org-1', nightDate: '2026-06-16' });
    const otherOrg = nightJobIdentity({ kind: 'night', orgId: 'org-2', nightDate: '2026-06-15' });
    expect(a).toStrictEqual(b);
    expect(a.singletonKey).toBe('night:org-1:2026-06-15');
    expect(new Set([a.id, nextNight.id, otherOrg.id]).size).toBe(3);
  });

  it('resumes each stall of a run once', () => {
    const job: NightJob = { kind: 'resume', orgId: 'org-1', runId: '3f0c9d4e-1a2b-4c3d-8e9f-001122334455' };
    const stall = new Date('2026-06-15T01:00:00Z');
    const later = new Date('2026-06-15T02:00:00Z');
    expect(nightJobIdentity({ ...job, staleSince: stall })).toStrictEqual(
      nightJobIdentity({ ...job, staleSince: new Date(stall) }),
    );
    expect(nightJobIdentity({ ...job, staleSince: stall }).id).not.toBe(
      nightJobIdentity({ ...job, staleSince: later }).id,
    );
  });

  it('makes RFC 4122 version-5 UUIDs that job payloads accept', () => {
    const id = nameUuid('night:org-1:2026-06-15');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(nightJobSchema.safeParse({ kind: 'resume', orgId: 'o', runId: id }).success).toBe(true);
    expect(nightJobSchema.safeParse({ kind: 'night', orgId: 'o', nightDate: '2026-02-30' }).success).toBe(
      false,
    );
  });
});
