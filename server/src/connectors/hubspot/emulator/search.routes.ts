import express, { type Router } from 'express';
import { hubspotLimits } from '../provider.ts';
import { resolveObjectType } from './custom-objects.ts';
import type { EmulatorContext } from './emulator-context.ts';
import { sendHubSpotError } from './hubspot-error.ts';
import { recordView } from './record-view.ts';
import {
  filterOperators,
  matchesGroups,
  sortRecords,
  type SearchFilter,
  type SearchSort,
} from './search-filter.ts';

interface SearchBody {
  filterGroups?: { filters: SearchFilter[] }[];
  /** The client sends property names; the documentation shows `{propertyName, direction}`. */
  sorts?: (SearchSort | string)[];
  properties?: string[];
  limit?: number;
  after?: string | number;
}

/** `POST /crm/v3/objects/{type}/search`: filters, one sort, `after` cursors, ≤ 200 per page, 10,000 results. */
export function searchRoutes(ctx: EmulatorContext): Router {
  const router = express.Router();
  router.post('/crm/v3/objects/:objectType/search', (req, res) => {
    const type = resolveObjectType(ctx.portal, req.params.objectType ?? '');
    if (!type)
      return sendHubSpotError(
        res,
        400,
        'VALIDATION_ERROR',
        `Unable to infer object type from: ${req.params.objectType}`,
      );
    const body = (req.body ?? {}) as SearchBody;
    const limit = body.limit ?? 10;
    if (!Number.isInteger(limit) || limit < 1 || limit > hubspotLimits.searchPageSize) {
      return sendHubSpotError(
        res,
        400,
        'VALIDATION_ERROR',
        `limit must be between 1 and ${hubspotLimits.searchPageSize}, got ${String(limit)}`,
      );
    }
    const groups = body.filterGroups ?? [];
    const bad = groups
      .flatMap((group) => group.filters)
      .find((filter) => !filterOperators.includes(filter.operator));
    if (bad)
      return sendHubSpotError(
        res,
        400,
        'VALIDATION_ERROR',
        `Invalid operator ${String(bad.operator)} for property ${bad.propertyName}`,
      );
    const after = Number(body.after ?? 0);
    // HubSpot serves at most 10,000 results per query: paging past them is a 400, not an empty page.
    if (!Number.isInteger(after) || after < 0 || after >= hubspotLimits.searchResultCap) {
      return sendHubSpotError(
        res,
        400,
        'VALIDATION_ERROR',
        `Search results are limited to ${hubspotLimits.searchResultCap} records; after=${String(body.after)} is beyond them.`,
      );
    }
    const matching = sortRecords(
      [...(ctx.portal.records[type]?.values() ?? [])].filter(
        (record) => !record.archived && matchesGroups(record, groups),
      ),
      (body.sorts ?? []).map((sort) =>
        typeof sort === 'string' ? { propertyName: sort, direction: 'ASCENDING' as const } : sort,
      ),
    );
    const end = Math.min(after + limit, matching.length, hubspotLimits.searchResultCap);
    const page = matching.slice(after, end).map((record) => recordView(type, record, body.properties));
    const next =
      end < Math.min(matching.length, hubspotLimits.searchResultCap)
        ? { paging: { next: { after: String(end) } } }
        : {};
    res.json({ total: matching.length, results: page, ...next });
  });
  return router;
}
