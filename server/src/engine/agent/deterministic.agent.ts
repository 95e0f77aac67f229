// The expansion agent without a model: judges the opportunity, adjusts the sizing, names the
// decision-maker, and writes the approach anchored on a concrete usage fact. Everything it says cites
// evidence ids present in the verdict.
import type { AccountSnapshot, AgentAssessment, Evidence, Verdict } from '@ripe/shared';
import { findAnchor, isUsageEvidence, type Anchor } from './anchor.agent.ts';
import type { ExpansionAgent } from './expansion-agent.ts';
import { judgeOpportunity } from './judgement.agent.ts';
import { draftLanguage, type DraftLanguage } from './language.agent.ts';
import { approachOf, emailDraftOf, nextStepOf, talkTrackOf, type PitchInputs } from './pitch.agent.ts';
import { applyAdjustments, sizingAdjustments } from './sizing-adjustments.agent.ts';
import { createAnchorPhraser, genericOpening, teamFact, type AnchorPhraser } from './usage-phrase.agent.ts';
import { identifyDecisionMaker } from '../techniques/contact-network/decision-maker.ts';

export type DecisionMaker = AgentAssessment['decisionMaker'];
export type FindDecisionMaker = (snapshot: AccountSnapshot, now: string) => DecisionMaker;

/** Signals whose quotes make the best second line of a talk track. */
const quotedCodes: ReadonlySet<string> = new Set([
  'buying_intent',
  'new_need',
  'plan_limit_question',
  'growth_event',
]);

/** Ids of the activities the customer wrote or said: only their words are quoted back to them. */
function customerActivityIds(snapshot: AccountSnapshot): Set<string> {
  const ids = new Set<string>();
  for (const activity of snapshot.activities) if (activity.direction === 'inbound') ids.add(activity.id);
  return ids;
}

/**
 * Who said a quoted sentence, as the reader of the draft hears it: "You" when the decision-maker took part
 * in the activity (or nobody is named), the one customer contact who did by first name ("Lena told us"),
 * else "Your team".
 */
function speakerOf(
  snapshot: AccountSnapshot,
  activityId: string,
  recipient: string | null,
  language: DraftLanguage,
): string {
  const activity = snapshot.activities.find((candidate) => candidate.id === activityId);
  const people = (activity?.participants ?? []).flatMap((id) => {
    const contact = snapshot.contacts.find((candidate) => candidate.id === id);
    return contact ? [contact] : [];
  });
  if (recipient === null || people.length === 0 || people.some((contact) => contact.id === recipient)) {
    return language === 'fr' ? 'Vous nous avez dit' : 'You told us';
  }
  if (people.length === 1) {
    const name = people[0]!.name.trim();
    const first = name.includes(' ') ? name.slice(0, name.indexOf(' ')) : name;
    return language === 'fr' ? `${first} nous a dit` : `${first} told us`;
  }
  return language === 'fr' ? 'Votre équipe nous a dit' : 'Your team told us';
}

/** A customer quote (their own words), or a second usage fact, to back the anchor. */
function supportOf(
  verdict: Verdict,
  anchor: Anchor | null,
  byId: ReadonlyMap<string, Evidence>,
  phrase: AnchorPhraser,
  language: DraftLanguage,
  customerWords: ReadonlySet<string>,
  saidBy: (activityId: string) => string,
): { text: string; evidenceId: string } | null {
  // the sentence the potential rests on ("a team of 15 people is joining") first, then the signals' quotes
  const candidates = [
    ...(verdict.potential.evidenceIds ?? []),
    ...verdict.signals
      .filter((signal) => signal.polarity === 'positive' && quotedCodes.has(signal.code))
      .flatMap((signal) => signal.evidenceIds),
  ];
  for (const id of candidates) {
    const evidence = byId.get(id);
    const quote = evidence?.quote;
    // an internal note or our own email is not the customer's to be quoted back
    const activityId = evidence?.source.slice('activity:'.length) ?? '';
    if (!quote || !customerWords.has(activityId)) continue;
    const speaker = saidBy(activityId);
    const text = language === 'fr' ? `${speaker} : « ${quote} »` : `${speaker}: "${quote}"`;
    return { text, evidenceId: id };
  }
  for (const signal of verdict.signals) {
    if (signal.polarity !== 'positive' || signal === anchor?.signal) continue;
    for (const id of signal.evidenceIds) {
      const evidence = byId.get(id);
      if (!evidence || !isUsageEvidence(evidence) || evidence.id === anchor?.evidence.id) continue;
      const phrased = phrase({ evidence, signal }, language);
      if (phrased) return { text: `${phrased}.`, evidenceId: id };
    }
  }
  return null;
}

export function createDeterministicAgent(findDecisionMaker: FindDecisionMaker): ExpansionAgent {
  return {
    assess(verdict, snapshot, ctx): AgentAssessment {
      const byId = new Map<string, Evidence>();
      for (const evidence of verdict.evidence) byId.set(evidence.id, evidence);
      const judgement = judgeOpportunity(verdict, ctx.now, ctx.config.composite, byId);
      const adjustments = sizingAdjustments(verdict, snapshot.contract.renewalDate, ctx, byId);
      const adjustedPotential = applyAdjustments(verdict.potential, adjustments);
      const decisionMaker = findDecisionMaker(snapshot, ctx.now);
      const language = draftLanguage(snapshot);
      const anchor = findAnchor(verdict, byId);
      const phrase = createAnchorPhraser(snapshot, ctx);
      const recipient = decisionMaker?.contactId ?? null;
      const support = supportOf(
        verdict,
        anchor,
        byId,
        phrase,
        language,
        customerActivityIds(snapshot),
        (id) => speakerOf(snapshot, id, recipient, language),
      );
      const customerAnchor = anchor ? phrase(anchor, language) : null;
      const inputs: PitchInputs = {
        accountName: snapshot.account.name,
        motion: verdict.motion,
        language,
        anchor: customerAnchor ?? genericOpening(language),
        anchorForTeam: teamFact(anchor, anchor ? phrase(anchor, 'en') : null),
        support: support?.text ?? null,
        potential: verdict.potential,
        adjustedPotential,
        adjustments,
        window: verdict.window,
        decisionMaker,
        isReal: judgement.isReal,
        judgement: judgement.reason,
        now: ctx.now,
        sender: snapshot.account.csmName ?? snapshot.account.ownerName ?? null,
      };
      const cited = new Set<string>();
      if (anchor) cited.add(anchor.evidence.id);
      if (support) cited.add(support.evidenceId);
      for (const id of verdict.potential.evidenceIds ?? []) if (byId.has(id)) cited.add(id);
      for (const id of judgement.evidenceIds) cited.add(id);
      for (const adjustment of adjustments) for (const id of adjustment.evidenceIds) cited.add(id);
      return {
        isReal: judgement.isReal,
        reason: judgement.reason,
        adjustedPotential,
        adjustments,
        decisionMaker,
        approach: approachOf(inputs),
        talkTrack: talkTrackOf(inputs),
        emailDraft: emailDraftOf(inputs),
        nextStep: nextStepOf(inputs),
        citedEvidenceIds: [...cited],
        by: 'deterministic',
      };
    },
  };
}

/** The deterministic agent over the contact network's decision-maker identification. */
export const deterministicAgent: ExpansionAgent = createDeterministicAgent(identifyDecisionMaker);
