/** Tables that hold no org's data. A table must carry `org_id`, be `orgs`, or be listed here. */
export const globalTables: readonly string[] = [
  'schema_migrations',
  // Hashes of HubSpot request signatures already served (replay protection), kept ten minutes.
  'hubspot_signatures_seen',
];
