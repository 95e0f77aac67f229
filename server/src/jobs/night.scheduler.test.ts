import { describe, expect, it } from 'vitest';
import type { OrgNightOutcome } from '../night/org-night.ts';
import { nightKey } from './night-directory.ts';
import { dueNights, jobKey, type NightJob, type ScheduledOrg } from './night-planner.ts';
import { occurrenceOn } from './night-schedule.ts';
import { createNightScheduler } from './night.scheduler.ts';

const minute = 60_000;

const orgs: ScheduledOrg[] = [
  {
    orgId: 'paris',
    schedule: { kind: 'scheduled', schedule: { timeOfDay: '02:30', timeZone: 'Europe/Paris' } },
  },
  {
    orgId: 'new-york',
    schedule: { kind: 'scheduled', schedule: { timeOfDay: '01:30', timeZone: 'America/New_York' } },
  },
  {
    orgId: 'sydney',
    schedule: { kind: 'scheduled', schedule: { timeOfDay: '02:30', timeZone: 'Australia/Sydney' } },
  },
  {
    orgId: 'kolkata',
    schedule: { kind: 'scheduled', schedule: { timeOfDay: '00:00', timeZone: 'Asia/Kolkata' } },
  },
  { orgId: 'on-demand', schedule: { kind: 'none' } },
];

interface Ran {
  orgId: string;
  nightDate: string;
  at: Date;
}

/** A scheduler over an in-memory store: a night that ran is "started" and never due again. */
function harness(options: {
  start: string;
  concurrency?: number;
  gate?: () => Promise<void>;
  orgs?: ScheduledOrg[];
}) {
  let clock = new Date(options.start);
  const started = new Set<string>();
  const ran: Ran[] = [];
  let running = 0;
  let maxRunning = 0;
  const scheduler = createNightScheduler({
    now: () => clock,
    concurrency: options.concurrency ?? 4,
    tickMs: 60_000,
    plan: async (now) => ({ jobs: dueNights(options.orgs ?? orgs, started, now), invalidSchedules: [] }),
    run: async (job: NightJob): Promise<OrgNightOutcome> => {
      if (job.kind !== 'night') throw new Error('no resume expected');
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      ran.push({ orgId: job.orgId, nightDate: job.nightDate, at: clock });
      await options.gate?.();
      started.add(nightKey(job.orgId, job.nightDate));
      running -= 1;
      return { status: 'skipped', runId: null, reason: 'already_done' };
    },
  });
  return {
    scheduler,
    ran,
    maxRunning: () => maxRunning,
    advance(ms: number) {
      clock = new Date(clock.getTime() + ms);
    },
  };
}

