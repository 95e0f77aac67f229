import { z } from 'zod';
import { isoDate } from './account-snapshot.schema.ts';
import { priceBookSchema } from './price-book.schema.ts';
import { orgConfigSchema } from '../config/org-config.schema.ts';

/**
 * The import format of `ripe score --input FILE.json`: one org's price book, optional rule overrides,
 * and its accounts. Accounts are validated one by one (see `parseAccounts`), so they are `unknown` here.
 */
export const orgSnapshotFileSchema = z.object({
  orgId: z.string().min(1).default('local'),
  /** The day the snapshot describes; scoring treats it as "now". */
  asOf: isoDate,
  priceBook: priceBookSchema,
  config: z.unknown().optional(),
  accounts: z.array(z.unknown()),
});
export type OrgSnapshotFile = z.infer<typeof orgSnapshotFileSchema>;

export { orgConfigSchema };
