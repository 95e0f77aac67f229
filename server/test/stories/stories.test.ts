// Account stories an account manager judges at a glance (fixtures/, written by make-stories.ts, each with
// its expectation in fixtures/expectations.json), scored end to end as `ripe score` does, in process.
// Each test asserts what the AM expects of the story that exposed a cause fixed in the engine.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Verdict } from '@ripe/shared';
import { readSnapshotFile } from '../../src/night/file-source.ts';
import { runNight } from '../../src/night/run-night.ts';
import { createProgress } from '../../src/cli/progress.ts';
import { taskFor } from '../../src/writeback/task-text.ts';

const fixtures = join(import.meta.dirname, 'fixtures');

async function score(story: string): Promise<Verdict> {
  const file = await readSnapshotFile(join(fixtures, `${story}.json`));
  const verdicts: Verdict[] = [];
  await runNight({
    source: file.source,
    asOf: file.asOf,
    config: file.config,
    progress: createProgress({ quiet: true }),
    sink: {
      async saveBatch(batch) {
        verdicts.push(...batch);
      },
    },
  });
  expect(verdicts).toHaveLength(1);
  return verdicts[0]!;
}

/** Every text the AM and the customer read. */
function texts(verdict: Verdict): string {
  const agent = verdict.agent;
  return [
    verdict.potential.basis,
    agent?.approach ?? '',
    ...(agent?.talkTrack ?? []),
    agent?.emailDraft?.body ?? '',
    agent?.nextStep ?? '',
  ].join('\n');
}

