// The labelled history, the simplest honest way HubSpot allows: every company as it stands (its snapshot with
// the usage history the portal keeps), features on past days from what the snapshot shows up to each day,
// labels from the deals' stage history (an expansion deal that entered a won stage within the horizon).
// Not faithful to the past contract (the seats and tier are today's) nor to activity deleted since.
import { accountSnapshotSchema } from '@ripe/shared';
import { addDays } from '@ripe/shared';
import type { HistoryRow } from '../../../eval/sandbox-training.ts';
import { extractFeatures, labelExpansion } from '../../../model/features.ts';
import type { PulledAccount } from '../../crm-connector.ts';

const lookbacks = [90, 120, 150, 180, 210, 240, 270];
const horizonDays = 90;

export function* historyRows(account: PulledAccount, asOf: string): Generator<HistoryRow> {
  const parsed = accountSnapshotSchema.safeParse(account.snapshot);
  if (!parsed.success) return;
  const snapshot = parsed.data;
  for (const lookback of lookbacks) {
    const observedOn = addDays(asOf, -lookback);
    if (snapshot.account.createdAt > observedOn) continue;
    yield {
      accountId: account.accountId,
      observedOn,
      features: extractFeatures(snapshot, observedOn),
      label: labelExpansion(snapshot, observedOn, horizonDays) ? 1 : 0,
      time: -lookback,
    };
  }
}
