import express, { type Router } from 'express';
import { salesforceProvider } from '../provider.ts';
import type { FaultSettings } from './emulator-faults.ts';
import type { EmulatorState, FieldValue } from './emulator-state.ts';
import { SalesforceRestError, sendRestError } from './salesforce-errors.ts';
import { runQuery, subqueryValues, type QueryRow } from './soql/run-query.ts';
import { planQuery } from './soql/soql-plan.ts';

/** The documented query response: `{totalSize, done, nextRecordsUrl?, records}`. */
export interface QueryResponse {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: QueryRecord[];
}

/** A record as a query returns it: `attributes` first, then the selected fields. */
export type QueryRecord = Record<string, FieldValue | { type: string; url: string }>;

export function queryRouter(state: EmulatorState, faults: FaultSettings, base: string): Router {
  const router = express.Router();
  const pageSize = salesforceProvider.pageSize;

  const page = (locator: string, type: string, rows: readonly QueryRow[], from: number): QueryResponse => {
    const to = Math.min(from + pageSize, rows.length);
    const records = rows.slice(from, to).map((row) => ({
      attributes: { type, url: `${base}/sobjects/${type}/${row.id}` },
      ...row.fields,
    }));
    const done = to >= rows.length;
    if (done) state.queryCursors.delete(locator);
    return {
      totalSize: rows.length,
      done,
      ...(done ? {} : { nextRecordsUrl: `${base}/query/${locator}-${to}` }),
      records,
    };
  };
  router.get('/query', (req, res) => {
    const soql = req.query.q;
    if (typeof soql !== 'string' || soql.trim() === '') {
      sendRestError(res, 400, 'MALFORMED_QUERY', 'A query string has to be specified');
      return;
    }
    try {
      const plan = planQuery(soql, faults, subqueryValues(state.tables, faults));
      const rows = runQuery(plan, state.tables[plan.object.name].values());
      const locator = state.newId('QueryLocator');
      state.queryCursors.set(locator, { type: plan.object.name, rows });
      res.json(page(locator, plan.object.name, rows, 0));
    } catch (error) {
      if (!(error instanceof SalesforceRestError)) throw error;
      sendRestError(res, error.status, error.errorCode, error.message);
    }
  });

  router.get('/query/:cursor', (req, res) => {
    const match = /^(01g\w+)-(\d+)$/.exec(req.params.cursor);
    const cursor = match?.[1] === undefined ? undefined : state.queryCursors.get(match[1]);
    if (!match?.[1] || !cursor) {
      sendRestError(res, 400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
      return;
    }
    res.json(page(match[1], cursor.type, cursor.rows, Number(match[2])));
  });
  return router;
}
