import {
  orgConfigSchema,
  priceBookSchema,
  RipeError,
  toFieldIssues,
  type OrgConfig,
  type OrgConfigInput,
  type PriceBook,
} from '@ripe/shared';
import type { z } from 'zod';
import type { OrgTransaction } from './org-scope.ts';
import { firstRow, toJson } from './rows.ts';

export type CrmKind = 'salesforce' | 'hubspot' | 'sandbox';

export interface Org {
  id: string;
  name: string;
  crm: CrmKind;
  /** Salesforce org id or HubSpot portal id. */
  externalId: string | null;
  config: OrgConfig;
  priceBook: PriceBook | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewOrg {
  name: string;
  crm: CrmKind;
  externalId?: string;
  config?: OrgConfigInput;
  priceBook?: PriceBook;
}

export interface OrgSettingsChange {
  config?: OrgConfigInput;
  /** `null` removes the price book. */
  priceBook?: PriceBook | null;
}

interface OrgRow {
  id: string;
  name: string;
  crm: CrmKind;
  external_id: string | null;
  config: unknown;
  price_book: unknown;
  created_at: Date;
  updated_at: Date;
}

const orgColumns = 'id, name, crm, external_id, config, price_book, created_at, updated_at';

/**
 * Provisions the org of the transaction (its id is the one the transaction acts for) with its
 * connection: a sandbox is connected at once, a CRM waits for an admin to authorise it.
 */
export async function createOrg(tx: OrgTransaction, org: NewOrg): Promise<Org> {
  const config = validate(orgConfigSchema, org.config ?? {}, 'config');
  const priceBook = org.priceBook ? validate(priceBookSchema, org.priceBook, 'price_book') : null;
  const { rows } = await tx.query<OrgRow>(
    `insert into orgs (id, name, crm, external_id, config, price_book)
     values ($1, $2, $3, $4, $5::jsonb, $6::jsonb)
     returning ${orgColumns}`,
    [tx.orgId, org.name, org.crm, org.externalId ?? null, JSON.stringify(config), toJson(priceBook)],
  );
  return toOrg(firstRow(rows));
}

export async function getOrg(tx: OrgTransaction): Promise<Org | undefined> {
  const { rows } = await tx.query<OrgRow>(`select ${orgColumns} from orgs where id = $1`, [tx.orgId]);
  return rows[0] ? toOrg(rows[0]) : undefined;
}

/** Replaces the rules config and/or the price book; what is not given stays as it is. */
export async function updateOrgSettings(tx: OrgTransaction, change: OrgSettingsChange): Promise<Org> {
  const config = change.config === undefined ? null : validate(orgConfigSchema, change.config, 'config');
  const priceBook = change.priceBook ? validate(priceBookSchema, change.priceBook, 'price_book') : null;
  const { rows } = await tx.query<OrgRow>(
    `update orgs set
       config = coalesce($2::jsonb, config),
       price_book = case when $3::boolean then $4::jsonb else price_book end,
       updated_at = now()
     where id = $1
     returning ${orgColumns}`,
    [tx.orgId, toJson(config), change.priceBook !== undefined, toJson(priceBook)],
  );
  if (!rows[0]) throw new RipeError('not_found', `Org ${tx.orgId} does not exist`);
  return toOrg(rows[0]);
}

/**
 * Records the CRM instance the org is connected to (a HubSpot portal id), by which inbound calls that name
 * the instance find the org. One instance belongs to one org: another org's is a `conflict`.
 */
export async function setOrgExternalId(tx: OrgTransaction, externalId: string): Promise<void> {
  try {
    await tx.query('update orgs set external_id = $2, updated_at = now() where id = $1', [
      tx.orgId,
      externalId,
    ]);
  } catch (error) {
    // 23505: unique violation (PostgreSQL and PGlite)
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === '23505') {
      throw new RipeError('conflict', 'This CRM account is already connected to another Ripe org', {
        cause: error,
      });
    }
    throw error;
  }
}

function toOrg(row: OrgRow): Org {
  return {
    id: row.id,
    name: row.name,
    crm: row.crm,
    externalId: row.external_id,
    config: orgConfigSchema.parse(row.config),
    priceBook: row.price_book === null ? null : priceBookSchema.parse(row.price_book),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function validate<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  record: string,
): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new RipeError('invalid_config', `The org's ${record} is invalid`, {
      issues: toFieldIssues(record, '(org)', parsed.error),
    });
  }
  return parsed.data;
}
