import { expect, it } from 'vitest';
import { emulatorFieldMapping } from './emulator/emulator-org.ts';
import { salesforceFieldMap } from './mappers/salesforce-field-map.ts';
import { accountQuery, relatedObjects, relatedQuery } from './salesforce-queries.ts';
import { idsPerQuery, maxUriBytes } from './soql.ts';
import { salesforceId } from './emulator/salesforce-id.ts';

it('the longest query a pull sends for a full IN list stays under the URI cap, headers left room', () => {
  const map = salesforceFieldMap(emulatorFieldMapping);
  const ids = Array.from({ length: idsPerQuery }, (_, i) => salesforceId('Account', 1_000_000 + i));
  const window = { activitiesSince: '2025-12-01T00:00:00.000Z', usageSince: '2025-09-01' };
  const queries = [accountQuery(map, ids), ...relatedObjects(map, window).map((r) => relatedQuery(r, ids))];
  const longest = Math.max(
    ...queries.map((soql) => Buffer.byteLength(`/services/data/v68.0/query?q=${encodeURIComponent(soql)}`)),
  );
  expect(longest).toBeLessThan(maxUriBytes - 1_500);
});
