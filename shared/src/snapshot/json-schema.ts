import { z } from 'zod';
import { accountSnapshotSchema } from './account-snapshot.schema.ts';
import { priceBookSchema } from './price-book.schema.ts';
import { orgConfigSchema } from '../config/org-config.schema.ts';
import { isoDate } from './account-snapshot.schema.ts';

/** The import format as JSON Schema, generated from the zod schemas (the single source). */
export function importFormatJsonSchema(): Record<string, unknown> {
  const file = z.object({
    orgId: z.string().optional(),
    asOf: isoDate,
    priceBook: priceBookSchema,
    config: orgConfigSchema.partial().optional(),
    accounts: z.array(accountSnapshotSchema),
  });
  return z.toJSONSchema(file, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}
