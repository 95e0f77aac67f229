import { isCrmObjectType, type ObjectTypeKey } from './crm-records.types.ts';
import type { EmulatorContext } from './emulator-context.ts';
import { rejectionOf } from './emulator-faults.ts';

/** One failing property, as HubSpot lists it inside a VALIDATION_ERROR message. */
export interface PropertyProblem {
  isValid: false;
  message: string;
  error: 'PROPERTY_DOESNT_EXIST' | 'INVALID_OPTION' | 'INVALID_INTEGER' | 'READ_ONLY_VALUE' | 'INVALID_VALUE';
  name: string;
}

const readOnly = new Set(['hs_object_id', 'createdate', 'hs_lastmodifieddate', 'lastmodifieddate']);

export function propertyProblems(
  ctx: EmulatorContext,
  type: ObjectTypeKey,
  id: string | undefined,
  properties: Record<string, unknown>,
): PropertyProblem[] {
  const problems: PropertyProblem[] = [];
  for (const [name, value] of Object.entries(properties)) {
    const definition = ctx.portal.properties[type]?.get(name);
    const text = value === null ? '' : String(value);
    if (!definition)
      problems.push({
        isValid: false,
        message: `Property "${name}" does not exist`,
        error: 'PROPERTY_DOESNT_EXIST',
        name,
      });
    else if (readOnly.has(name))
      problems.push({
        isValid: false,
        message: `"${name}" is a read only property; its value cannot be set.`,
        error: 'READ_ONLY_VALUE',
        name,
      });
    else if (
      definition.type === 'enumeration' &&
      text !== '' &&
      !definition.options.some((option) => option.value === text)
    ) {
      problems.push({
        isValid: false,
        message: `${text} was not one of the allowed options`,
        error: 'INVALID_OPTION',
        name,
      });
    } else if (definition.type === 'number' && text !== '' && !Number.isFinite(Number(text))) {
      problems.push({
        isValid: false,
        message: `${text} is not a valid number`,
        error: 'INVALID_INTEGER',
        name,
      });
    }
  }
  const rejected =
    id === undefined || !isCrmObjectType(type) ? undefined : rejectionOf(ctx.faults, type, id, properties);
  if (rejected)
    problems.push({
      isValid: false,
      message: rejected.message ?? `${String(properties[rejected.property])} was rejected by validation`,
      error: 'INVALID_VALUE',
      name: rejected.property,
    });
  return problems;
}

export function problemsMessage(problems: readonly PropertyProblem[]): string {
  return `Property values were not valid: ${JSON.stringify(problems)}`;
}
