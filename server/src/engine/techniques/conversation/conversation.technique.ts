import type { Activity, Evidence, Signal, TechniqueResult } from '@ripe/shared';
import { dayNumber, instantDayNumber, isoDay } from '@ripe/shared';
import { findConversationCues, type ConversationCue } from '../../text/conversation-cues.ts';
import type { IntentCode } from '../../text/intents/intent.types.ts';
import { conversationCodes, type ConversationCode } from '../../text/lexicon.ts';
import type { Technique } from '../technique.ts';
import { makeSignal, round3, scoreFromSignals } from '../signal.ts';

/** Customer-written text says most; our notes and calls count too; our own emails least. */
const directionWeight: Record<Activity['direction'], number> = { inbound: 1, internal: 0.7, outbound: 0.3 };
/** Quotes kept per code, the weightiest first. */
const MAX_QUOTES = 3;
/** Below this, a signal is noise (one outbound mention months ago). */
const MIN_STRENGTH = 0.05;
/** A possibility ("we might bring the Lyon team on board") weighs less than a stated plan or fact. */
const HEDGED_WEIGHT = 0.4;

const intentLabels: Record<IntentCode, string> = {
  team_onboarding: 'team, office or department coming on board',
  headcount_growth: 'headcount grown',
  funding_raised: 'funding raised',
  hiring_plan: 'hiring plan',
  evaluating_alternatives: 'evaluating alternatives',
  restructuring: 'restructuring or headcount reduction',
};

/** What the evidence shows as its value: the people stated, else the money, else the phrase. */
function valueOf(cue: ConversationCue): number | string {
  return cue.people ?? cue.money ?? cue.phrase;
}

function describe(cue: ConversationCue): string {
  if (!cue.intent) return descriptions[cue.code];
  const people = cue.people !== undefined ? `, ${cue.people} people stated` : '';
  return `${descriptions[cue.code]}: ${intentLabels[cue.intent]}${cue.hedged ? ' (hedged)' : ''}${people}`;
}

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
  const year = Number(ctx.now.slice(0, 4));
  let readable = 0;

  for (const activity of snapshot.activities) {
    const day = instantDayNumber(activity.occurredAt);
    const age = today - day;
    if (age < 0 || age > lookbackDays) continue;
    if (activity.text.length === 0 && !activity.subject) continue;
    readable++;
    const weight = directionWeight[activity.direction] * Math.pow(0.5, age / halfLifeDays);
    const cues = findConversationCues(activity.text, activity.subject, { year });
    for (const cue of cues) {
      const cueWeight = cue.hedged ? weight * HEDGED_WEIGHT : weight;
      let list = mentions.get(cue.code);
      if (!list) {
        list = [];
        mentions.set(cue.code, list);
      }
      list.push({
        weight: cueWeight,
        evidence: {
          id: `conv:${activity.id}:${cue.code}`,
          description: `${describe(cue)} (${activity.direction} ${activity.type}, weight ${round3(cueWeight)})`,
          value: valueOf(cue),
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
