import type { LiteralType, Operator, ValueCondition } from '@jetstreamapp/soql-parser-js';
import type { SalesforceRecord } from '../emulator-state.ts';
import { SalesforceRestError } from '../salesforce-errors.ts';
import type { FieldSchema } from '../sobject-schema.ts';
import { comparable, compareValues, kindOf, parseDateTime, type ValueKind } from './soql-values.ts';

type Literal = string | number | boolean | null;

const malformed = (message: string) => new SalesforceRestError(400, 'MALFORMED_QUERY', message);

// The literal type each field kind accepts; Salesforce answers INVALID_FIELD for a mismatch.
const accepted: Record<ValueKind, readonly LiteralType[]> = {
  text: ['STRING'],
  number: ['INTEGER', 'DECIMAL'],
  boolean: ['BOOLEAN'],
  date: ['DATE'],
  datetime: ['DATETIME'],
};
const typeNames: Record<ValueKind, string> = {
  text: 'string',
  number: 'number',
  boolean: 'boolean',
  date: 'date',
  datetime: 'dateTime',
};

function literal(field: FieldSchema, kind: ValueKind, raw: string, type: LiteralType | undefined): Literal {
  if (type === 'NULL') return null;
  if (type === undefined || !accepted[kind].includes(type)) {
    if (type === 'DATE_LITERAL' || type === 'DATE_N_LITERAL' || type === 'APEX_BIND_VARIABLE') {
      throw malformed(`${raw} is not supported by this emulator: use a date or datetime literal`);
    }
    throw new SalesforceRestError(
      400,
      'INVALID_FIELD',
      `value of filter criterion for field '${field.name}' must be of type ${typeNames[kind]}` +
        (kind === 'text' ? '' : ' and should not be enclosed in quotes'),
    );
  }
  switch (kind) {
    case 'text':
      return raw.slice(1, -1).replace(/\\(.)/g, '$1').toLowerCase();
    case 'number':
      return Number(raw);
    case 'boolean':
      return raw.toUpperCase() === 'TRUE';
    case 'date':
      return raw;
    case 'datetime':
      return parseDateTime(raw);
  }
}

function likeMatcher(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern.charAt(i);
    if (char === '\\' && i + 1 < pattern.length)
      source += pattern.charAt((i += 1)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (char === '%') source += '.*';
    else if (char === '_') source += '.';
    else source += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'is');
}

/** One field comparison as a predicate over records. */
export function compileCondition(
  field: FieldSchema,
  operator: Operator,
  condition: ValueCondition,
): (record: SalesforceRecord) => boolean {
  const kind = kindOf(field);
  const read = (record: SalesforceRecord) => comparable(kind, record[field.name] ?? null);
  const rawValues = Array.isArray(condition.value) ? condition.value : [condition.value];
  const types = Array.isArray(condition.literalType) ? condition.literalType : [condition.literalType];
  const values = rawValues.map((raw, i) => literal(field, kind, raw, types[i] ?? types[0]));
  const first = values[0] ?? null;
  switch (operator) {
    case '=':
      return (record) => read(record) === first;
    case '!=':
      // Unlike SQL, SOQL's != keeps records whose field is null.
      return (record) => read(record) !== first;
    case '<':
    case '>':
    case '<=':
    case '>=': {
      if (first === null) throw malformed(`null can only be compared with = or !=`);
      const accept = {
        '<': (c: number) => c < 0,
        '>': (c: number) => c > 0,
        '<=': (c: number) => c <= 0,
        '>=': (c: number) => c >= 0,
      }[operator];
      return (record) => {
        const value = read(record);
        return value !== null && accept(compareValues(value, first));
      };
    }
    case 'IN': {
      const set = new Set(values);
      return (record) => set.has(read(record));
    }
    case 'NOT IN': {
      const set = new Set(values);
      return (record) => !set.has(read(record));
    }
    case 'LIKE': {
      if (kind !== 'text' || typeof first !== 'string')
        throw malformed(`LIKE needs a text field and a string`);
      const matcher = likeMatcher(first);
      return (record) => {
        const value = read(record);
        return typeof value === 'string' && matcher.test(value);
      };
    }
    case 'INCLUDES':
    case 'EXCLUDES':
      throw malformed(`${operator} is not supported by this emulator`);
  }
}
