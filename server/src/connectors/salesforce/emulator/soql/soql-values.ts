import type { FieldValue } from '../emulator-state.ts';
import type { FieldSchema } from '../sobject-schema.ts';

/** How values of a field compare: the field's describe type decides. */
export type ValueKind = 'text' | 'number' | 'boolean' | 'date' | 'datetime';

export function kindOf(field: FieldSchema): ValueKind {
  switch (field.type) {
    case 'double':
    case 'int':
    case 'currency':
    case 'percent':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    case 'id':
    case 'reference':
    case 'string':
    case 'textarea':
    case 'picklist':
    case 'multipicklist':
    case 'email':
    case 'phone':
      return 'text';
  }
}

/** Epoch ms of a Salesforce datetime (`2013-05-20T20:49:32.000+0000`) or a SOQL literal (`...Z`, `+01:00`). */
export function parseDateTime(value: string): number {
  return Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}

/** A comparable form of a stored value: lower-case text (SOQL compares text case-insensitively), epoch ms. */
export function comparable(kind: ValueKind, value: FieldValue): string | number | boolean | null {
  if (value === null) return null;
  if (kind === 'text' && typeof value === 'string') return value.toLowerCase();
  if (kind === 'datetime' && typeof value === 'string') return parseDateTime(value);
  return value;
}

/** Orders two comparable values of one kind; null sorts by the caller's NULLS rule. */
export function compareValues(a: string | number | boolean, b: string | number | boolean): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
