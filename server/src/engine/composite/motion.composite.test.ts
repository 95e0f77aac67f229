import { describe, expect, it } from 'vitest';
import type { Contradiction, Motion, Signal } from '@ripe/shared';
import { chooseMotion } from './motion.composite.ts';
import { contradiction, signal } from './composite-fixtures.ts';

describe('chooseMotion', () => {
  it.each<[string, Signal[], Contradiction[], Motion | null]>([
    [
      'seats full and trending up',
      [signal('seat_utilisation_high'), signal('seats_trending_up')],
      [],
      'seat_upsell',
    ],
    [
      'consumption near commit',
      [signal('consumption_near_commit'), signal('buying_intent', 0.5)],
      [],
      'usage_commit',
    ],
    [
      'consumption trending up',
      [signal('consumption_trending_up', 0.9), signal('active_user_spike', 0.4)],
      [],
      'usage_commit',
    ],
    [
      'module exploration',
      [signal('module_feature_explored', 0.9), signal('sponsor_engaged')],
      [],
      'cross_sell',
    ],
    ['a new need', [signal('new_need', 0.9), signal('growth_event', 0.5)], [], 'cross_sell'],
    [
      'tier ceiling',
      [signal('tier_limit_reached', 0.9), signal('seats_trending_up', 0.5)],
      [],
      'tier_upgrade',
    ],
    ['premium adoption', [signal('premium_feature_adopted', 0.9)], [], 'tier_upgrade'],
    [
      'votes weighted by strength',
      [signal('seat_utilisation_high', 0.5), signal('new_need', 0.4), signal('module_feature_explored', 0.4)],
      [],
      'cross_sell',
    ],
    [
      'negative signals do not vote',
      [signal('dissatisfaction', 1), signal('new_need', 0.3)],
      [],
      'cross_sell',
    ],
    ['no motion-bearing signal', [signal('sponsor_engaged'), signal('high_expansion_probability')], [], null],
    [
      'declining usage signal: no upsell',
      [signal('seat_utilisation_high', 1), signal('usage_declining', 0.6)],
      [],
      null,
    ],
    [
      'declining usage contradiction: no upsell',
      [signal('tier_limit_reached', 1)],
      [contradiction('declining_usage')],
      null,
    ],
    [
      'the customer declined to grow now: no motion, whatever the usage',
      [
        signal('tier_limit_reached', 1),
        signal('consumption_near_commit', 1),
        signal('seat_utilisation_high', 1),
      ],
      [contradiction('expansion_declined', 'lower')],
      null,
    ],
    [
      'declining usage: no usage commit',
      [signal('consumption_near_commit', 1), signal('usage_declining', 0.6)],
      [],
      null,
    ],
    [
      'declining usage with a justified cross-sell',
      [signal('seat_utilisation_high', 1), signal('new_need', 0.6), signal('usage_declining', 0.6)],
      [],
      'cross_sell',
    ],
    [
      'declining usage with a faint cross-sell hint',
      [signal('seat_utilisation_high', 1), signal('new_need', 0.2), signal('usage_declining', 0.6)],
      [],
      null,
    ],
  ])('%s', (_, signals, contradictions, motion) => {
    expect(chooseMotion(signals, contradictions)).toBe(motion);
  });
});
