// The Account fields the card reads, one import per catalogue field: the platform checks they exist and
// packages them with the card. A test holds this list to the field catalogue.
import ADJUSTED_POTENTIAL from '@salesforce/schema/Account.AdjustedPotential__c';
import APPROACH from '@salesforce/schema/Account.Approach__c';
import CONFIDENCE from '@salesforce/schema/Account.Confidence__c';
import CONTRADICTIONS from '@salesforce/schema/Account.Contradictions__c';
import DECISION_MAKER from '@salesforce/schema/Account.DecisionMaker__c';
import DECISION_MAKER_NAME from '@salesforce/schema/Account.DecisionMaker__r.Name';
import EMAIL_DRAFT from '@salesforce/schema/Account.EmailDraft__c';
import EXPECTED_VALUE from '@salesforce/schema/Account.ExpectedValue__c';
import LAST_SCORED_AT from '@salesforce/schema/Account.LastScoredAt__c';
import MOTION from '@salesforce/schema/Account.Motion__c';
import NAME from '@salesforce/schema/Account.Name';
import POTENTIAL from '@salesforce/schema/Account.Potential__c';
import POTENTIAL_HIGH from '@salesforce/schema/Account.PotentialHigh__c';
import POTENTIAL_LOW from '@salesforce/schema/Account.PotentialLow__c';
import PROBABILITY from '@salesforce/schema/Account.Probability__c';
import PROBABILITY_HIGH from '@salesforce/schema/Account.ProbabilityHigh__c';
import PROBABILITY_LOW from '@salesforce/schema/Account.ProbabilityLow__c';
import READINESS from '@salesforce/schema/Account.Readiness__c';
import REJECTION_REASON from '@salesforce/schema/Account.RejectionReason__c';
import SCORE from '@salesforce/schema/Account.Score__c';
import SIGNALS from '@salesforce/schema/Account.Signals__c';
import SNOOZED_UNTIL from '@salesforce/schema/Account.SnoozedUntil__c';
import STATUS from '@salesforce/schema/Account.Status__c';
import WINDOW_END from '@salesforce/schema/Account.WindowEnd__c';
import WINDOW_START from '@salesforce/schema/Account.WindowStart__c';

/** The card's fields by what they mean. */
export const FIELD = {
  name: NAME,
  readiness: READINESS,
  score: SCORE,
  probability: PROBABILITY,
  probabilityLow: PROBABILITY_LOW,
  probabilityHigh: PROBABILITY_HIGH,
  confidence: CONFIDENCE,
  motion: MOTION,
  potential: POTENTIAL,
  potentialLow: POTENTIAL_LOW,
  potentialHigh: POTENTIAL_HIGH,
  expectedValue: EXPECTED_VALUE,
  windowStart: WINDOW_START,
  windowEnd: WINDOW_END,
  signals: SIGNALS,
  contradictions: CONTRADICTIONS,
  approach: APPROACH,
  emailDraft: EMAIL_DRAFT,
  decisionMaker: DECISION_MAKER,
  status: STATUS,
  adjustedPotential: ADJUSTED_POTENTIAL,
  rejectionReason: REJECTION_REASON,
  snoozedUntil: SNOOZED_UNTIL,
  lastScoredAt: LAST_SCORED_AT,
};

/** Read with the record: a user without access to them still gets the card. */
export const DECISION_MAKER_NAME_FIELD = DECISION_MAKER_NAME;

/** Every field the card needs; the record wire fails without one of them. */
export const REQUIRED_FIELDS = Object.values(FIELD);
