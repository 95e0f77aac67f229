import express, { type Router } from 'express';
import { hubspotLimits } from '../provider.ts';
import { batchResponse, type BatchError } from './batch-response.ts';
import {
  isCrmObjectType,
  type AssociationCategory,
  type AssociationType,
  type CrmObjectType,
} from './crm-records.types.ts';
import { isoAt, type EmulatorContext } from './emulator-context.ts';
import { sendHubSpotError } from './hubspot-error.ts';
import { associate, definedTypes } from './portal-records.ts';
import { associatedIds } from './portal-state.ts';

/** HubSpot's object type ids, which v4 create results carry. */
const objectTypeIds: Record<CrmObjectType, string> = {
  contacts: '0-1',
  companies: '0-2',
  deals: '0-3',
  tasks: '0-27',
  notes: '0-46',
  meetings: '0-47',
  calls: '0-48',
  emails: '0-49',
};

interface CreateInput {
  from: { id: string };
  to: { id: string };
  types: { associationCategory: AssociationCategory; associationTypeId: number }[];
}

function typeLabel(
  ctx: EmulatorContext,
  from: CrmObjectType,
  to: CrmObjectType,
  typeId: number,
): string | null {
  return (
    ctx.portal.associationLabels.get(`${from}|${to}`)?.find((label) => label.typeId === typeId)?.label ?? null
  );
}

/** v4 associations: batch read (≤ 1,000 inputs), batch create with types, default create, labels. */
export function associationsRoutes(ctx: EmulatorContext): Router {
  const router = express.Router();
  router.post('/crm/v4/associations/:from/:to/batch/:action', (req, res) => {
    const { from = '', to = '', action } = req.params;
    if (!isCrmObjectType(from) || !isCrmObjectType(to))
      return sendHubSpotError(res, 400, 'VALIDATION_ERROR', `Unknown object types ${from}/${to}`);
    const inputs = (req.body as { inputs?: unknown[] } | undefined)?.inputs ?? [];
    const max = action === 'read' ? hubspotLimits.associationsBatchReadSize : hubspotLimits.batchSize;
    if (inputs.length > max)
      return sendHubSpotError(
        res,
        400,
        'VALIDATION_ERROR',
        `Batch input limit is ${max}; got ${inputs.length} inputs.`,
      );
    const startedAt = isoAt(ctx.now());
    const errors: BatchError[] = [];
    if (action === 'read') {
      const results = (inputs as { id: string }[]).flatMap(({ id }) => {
        const edges = associatedIds(ctx.portal, from, String(id), to);
        if (edges.size === 0) {
          errors.push({
            status: 'error',
            category: 'OBJECT_NOT_FOUND',
            message: `No ${to} is associated with ${from} ${id}.`,
            context: { fromObjectId: [String(id)] },
          });
          return [];
        }
        const toList = [...edges].map(([toId, associationTypes]) => ({
          toObjectId: Number(toId),
          associationTypes,
        }));
        return [{ from: { id: String(id) }, to: toList }];
      });
      const { httpStatus, body } = batchResponse(results, errors, startedAt, isoAt(ctx.now()));
      return void res.status(httpStatus).json(body);
    }
    if (action !== 'create')
      return sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', `No batch ${action} for associations`);
    const results = (inputs as CreateInput[]).flatMap((input) => {
      const fromId = String(input.from.id);
      const toId = String(input.to.id);
      if (!ctx.portal.records[from].has(fromId) || !ctx.portal.records[to].has(toId)) {
        errors.push({
          status: 'error',
          category: 'OBJECT_NOT_FOUND',
          message: `${from} ${fromId} or ${to} ${toId} was not found.`,
          context: { fromObjectId: [fromId], toObjectId: [toId] },
        });
        return [];
      }
      const types: AssociationType[] = input.types.map((type) => ({
        category: type.associationCategory,
        typeId: type.associationTypeId,
        label: typeLabel(ctx, from, to, type.associationTypeId),
      }));
      associate(ctx.portal, from, fromId, to, toId, types);
      const labels = types.flatMap((type) => (type.label ? [type.label] : []));
      return [
        {
          fromObjectTypeId: objectTypeIds[from],
          fromObjectId: Number(fromId),
          toObjectTypeId: objectTypeIds[to],
          toObjectId: Number(toId),
          labels,
        },
      ];
    });
    const { httpStatus, body } = batchResponse(results, errors, startedAt, isoAt(ctx.now()));
    res.status(httpStatus === 200 ? 201 : httpStatus).json(body);
  });
  router.put('/crm/v4/objects/:from/:fromId/associations/default/:to/:toId', (req, res) => {
    const { from = '', to = '', fromId = '', toId = '' } = req.params;
    if (!isCrmObjectType(from) || !isCrmObjectType(to))
      return sendHubSpotError(res, 400, 'VALIDATION_ERROR', `Unknown object types ${from}/${to}`);
    if (!ctx.portal.records[from].has(fromId) || !ctx.portal.records[to].has(toId))
      return sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', 'resource not found');
    associate(ctx.portal, from, fromId, to, toId, definedTypes(from, to));
    res.json({
      status: 'COMPLETE',
      results: [
        {
          from: { id: fromId },
          to: { id: toId },
          associationSpec: {
            associationCategory: 'HUBSPOT_DEFINED',
            associationTypeId: definedTypes(from, to)[0]?.typeId,
          },
        },
      ],
      startedAt: isoAt(ctx.now()),
      completedAt: isoAt(ctx.now()),
    });
  });
  router.get('/crm/v4/associations/:from/:to/labels', (req, res) => {
    const { from = '', to = '' } = req.params;
    if (!isCrmObjectType(from) || !isCrmObjectType(to))
      return sendHubSpotError(res, 400, 'VALIDATION_ERROR', `Unknown object types ${from}/${to}`);
    res.json({
      results: [
        ...definedTypes(from, to, true),
        ...(ctx.portal.associationLabels.get(`${from}|${to}`) ?? []),
      ],
    });
  });
  router.post('/crm/v4/associations/:from/:to/labels', (req, res) => {
    const { from = '', to = '' } = req.params;
    if (!isCrmObjectType(from) || !isCrmObjectType(to))
      return sendHubSpotError(res, 400, 'VALIDATION_ERROR', `Unknown object types ${from}/${to}`);
    const { label, inverseLabel } = (req.body ?? {}) as { label?: string; inverseLabel?: string };
    if (!label) return sendHubSpotError(res, 400, 'VALIDATION_ERROR', 'label is required');
    const typeId = 1_000 + ctx.portal.associationLabels.size * 2;
    const forward: AssociationType = { category: 'USER_DEFINED', typeId, label };
    const backward: AssociationType = {
      category: 'USER_DEFINED',
      typeId: typeId + 1,
      label: inverseLabel ?? label,
    };
    ctx.portal.associationLabels.set(`${from}|${to}`, [
      ...(ctx.portal.associationLabels.get(`${from}|${to}`) ?? []),
      forward,
    ]);
    ctx.portal.associationLabels.set(`${to}|${from}`, [
      ...(ctx.portal.associationLabels.get(`${to}|${from}`) ?? []),
      backward,
    ]);
    res.json({ results: [forward, ...(from === to ? [] : [backward])] });
  });
  return router;
}
