import express, { type Router } from 'express';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { FaultSettings } from './emulator-faults.ts';
import type { EmulatorState, FieldValue } from './emulator-state.ts';
import { runCollection } from './collections.route.ts';
import { SalesforceRestError, sendRestError } from './salesforce-errors.ts';
import { findField, findObject, type ObjectSchema } from './sobject-schema.ts';
import { kindOf } from './soql/soql-values.ts';
import { runQuery, subqueryValues, type QueryRow } from './soql/run-query.ts';
import { planQuery } from './soql/soql-plan.ts';

interface QueryJob {
  id: string;
  object: string;
  fields: string[];
  rows: QueryRow[];
  createdDate: string;
}

interface IngestJob {
  id: string;
  object: string;
  operation: 'insert' | 'update' | 'upsert';
  externalIdFieldName?: string;
  state: 'Open' | 'UploadComplete' | 'JobComplete' | 'Failed' | 'Aborted';
  errorMessage?: string;
  csv: string[];
  successful: Record<string, string>[];
  failed: Record<string, string>[];
  createdDate: string;
}

const stamp = (state: EmulatorState) => new Date(state.now()).toISOString().replace('Z', '+0000');
const csvValue = (value: FieldValue | undefined) =>
  value === null || value === undefined ? '' : String(value);

/**
 * Bulk API 2.0, as documented: query jobs (create, status, CSV results paged by `Sforce-Locator`, with
 * `Sforce-NumberOfRecords`) and ingest jobs (create, upload CSV, close with `UploadComplete`, status, successful
 * and failed results in CSV with `sf__Id`, `sf__Created` and `sf__Error`). Jobs run at once: the first status
 * read after a close says `JobComplete`.
 */