describe('createNightScheduler', () => {
  it('runs every org once per local night, at its local time, across DST changes in four zones', async () => {
    // From Sydney's spring forward (4 Oct) past Paris's (25 Oct) and New York's (1 Nov) fall back.
    const h = harness({ start: '2026-10-02T00:00:00Z' });
    const firstTick = new Date('2026-10-02T00:00:00Z').getTime();
    const end = new Date('2026-11-03T00:00:00Z').getTime();
    // Every night of these zones falls on a half hour (UTC): a tick lands on each.
    const step = 30 * minute;
    for (let t = new Date('2026-10-02T00:00:00Z').getTime(); t < end; t += step) {
      await h.scheduler.tick();
      await h.scheduler.onIdle();
      h.advance(step);
    }
    for (const org of orgs) {
      const nights = h.ran.filter((ran) => ran.orgId === org.orgId);
      if (org.schedule.kind !== 'scheduled') {
        expect(nights).toStrictEqual([]);
        continue;
      }
      const schedule = org.schedule.schedule;
      // One run per night date, no gap, each at the first tick at or after the night's instant.
      const dates = nights.map((night) => night.nightDate);
      expect(new Set(dates).size).toBe(dates.length);
      expect(dates.length).toBeGreaterThanOrEqual(31);
      for (let i = 1; i < dates.length; i += 1) {
        const gapDays = (Date.parse(dates[i] ?? '') - Date.parse(dates[i - 1] ?? '')) / (24 * 60 * minute);
        expect(gapDays).toBe(1);
      }
      for (const night of nights) {
        const late = night.at.getTime() - occurrenceOn(schedule, night.nightDate).getTime();
        expect(late).toBeGreaterThanOrEqual(0);
        // The first tick catches up a night of the last six hours; every other runs on time.
        expect(late).toBeLessThan(night.at.getTime() === firstTick ? 6 * 60 * minute : step);
      }
    }
    const at = (orgId: string, nightDate: string) =>
      h.ran.find((ran) => ran.orgId === orgId && ran.nightDate === nightDate)?.at.toISOString();
    expect(at('paris', '2026-10-25')).toBe('2026-10-25T00:30:00.000Z');
    expect(at('paris', '2026-10-26')).toBe('2026-10-26T01:30:00.000Z');
    expect(at('new-york', '2026-11-01')).toBe('2026-11-01T05:30:00.000Z');
    expect(at('new-york', '2026-11-02')).toBe('2026-11-02T06:30:00.000Z');
    expect(at('sydney', '2026-10-04')).toBe('2026-10-03T16:00:00.000Z');
  });

  it('catches up a night missed by less than the catch-up window, not an older one', async () => {
    // Paris 02:30 = 00:30Z in June. Started at 05:00Z: 4 h 30 late, still run.
    const late = harness({ start: '2026-06-15T05:00:00Z' });
    await late.scheduler.tick();
    await late.scheduler.onIdle();
    expect(late.ran.filter((ran) => ran.orgId === 'paris').map((ran) => ran.nightDate)).toStrictEqual([
      '2026-06-15',
    ]);
    // Started at 07:00Z: 6 h 30 late, the night is skipped; tomorrow's runs on time.
    const tooLate = harness({ start: '2026-06-15T07:00:00Z' });
    await tooLate.scheduler.tick();
    await tooLate.scheduler.onIdle();
    expect(tooLate.ran.filter((ran) => ran.orgId === 'paris')).toStrictEqual([]);
  });

  it('bounds the nights running at once and never queues a night twice', async () => {
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    const midnight = Array.from({ length: 5 }, (_, index): ScheduledOrg => ({
      orgId: `utc-${index}`,
      schedule: { kind: 'scheduled', schedule: { timeOfDay: '00:00', timeZone: 'UTC' } },
    }));
    const h = harness({ start: '2026-06-15T00:05:00Z', concurrency: 2, gate: () => gate, orgs: midnight });
    const first = await h.scheduler.tick();
    const again = await h.scheduler.tick();
    expect(first.map(jobKey)).toStrictEqual(midnight.map((org) => `${org.orgId}|2026-06-15`));
    expect(again).toStrictEqual([]);
    expect(h.scheduler.pending()).toBe(first.length);
    open();
    await h.scheduler.onIdle();
    expect(h.maxRunning()).toBe(2);
    expect(h.ran).toHaveLength(first.length);
  });

  it('goes on with the other nights when one throws', async () => {
    const ran: string[] = [];
    const scheduler = createNightScheduler({
      now: () => new Date('2026-06-15T01:00:00Z'),
      concurrency: 1,
      tickMs: 60_000,
      plan: async () => ({
        jobs: [
          { kind: 'night', orgId: 'broken', nightDate: '2026-06-15' },
          { kind: 'night', orgId: 'fine', nightDate: '2026-06-15' },
        ],
        invalidSchedules: [],
      }),
      run: async (job) => {
        if (job.orgId === 'broken') throw new Error('org deleted meanwhile');
        ran.push(job.orgId);
        return { status: 'skipped', runId: null, reason: 'already_done' };
      },
    });
    await scheduler.tick();
    await scheduler.onIdle();
    expect(ran).toStrictEqual(['fine']);
  });
});