describe('"we don\'t plan to grow this year", "not interested in upgrading" (replies under "Re: Upgrade")', () => {
  it('reads no buying intent from the reply subjects, so the account is not ready and quotes no subject line', async () => {
    const verdict = await score('no-growth-this-year');
    expect(verdict.readiness).not.toBe('ready');
    const buying = verdict.signals.find((signal) => signal.code === 'buying_intent');
    // only our own offer (outbound) remains, never the customer's replies
    expect(buying?.evidenceIds.filter((id) => !id.includes('-a7:')) ?? []).toStrictEqual([]);
    expect(texts(verdict)).not.toMatch(/You told us: "Re:/);
  });
});

describe('a flat-priced Analytics module (6,000 USD a year) the finance team asks a price for, after our demo', () => {
  it('proposes a cross-sell of Analytics at its flat fee, reads our demo as ours, not a competitor', async () => {
    const verdict = await score('flat-module');
    expect(verdict.readiness).not.toBe('not_ready');
    expect(verdict.motion).toBe('cross_sell');
    expect(verdict.potential).toMatchObject({
      currency: 'USD',
      arr: 6000,
      evidenceIds: ['conv:module:analytics'],
    });
    expect(verdict.potential.basis).toContain('Analytics at a flat 6,000 USD a year');
    expect(verdict.signals.map((signal) => signal.code)).not.toContain('churn_threat');
    expect(verdict.signals.map((signal) => signal.code)).toContain('buying_intent');
  });
});

describe('French emails: « une équipe de 15 personnes à Lyon va rejoindre la plateforme », 37 of 40 seats used', () => {
  it('sizes the seats on the 15 people (12 beyond the 3 free seats) and quotes that sentence in the French draft', async () => {
    const verdict = await score('lyon-french');
    expect(verdict.readiness).toBe('ready');
    expect(verdict.motion).toBe('seat_upsell');
    expect(verdict.potential).toMatchObject({ arr: 12 * 360, evidenceIds: ['conv:need:people'] });
    const quoted =
      '« Nous ouvrons un bureau à Lyon en janvier : une équipe de 15 personnes va rejoindre la plateforme. »';
    // the email goes to Julien (the decision-maker); Camille wrote it
    expect(verdict.agent?.decisionMaker?.name).toBe('Julien Bernard');
    expect(verdict.agent?.talkTrack[1]).toBe(`Camille nous a dit : ${quoted}`);
    expect(verdict.agent?.emailDraft.body).toContain(`Camille nous a dit : ${quoted}`);
  });
});

describe('seats at 98 % for 4 months, the champion asks for 25 more seats for the Berlin office', () => {
  it('is ready, sized on the 25 seats, open now, and the email to the COO says who asked', async () => {
    const verdict = await score('berlin-25-seats');
    expect(verdict.readiness).toBe('ready');
    expect(verdict.motion).toBe('seat_upsell');
    expect(verdict.potential).toMatchObject({ arr: 25 * 360, evidenceIds: ['conv:need:seats'] });
    expect(verdict.window!.opensOn <= verdict.asOf && verdict.asOf <= verdict.window!.closesOn).toBe(true);
    expect(verdict.agent?.decisionMaker?.name).toBe('Markus Weber');
    expect(verdict.agent?.emailDraft.body).toContain(
      'Lena told us: "We are opening our Berlin office in January and need 25 more seats for the team there."',
    );
    expect(verdict.agent?.emailDraft.body).not.toContain('You told us');
  });
});

describe('"we might need 20 more seats next year, depending on the budget, not sure yet", seats at 88 %', () => {
  it('reads a possibility, not a plan: not ready, and the potential is not sized on the 20 seats', async () => {
    const verdict = await score('hedged-maybe-seats');
    expect(verdict.readiness).not.toBe('ready');
    expect(verdict.potential.evidenceIds ?? []).toStrictEqual([]);
    expect(verdict.potential.arr).toBeLessThan(20 * 360);
    const buying = verdict.evidence.find((item) => item.id.endsWith(':buying_intent'));
    expect(buying?.description).toContain('(hedged)');
  });
});

describe('restructuring, the support team reduced by 20 people, budgets frozen, seats falling', () => {
  it('is not ready, no motion, and the budget cut quotes both the restructuring and the frozen budgets', async () => {
    const verdict = await score('restructuring');
    expect(verdict.readiness).toBe('not_ready');
    expect(verdict.motion).toBeNull();
    const cut = verdict.signals.find((signal) => signal.code === 'budget_cut');
    expect(cut?.evidenceIds).toStrictEqual(
      expect.arrayContaining(['conv:st-restructuring-a9:budget_cut', 'conv:st-restructuring-a10:budget_cut']),
    );
  });
});

describe("the CSM's task of an account at its limit (seats 100 of 100, 49 of 50, consumption at 113 % of the commit)", () => {
  it.each(['at-limit-today', 'berlin-25-seats', 'usage-tiny-price'])(
    '%s: every signal line states its fact in words, never a bare ratio after it',
    async (story) => {
      const task = taskFor(await score(story), 'csm-1');
      expect(task).not.toBeNull();
      const lines = task!.body.split('\n').filter((line) => line.startsWith('- '));
      expect(lines.filter((line) => / — \d+(?:\.\d+)? \(\d{4}-\d\d-\d\d\)$/.test(line))).toStrictEqual([]);
      expect(task!.body).toMatch(
        /flat at [\d,]+ (?:of [\d,]+ licensed|against a commit of [\d,]+) \(\d+ %\)/,
      );
    },
  );
});

describe('"we don\'t plan to grow the team this year", "no need for more licences", "not interested in upgrading", seats at 84 %', () => {
  it('names the decline and proposes no motion: nurture, no potential, no task', async () => {
    const verdict = await score('no-growth-this-year');
    expect(verdict.readiness).toBe('nurture');
    expect(verdict.motion).toBeNull();
    expect(verdict.potential.arr).toBe(0);
    expect(verdict.contradictions.map((contradiction) => contradiction.code)).toContain('expansion_declined');
    expect(taskFor(verdict, 'csm-1')).toBeNull();
  });
});

describe('billed in GBP at 0.0015 GBP per event, 9.5M of a 10M monthly commit', () => {
  it('sizes a usage commit in GBP at its precise unit price and says why 1,000,000 events', async () => {
    const verdict = await score('gbp-tiny-unit-price');
    expect(verdict.motion).toBe('usage_commit');
    expect(verdict.potential.currency).toBe('GBP');
    expect(verdict.potential.arr).toBe(Math.round(1_000_000 * 12 * 0.0015 * 0.8));
    expect(verdict.potential.basis).toContain('× 0.0015 GBP ×');
    expect(verdict.potential.basis).toContain('a new commit is at least 10 % over the current one');
    expect(texts(verdict)).not.toContain('USD');
  });
});

describe('a licence cut from 80 to 50 seats 60 days ago, 49 of 50 used since', () => {
  it('is caution with the recent contraction named, no motion proposed', async () => {
    const verdict = await score('recent-licence-cut');
    expect(verdict.readiness).toBe('caution');
    expect(verdict.contradictions.map((contradiction) => contradiction.code)).toContain('recent_contraction');
  });
});
