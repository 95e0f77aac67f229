// What a contact-network detector reads and where it writes: the stakeholders, who took part in what,
// and the technique's signals and evidence so far.
import type { AccountSnapshot, Evidence, Signal } from '@ripe/shared';
import type { EngineContext } from '../../engine-context.ts';
import type { EngagementIndex } from './engagement.ts';
import type { Stakeholder } from './stakeholder.ts';

export interface NetworkContext {
  snapshot: AccountSnapshot;
  ctx: EngineContext;
  today: number;
  stakeholders: readonly Stakeholder[];
  engagement: EngagementIndex;
  signals: Signal[];
  evidence: Evidence[];
}

export type NetworkDetector = (network: NetworkContext) => void;

/** "Claire Martin (VP Operations, sponsor)". */
export function describe(stakeholder: Stakeholder): string {
  const { contact } = stakeholder;
  return `${contact.name} (${contact.title || stakeholder.seniority}, ${contact.role.replace('_', ' ')})`;
}
