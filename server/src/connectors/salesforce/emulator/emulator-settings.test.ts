import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { orgSettingsSchema } from '../../../settings/org-settings.schema.ts';
import { sandboxPriceBook } from '../../../sandbox/sandbox-price-book.ts';
import { emulatorFieldMapping } from './emulator-org.ts';

it("docs/salesforce-emulator-settings.json is the emulator org's mapping and price book, valid settings", () => {
  const file = JSON.parse(
    readFileSync(new URL('../../../../../docs/salesforce-emulator-settings.json', import.meta.url), 'utf8'),
  ) as unknown;
  expect(file).toStrictEqual(
    JSON.parse(JSON.stringify({ fieldMapping: emulatorFieldMapping, priceBook: sandboxPriceBook })),
  );
  expect(orgSettingsSchema.safeParse(file).success).toBe(true);
});
