// The rules of Ripe's Salesforce connector that the plugin runs on the sf CLI's side of the org: called from the
// connector's own modules (one source), never copied. They are pure: no database, no network.
export { salesforceApiVersion } from '../../server/src/connectors/salesforce/provider.ts';
export {
  preflightReport,
  requirements,
} from '../../server/src/connectors/salesforce/salesforce-preflight.ts';
export { salesforceFieldMap } from '../../server/src/connectors/salesforce/mappers/salesforce-field-map.ts';
export {
  catalogueFields,
  defaultWriteTargets,
} from '../../server/src/connectors/salesforce/salesforce-writes.ts';
