// What the intent reader finds in a sentence: an intent, whether it was asserted or only hedged, the
// sentence it came from and the slots the grammar filled (people, money, team, place, date).

export type IntentCode =
  | 'team_onboarding'
  | 'headcount_growth'
  | 'funding_raised'
  | 'hiring_plan'
  | 'evaluating_alternatives'
  | 'restructuring';

export const intentCodes: readonly IntentCode[] = [
  'team_onboarding',
  'headcount_growth',
  'funding_raised',
  'hiring_plan',
  'evaluating_alternatives',
  'restructuring',
];

/** `asserted`: stated as a fact or a plan; `hedged`: possible, conditional or uncertain. */
export type Modality = 'asserted' | 'hedged';

export interface IntentSlots {
  /** People the customer states (hires, a team's size, the seats a team needs, roles cut). */
  people?: number;
  /** True when the number was approximate ("roughly 30", "une trentaine"). */
  approximate?: boolean;
  /** A money amount as written ("$45M", "15 millions d'euros"). */
  money?: string;
  /** The team, office or department named ("the Berlin office", "l'équipe support"). */
  team?: string;
  /** A date or period named in the sentence ("Q2", "next month", "en septembre"). */
  when?: string;
}

export interface IntentMention {
  intent: IntentCode;
  modality: Modality;
  /** The grammar rule that read it. */
  rule: string;
  /** The words the pattern matched, as written. */
  phrase: string;
  /** The sentence, as written. */
  sentence: string;
  /** Offset of the sentence in the text read. */
  offset: number;
  slots: IntentSlots;
}
