import type { Activity, Evidence, Signal, TechniqueResult } from '@ripe/shared';
import { dayNumber, instantDayNumber, isoDay } from '@ripe/shared';
import { findConversationCues } from '../../text/conversation-cues.ts';
import { conversationCodes, type ConversationCode } from '../../text/lexicon.ts';
import type { Technique } from '../technique.ts';
import { makeSignal, round3, scoreFromSignals } from '../signal.ts';

/** Customer-written text says most; our notes and calls count too; our own emails least. */
const directionWeight: Record<Activity['direction'], number> = { inbound: 1, internal: 0.7, outbound: 0.3 };
/** Quotes kept per code, the weightiest first. */
const MAX_QUOTES = 3;
/** Below this, a signal is noise (one outbound mention months ago). */
const MIN_STRENGTH = 0.05;

const descriptions: Record<ConversationCode, string> = {
  buying_intent: 'Buying intent',
  plan_limit_question: 'Question about plan or limits',
  new_need: 'New team, use case or project',
  growth_event: 'Growth event',
  dissatisfaction: 'Dissatisfaction',
  budget_cut: 'Budget cut',
  churn_threat: 'Churn threat',
  champion_leaving_mentioned: 'Champion leaving',
};

interface Mention {
  weight: number;
  evidence: Evidence;
}

/**
 * Buying intent, new needs and negative context in the emails, notes, meetings and calls of the lookback
 * window, English and French, negation-aware, each mention weighted by recency (half-life) and by who
 * wrote it. Every signal quotes its sentences.
 */
export const conversationTechnique: Technique = (snapshot, ctx): TechniqueResult => {
  const today = dayNumber(ctx.now);
  const { lookbackDays, halfLifeDays } = ctx.config.conversation;
  const mentions = new Map<ConversationCode, Mention[]>();
  let readable = 0;

  for (const activity of snapshot.activities) {
    const day = instantDayNumber(activity.occurredAt);
    const age = today - day;
    if (age < 0 || age > lookbackDays) continue;
    if (activity.text.length === 0 && !activity.subject) continue;
    readable++;
    const weight = directionWeight[activity.direction] * Math.pow(0.5, age / halfLifeDays);
    const cues = findConversationCues(activity.text, activity.subject);
    for (const cue of cues) {
      let list = mentions.get(cue.code);
      if (!list) {
        list = [];
        mentions.set(cue.code, list);
      }
      list.push({
        weight,
        evidence: {
          id: `conv:${activity.id}:${cue.code}`,
          description: `${descriptions[cue.code]} (${activity.direction} ${activity.type}, weight ${round3(weight)})`,
          value: cue.phrase,
          date: isoDay(day),
          source: `activity:${activity.id}`,
          quote: cue.quote,
        },
      });
    }
  }

  const signals: Signal[] = [];
  const evidence: Evidence[] = [];
  for (const code of conversationCodes) {
    const list = mentions.get(code);
    if (!list) continue;
    // Saturating sum: one fresh inbound mention ≈ 0.63, several push towards 1.
    let total = 0;
    for (const mention of list) total += mention.weight;
    const strength = 1 - Math.exp(-total);
    if (strength < MIN_STRENGTH) continue;
    const kept = list.sort((a, b) => b.weight - a.weight).slice(0, MAX_QUOTES);
    for (const mention of kept) evidence.push(mention.evidence);
    signals.push(
      makeSignal(
        code,
        strength,
        kept.map((mention) => mention.evidence.id),
      ),
    );
  }

  return {
    technique: 'conversation',
    score: scoreFromSignals(signals),
    // Confidence grows with the number of readable activities: ~0.7 with 10, ~0.95 with 25.
    confidence: round3(1 - Math.exp(-readable / 8)),
    signals,
    evidence,
    contradictions: [],
  };
};
