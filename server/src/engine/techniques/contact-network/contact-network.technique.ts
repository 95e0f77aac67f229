import type { Evidence, Signal, TechniqueResult } from '@ripe/shared';
import { dayNumber } from '@ripe/shared';
import type { Technique } from '../technique.ts';
import { round3, scoreFromSignals } from '../signal.ts';
import { budgetOwnerDetector } from './budget-owner.detector.ts';
import { championGoneDetector } from './champion-gone.detector.ts';
import { buildEngagement } from './engagement.ts';
import { engagedDetector } from './engaged.detector.ts';
import type { NetworkDetector } from './network-detector.ts';
import { relationshipTrendDetector } from './relationship-trend.detector.ts';
import { toStakeholder } from './stakeholder.ts';

const detectors: readonly NetworkDetector[] = [
  engagedDetector,
  relationshipTrendDetector,
  budgetOwnerDetector,
  championGoneDetector,
];

/**
 * The stakeholder graph, read from the people: sponsors and champions engaged in two-way activities, the
 * relationship warming or cooling (each key stakeholder's silence against their own cadence, unanswered
 * emails, and the activity counts), a new budget owner appearing, a champion leaving or replaced.
 */
export const contactNetworkTechnique: Technique = (snapshot, ctx): TechniqueResult => {
  const today = dayNumber(ctx.now);
  const stakeholders = snapshot.contacts.map(toStakeholder);
  const engagement = buildEngagement(snapshot, today);
  const signals: Signal[] = [];
  const evidence: Evidence[] = [];
  for (const detect of detectors)
    detect({ snapshot, ctx, today, stakeholders, engagement, signals, evidence });
  // Confidence: some contacts to reason about, and activities that say who took part.
  const contactsKnown = Math.min(1, stakeholders.length / 3);
  const activityLinked = 1 - Math.exp(-engagement.linkedActivities / 10);
  return {
    technique: 'contact_network',
    score: scoreFromSignals(signals),
    confidence: round3(0.3 * contactsKnown + 0.7 * activityLinked),
    signals,
    evidence,
    contradictions: [],
  };
};
