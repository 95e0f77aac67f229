/** One version of a property (newest first in `propertiesWithHistory`), timestamps as ISO strings. */
export interface HubSpotVersion {
  value: string;
  timestamp: string;
  updatedByUserId?: number;
}

/** A CRM object as the v3 API answers it (JSON), the shape every mapper reads. */
export interface HubSpotRecord {
  id: string;
  properties: Record<string, string | null | undefined>;
  propertiesWithHistory?: Record<string, HubSpotVersion[]>;
  createdAt: string;
}

/** A value as text, or undefined when HubSpot holds none (null or empty). */
export function text(record: HubSpotRecord, name: string): string | undefined {
  const value = record.properties[name];
  return value === null || value === undefined || value === '' ? undefined : value;
}

/**
 * A number; a value that is not one stays as its text, so the snapshot's validation names the field and the
 * record instead of the mapper silently dropping it.
 */
export function numberOrText(record: HubSpotRecord, name: string): number | string | undefined {
  const value = text(record, name);
  if (value === undefined) return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : value;
}

/** A `date` or `datetime` value as `YYYY-MM-DD`: HubSpot answers ISO text or epoch milliseconds. */
export function day(record: HubSpotRecord, name: string): string | undefined {
  const value = text(record, name);
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value)) return new Date(Number(value)).toISOString().slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value;
}
