import express, { type Request, type Response, type Router } from 'express';
import type { ObjectTypeKey, PropertyDefinition } from './crm-records.types.ts';
import { resolveObjectType } from './custom-objects.ts';
import { isoAt, type EmulatorContext } from './emulator-context.ts';
import { sendHubSpotError } from './hubspot-error.ts';
import { propertyDefinition } from './portal-schema.ts';
import { tableOf } from './portal-state.ts';

type PropertyInput = Partial<PropertyDefinition> & {
  options?: { label: string; value: string; displayOrder?: number; hidden?: boolean }[];
};

function groupMissing(ctx: EmulatorContext, type: ObjectTypeKey, name: string): boolean {
  const lost = ctx.faults.missingPropertyGroups.some(
    (group) => group.objectType === type && group.name === name,
  );
  return lost || !tableOf(ctx.portal.groups, type).has(name);
}

function objectTypeOf(ctx: EmulatorContext, req: Request, res: Response): ObjectTypeKey | undefined {
  const name = String(req.params.objectType ?? '');
  const type = resolveObjectType(ctx.portal, name);
  if (type) return type;
  sendHubSpotError(res, 400, 'VALIDATION_ERROR', `Unable to infer object type from: ${name}`);
  return undefined;
}

/** Properties and property groups: list, read, create (409 OBJECT_ALREADY_EXISTS on a duplicate name). */
export function propertiesRoutes(ctx: EmulatorContext): Router {
  const router = express.Router();
  router.get('/crm/v3/properties/:objectType/groups', (req, res) => {
    const type = objectTypeOf(ctx, req, res);
    if (!type) return;
    res.json({
      results: [...tableOf(ctx.portal.groups, type).values()].filter(
        (group) => !groupMissing(ctx, type, group.name),
      ),
    });
  });
  router.get('/crm/v3/properties/:objectType/groups/:name', (req, res) => {
    const type = objectTypeOf(ctx, req, res);
    if (!type) return;
    const name = req.params.name ?? '';
    if (groupMissing(ctx, type, name))
      return sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', `Unable to find property group ${name}`);
    res.json(tableOf(ctx.portal.groups, type).get(name));
  });
  router.post('/crm/v3/properties/:objectType/groups', (req, res) => {
    const type = objectTypeOf(ctx, req, res);
    if (!type) return;
    const { name, label, displayOrder } = (req.body ?? {}) as {
      name?: string;
      label?: string;
      displayOrder?: number;
    };
    if (!name || !label) return sendHubSpotError(res, 400, 'VALIDATION_ERROR', 'name and label are required');
    if (!groupMissing(ctx, type, name)) {
      return sendHubSpotError(res, 409, 'OBJECT_ALREADY_EXISTS', `Property group ${name} already exists.`);
    }
    ctx.faults.missingPropertyGroups = ctx.faults.missingPropertyGroups.filter(
      (group) => !(group.objectType === type && group.name === name),
    );
    const group = { name, label, displayOrder: displayOrder ?? -1, archived: false };
    tableOf(ctx.portal.groups, type).set(name, group);
    res.status(201).json(group);
  });
  router.get('/crm/v3/properties/:objectType', (req, res) => {
    const type = objectTypeOf(ctx, req, res);
    if (!type) return;
    res.json({ results: [...tableOf(ctx.portal.properties, type).values()] });
  });
  router.get('/crm/v3/properties/:objectType/:name', (req, res) => {
    const type = objectTypeOf(ctx, req, res);
    if (!type) return;
    const property = tableOf(ctx.portal.properties, type).get(req.params.name ?? '');
    if (!property)
      return sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', `Unable to find property ${req.params.name}`);
    res.json(property);
  });
  router.post('/crm/v3/properties/:objectType', (req, res) => {
    const type = objectTypeOf(ctx, req, res);
    if (!type) return;
    const input = (req.body ?? {}) as PropertyInput;
    if (!input.name || !input.label || !input.type || !input.fieldType || !input.groupName) {
      return sendHubSpotError(
        res,
        400,
        'VALIDATION_ERROR',
        'name, label, type, fieldType and groupName are required',
      );
    }
    if (tableOf(ctx.portal.properties, type).has(input.name)) {
      return sendHubSpotError(
        res,
        409,
        'OBJECT_ALREADY_EXISTS',
        `Property named '${input.name}' already exists.`,
      );
    }
    if (groupMissing(ctx, type, input.groupName)) {
      return sendHubSpotError(
        res,
        400,
        'VALIDATION_ERROR',
        `Property group ${input.groupName} does not exist.`,
      );
    }
    const at = isoAt(ctx.now());
    const property: PropertyDefinition = {
      ...propertyDefinition(
        {
          name: input.name,
          label: input.label,
          type: input.type,
          fieldType: input.fieldType,
          groupName: input.groupName,
        },
        input.displayOrder ?? -1,
        at,
      ),
      description: input.description ?? '',
      hasUniqueValue: input.hasUniqueValue ?? false,
      hidden: input.hidden ?? false,
      formField: input.formField ?? false,
      options: (input.options ?? []).map((option, index) => ({
        label: option.label,
        value: option.value,
        displayOrder: option.displayOrder ?? index,
        hidden: option.hidden ?? false,
      })),
    };
    tableOf(ctx.portal.properties, type).set(property.name, property);
    res.status(201).json(property);
  });
  return router;
}
