import type { AccountSnapshotInput } from '@ripe/shared';

export type ContactInput = NonNullable<AccountSnapshotInput['contacts']>[number];
export type ActivityInput = NonNullable<AccountSnapshotInput['activities']>[number];
export type OpportunityInput = NonNullable<AccountSnapshotInput['opportunities']>[number];
export type ActivityType = ActivityInput['type'];
