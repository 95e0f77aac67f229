import express, { type Router } from 'express';
import type { FaultSettings } from './emulator-faults.ts';
import type { EmulatorState } from './emulator-state.ts';
import { runCollection, type CollectionAnswer } from './collections.route.ts';
import { describeObject } from './describe.route.ts';
import { sendRestError } from './salesforce-errors.ts';

/** One subrequest of `POST /composite`, as documented: method, url, referenceId, body. */
interface Subrequest {
  method: string;
  url: string;
  referenceId: string;
  body?: unknown;
}

const maxSubrequests = 25;
const maxCollections = 5;

/**
 * `POST /composite`: up to 25 subrequests in one API call, of which at most 5 sObject Collections. This
 * emulator answers the sObject Collections subrequests (create, update, upsert by external id) and `describe`
 * — what the connector sends — and refuses any other with `NOT_FOUND`, in the documented response shape
 * `{compositeResponse: [{body, httpHeaders, httpStatusCode, referenceId}]}`.
 */
export function compositeRouter(state: EmulatorState, faults: FaultSettings, base: string): Router {
  const router = express.Router();
  router.post('/composite', (req, res) => {
    const body = req.body as { allOrNone?: unknown; compositeRequest?: unknown } | undefined;
    const requests = body?.compositeRequest;
    if (!Array.isArray(requests) || requests.length === 0 || requests.some((r) => !isSubrequest(r))) {
      sendRestError(res, 400, 'JSON_PARSER_ERROR', 'compositeRequest must be a list of subrequests');
      return;
    }
    if (requests.length > maxSubrequests) {
      sendRestError(res, 400, 'INVALID_BATCH_REQUEST', `Limit is ${maxSubrequests} subrequests`);
      return;
    }
    const subrequests = requests as Subrequest[];
    if (subrequests.filter((r) => collectionMode(r, base) !== null).length > maxCollections) {
      sendRestError(
        res,
        400,
        'INVALID_BATCH_REQUEST',
        `A composite request can hold at most ${maxCollections} sObject Collections or query subrequests`,
      );
      return;
    }
    const compositeResponse = subrequests.map((subrequest) => {
      const mode = collectionMode(subrequest, base);
      const describe = new RegExp(`^${base.replace(/\./g, '\\.')}/sobjects/(\\w+)/describe/?$`).exec(
        subrequest.url,
      );
      const answer: CollectionAnswer = mode
        ? runCollection(state, faults, mode.mode, subrequest.body, mode.params)
        : describe?.[1] && subrequest.method.toUpperCase() === 'GET'
          ? describeObject(faults, base, describe[1])
          : {
              status: 404,
              body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }],
            };
      return {
        body: answer.body,
        httpHeaders: {},
        httpStatusCode: answer.status,
        referenceId: subrequest.referenceId,
      };
    });
    res.json({ compositeResponse });
  });
  return router;
}

function isSubrequest(value: unknown): value is Subrequest {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return typeof r.method === 'string' && typeof r.url === 'string' && typeof r.referenceId === 'string';
}

function collectionMode(subrequest: Subrequest, base: string) {
  const path = subrequest.url.split('?')[0] ?? '';
  if (!path.startsWith(`${base}/composite/sobjects`)) return null;
  const rest = path.slice(`${base}/composite/sobjects`.length);
  const method = subrequest.method.toUpperCase();
  if (rest === '' && method === 'POST') return { mode: 'create' as const, params: {} };
  if (rest === '' && method === 'PATCH') return { mode: 'update' as const, params: {} };
  const upsert = /^\/(\w+)\/(\w+)$/.exec(rest);
  if (upsert && method === 'PATCH') {
    return { mode: 'upsert' as const, params: { sobject: upsert[1], externalIdField: upsert[2] } };
  }
  return null;
}