export function bulk2Router(state: EmulatorState, faults: FaultSettings, base: string): Router {
  const router = express.Router();
  const queries = new Map<string, QueryJob>();
  const ingests = new Map<string, IngestJob>();
  const user = () => state.apiUserId;

  const queryInfo = (job: QueryJob) => ({
    id: job.id,
    operation: 'query',
    object: job.object,
    createdById: user(),
    createdDate: job.createdDate,
    systemModstamp: job.createdDate,
    state: 'JobComplete',
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: Number(base.split('v').pop()),
    lineEnding: 'LF',
    columnDelimiter: 'COMMA',
    numberRecordsProcessed: job.rows.length,
    retries: 0,
    totalProcessingTime: 0,
  });

  router.post('/jobs/query', (req, res) => {
    const body = (req.body ?? {}) as { operation?: unknown; query?: unknown };
    if (body.operation !== 'query' || typeof body.query !== 'string') {
      sendRestError(res, 400, 'INVALIDJOB', 'operation must be query and query a SOQL string');
      return;
    }
    try {
      const plan = planQuery(body.query, faults, subqueryValues(state.tables, faults));
      const rows = runQuery(plan, state.tables[plan.object.name].values());
      const job: QueryJob = {
        id: state.newId('BulkJob'),
        object: plan.object.name,
        fields: plan.fields.map((f) => f.name),
        rows,
        createdDate: stamp(state),
      };
      queries.set(job.id, job);
      res.json({ ...queryInfo(job), state: 'UploadComplete' });
    } catch (error) {
      if (!(error instanceof SalesforceRestError)) throw error;
      sendRestError(res, error.status, error.errorCode, error.message);
    }
  });
  router.get('/jobs/query/:id', (req, res) => {
    const job = queries.get(req.params.id);
    if (!job) return void sendRestError(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
    res.json(queryInfo(job));
  });
  router.get('/jobs/query/:id/results', (req, res) => {
    const job = queries.get(req.params.id);
    if (!job) return void sendRestError(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
    const from = typeof req.query.locator === 'string' ? Number.parseInt(req.query.locator, 36) : 0;
    const max = typeof req.query.maxRecords === 'string' ? Number(req.query.maxRecords) : 50_000;
    if (!Number.isInteger(from) || from < 0 || !Number.isInteger(max) || max < 1) {
      return void sendRestError(res, 400, 'INVALID_QUERY_LOCATOR', 'invalid locator or maxRecords');
    }
    const page = job.rows.slice(from, from + max);
    const next = from + page.length < job.rows.length ? (from + page.length).toString(36) : 'null';
    res.setHeader('Sforce-Locator', next);
    res.setHeader('Sforce-NumberOfRecords', String(page.length));
    res.type('text/csv').send(
      stringify(
        page.map((row) => job.fields.map((f) => csvValue(row.fields[f]))),
        { header: true, columns: job.fields, record_delimiter: '\n' },
      ),
    );
  });

  const ingestInfo = (job: IngestJob) => ({
    id: job.id,
    operation: job.operation,
    object: job.object,
    createdById: user(),
    createdDate: job.createdDate,
    state: job.state,
    ...(job.externalIdFieldName ? { externalIdFieldName: job.externalIdFieldName } : {}),
    ...(job.errorMessage ? { errorMessage: job.errorMessage } : {}),
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: Number(base.split('v').pop()),
    lineEnding: 'LF',
    columnDelimiter: 'COMMA',
    ...(job.state === 'JobComplete'
      ? {
          numberRecordsProcessed: job.successful.length + job.failed.length,
          numberRecordsFailed: job.failed.length,
        }
      : {}),
  });

  router.post('/jobs/ingest', (req, res) => {
    const body = (req.body ?? {}) as { object?: unknown; operation?: unknown; externalIdFieldName?: unknown };
    const schema = typeof body.object === 'string' ? findObject(body.object, faults) : undefined;
    const operation = body.operation;
    if (!schema || (operation !== 'insert' && operation !== 'update' && operation !== 'upsert')) {
      return void sendRestError(
        res,
        400,
        'INVALIDJOB',
        'object must exist; operation insert, update or upsert',
      );
    }
    if (operation === 'upsert' && typeof body.externalIdFieldName !== 'string') {
      return void sendRestError(res, 400, 'INVALIDJOB', 'An upsert needs externalIdFieldName');
    }
    const job: IngestJob = {
      id: state.newId('BulkJob'),
      object: schema.name,
      operation,
      ...(typeof body.externalIdFieldName === 'string'
        ? { externalIdFieldName: body.externalIdFieldName }
        : {}),
      state: 'Open',
      csv: [],
      successful: [],
      failed: [],
      createdDate: stamp(state),
    };
    ingests.set(job.id, job);
    res.json(ingestInfo(job));
  });
  router.put('/jobs/ingest/:id/batches', express.text({ type: 'text/csv', limit: '150mb' }), (req, res) => {
    const job = ingests.get(req.params.id);
    if (!job) return void sendRestError(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
    if (job.state !== 'Open') return void sendRestError(res, 409, 'INVALIDJOBSTATE', 'The job is not open');
    job.csv.push(String(req.body ?? ''));
    res.status(201).end();
  });
  router.patch('/jobs/ingest/:id', (req, res) => {
    const job = ingests.get(req.params.id);
    if (!job) return void sendRestError(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
    const wanted = (req.body as { state?: unknown } | undefined)?.state;
    if (wanted === 'Aborted') job.state = 'Aborted';
    else if (wanted === 'UploadComplete' && job.state === 'Open') {
      job.state = 'UploadComplete';
      processIngest(state, faults, job);
    } else return void sendRestError(res, 400, 'INVALIDJOBSTATE', `Cannot move the job to ${String(wanted)}`);
    res.json(ingestInfo(job));
  });
  router.get('/jobs/ingest/:id', (req, res) => {
    const job = ingests.get(req.params.id);
    if (!job) return void sendRestError(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
    res.json(ingestInfo(job));
  });
  for (const [path, pick] of [
    ['successfulResults', (job: IngestJob) => job.successful],
    ['failedResults', (job: IngestJob) => job.failed],
    // A job runs whole once closed; one that failed processed none of its records.
    ['unprocessedrecords', (job: IngestJob) => (job.state === 'Failed' ? csvRows(job) : [])],
  ] as const) {
    router.get(`/jobs/ingest/:id/${path}`, (req, res) => {
      const job = ingests.get(req.params.id);
      if (!job) return void sendRestError(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
      const rows = pick(job);
      const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
      res.type('text/csv').send(stringify(rows, { header: true, columns, record_delimiter: '\n' }));
    });
  }
  return router;
}

/**
 * Runs the job's records through the collection engine, 200 at a time. As Salesforce does, a header naming a
 * field the org lacks fails the whole job (`InvalidBatch : Field name not found`), before any record is written.
 */
function processIngest(state: EmulatorState, faults: FaultSettings, job: IngestJob): void {
  const schema = findObject(job.object, faults);
  const records = csvRows(job);
  const header = [...new Set(records.flatMap((row) => Object.keys(row)))];
  const unknown = header.find((name) => !schema || !findField(schema, name, faults));
  if (unknown !== undefined) {
    job.state = 'Failed';
    job.errorMessage = `InvalidBatch : Field name not found : ${unknown}`;
    return;
  }
  const mode = job.operation === 'insert' ? 'create' : job.operation;
  for (let i = 0; i < records.length; i += 200) {
    const chunk = records.slice(i, i + 200);
    const answer = runCollection(
      state,
      faults,
      mode,
      {
        allOrNone: false,
        records: chunk.map((row) => ({
          attributes: { type: job.object },
          // An empty cell leaves the field as it is; `#N/A` sets it to null.
          ...Object.fromEntries(
            Object.entries(row)
              .filter(([, v]) => v !== '')
              .map(([k, v]) => [k, v === '#N/A' ? null : typed(schema, k, v)]),
          ),
        })),
      },
      { sobject: job.object, externalIdField: job.externalIdFieldName },
    );
    const results = Array.isArray(answer.body)
      ? (answer.body as {
          id?: string;
          success: boolean;
          created?: boolean;
          errors: { statusCode: string; message: string; fields: string[] }[];
        }[])
      : [];
    chunk.forEach((row, k) => {
      const result = results[k];
      if (result?.success) {
        job.successful.push({
          sf__Id: result.id ?? '',
          sf__Created: String(result.created ?? mode === 'create'),
          ...row,
        });
      } else {
        const error = result?.errors[0];
        const message = error
          ? `${error.statusCode}:${error.message}:${error.fields.join(',')}`
          : 'UNKNOWN_EXCEPTION';
        job.failed.push({ sf__Id: result?.id ?? '', sf__Error: message, ...row });
      }
    });
  }
  job.state = 'JobComplete';
}

/** The job's uploaded records, one object per CSV row. */
function csvRows(job: IngestJob): Record<string, string>[] {
  return job.csv.flatMap(
    (text) => parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[],
  );
}

/** A CSV cell as the field's type stores it: numbers and booleans parsed, an empty cell null. */
function typed(schema: ObjectSchema | undefined, name: string, raw: string): FieldValue {
  if (raw === '') return null;
  const field = schema && findField(schema, name, { packageInstalled: true, hiddenFields: new Set() });
  const kind = field ? kindOf(field) : 'text';
  if (kind === 'number' && Number.isFinite(Number(raw))) return Number(raw);
  if (kind === 'boolean') return raw.toLowerCase() === 'true';
  return raw;
}
