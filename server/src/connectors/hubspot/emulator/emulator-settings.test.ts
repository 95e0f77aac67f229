import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { orgSettingsSchema } from '../../../settings/org-settings.schema.ts';
import { sandboxPriceBook } from '../../../sandbox/sandbox-price-book.ts';

it("docs/hubspot-emulator-settings.json is the emulator portal's price book, valid settings", () => {
  const file = JSON.parse(
    readFileSync(new URL('../../../../../docs/hubspot-emulator-settings.json', import.meta.url), 'utf8'),
  ) as unknown;
  // The portal's companies carry the default mapping's properties: the price book is all an org adds.
  expect(file).toStrictEqual(JSON.parse(JSON.stringify({ priceBook: sandboxPriceBook })));
  expect(orgSettingsSchema.safeParse(file).success).toBe(true);
});
