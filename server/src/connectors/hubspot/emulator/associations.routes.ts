import express, { type Response, type Router } from 'express';
import { hubspotLimits } from '../provider.ts';
import { batchResponse, type BatchError } from './batch-response.ts';
import {
  isCrmObjectType,
  type AssociationCategory,
  type AssociationType,
  type ObjectTypeKey,
} from './crm-records.types.ts';
import { objectTypeIdOf, resolveObjectType } from './custom-objects.ts';
import { isoAt, type EmulatorContext } from './emulator-context.ts';
import { sendHubSpotError } from './hubspot-error.ts';
import { associate, definedTypes, typesBetween } from './portal-records.ts';
import { associatedIds } from './portal-state.ts';

interface CreateInput {
  from: { id: string };
  to: { id: string };
  types: { associationCategory: AssociationCategory; associationTypeId: number }[];
}

/** The two object types of a v4 path (standard names or ids, custom type ids or fully qualified names). */
/** The route's two object types; an unknown one is answered with HubSpot's 400 (and undefined). */
function pairOf(ctx: EmulatorContext, params: { from?: string; to?: string }, res: Response) {
  const from = resolveObjectType(ctx.portal, params.from ?? '');
  const to = resolveObjectType(ctx.portal, params.to ?? '');
  if (from && to) return { from, to };
  sendHubSpotError(res, 400, 'VALIDATION_ERROR', `Unknown object types ${params.from}/${params.to}`);
  return undefined;
}

function typeLabel(
  ctx: EmulatorContext,
  from: ObjectTypeKey,
  to: ObjectTypeKey,
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
    const { action } = req.params;
    const pair = pairOf(ctx, req.params, res);
    if (!pair) return;
    const { from, to } = pair;
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
      if (!ctx.portal.records[from]?.has(fromId) || !ctx.portal.records[to]?.has(toId)) {
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
          fromObjectTypeId: objectTypeIdOf(from),
          fromObjectId: Number(fromId),
          toObjectTypeId: objectTypeIdOf(to),
          toObjectId: Number(toId),
          labels,
        },
      ];
    });
    const { httpStatus, body } = batchResponse(results, errors, startedAt, isoAt(ctx.now()));
    res.status(httpStatus === 200 ? 201 : httpStatus).json(body);
  });
  router.put('/crm/v4/objects/:from/:fromId/associations/default/:to/:toId', (req, res) => {
    const { fromId = '', toId = '' } = req.params;
    const pair = pairOf(ctx, req.params, res);
    if (!pair) return;
    const { from, to } = pair;
    if (!ctx.portal.records[from]?.has(fromId) || !ctx.portal.records[to]?.has(toId))
      return sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', 'resource not found');
    const defaults = typesBetween(ctx.portal, from, to);
    associate(ctx.portal, from, fromId, to, toId, defaults);
    res.json({
      status: 'COMPLETE',
      results: [
        {
          from: { id: fromId },
          to: { id: toId },
          associationSpec: {
            associationCategory: defaults[0]?.category ?? 'HUBSPOT_DEFINED',
            associationTypeId: defaults[0]?.typeId,
          },
        },
      ],
      startedAt: isoAt(ctx.now()),
      completedAt: isoAt(ctx.now()),
    });
  });
  router.get('/crm/v4/associations/:from/:to/labels', (req, res) => {
    const pair = pairOf(ctx, req.params, res);
    if (!pair) return;
    const { from, to } = pair;
    res.json({
      results: [
        ...(isCrmObjectType(from) && isCrmObjectType(to)
          ? definedTypes(from, to, true)
          : typesBetween(ctx.portal, from, to)),
        ...(ctx.portal.associationLabels.get(`${from}|${to}`) ?? []),
      ],
    });
  });
  router.post('/crm/v4/associations/:from/:to/labels', (req, res) => {
    const pair = pairOf(ctx, req.params, res);
    if (!pair) return;
    const { from, to } = pair;
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
