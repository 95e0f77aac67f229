import type { Request, Response } from 'express';
import { z } from 'zod';
import type { ApiKeyScope, AuthContext, MemberRole } from '../../access/roles.ts';
import type { OrgTransaction } from '../../store/org-scope.ts';
import type { RouterDeps } from '../router-deps.ts';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type SuccessStatus = 200 | 201 | 202 | 204;

/**
 * Who may call a route: an org's members (role + key scope) on a path naming the org, the holder of
 * an org's key on a path that does not (`key`: the org is the key's own, e.g. `POST /v1/usage`), or
 * anyone, with the reason why.
 */
export type RouteAccess =
  | { kind: 'org'; role: MemberRole; scope: ApiKeyScope }
  | { kind: 'key'; role: MemberRole; scope: ApiKeyScope }
  | { kind: 'public'; reason: string }
  | { kind: 'hubspot'; role: MemberRole };

type EmptyObject = z.ZodObject<Record<never, never>>;

/** What a handler receives: validated input and, on org routes, the caller and their org's scope. */
export interface RouteContext<Params, Query, Body> {
  params: Params;
  query: Query;
  body: Body;
  req: Request;
  res: Response;
  deps: RouterDeps;
}

export interface OrgRouteContext<Params, Query, Body> extends RouteContext<Params, Query, Body> {
  auth: AuthContext;
  /** The caller's org (the one in the path: the membership check made them equal). */
  orgId: string;
  /** Runs `fn` in one transaction as ripe_app, row-level security set to the caller's org. */
  withOrg<T>(fn: (tx: OrgTransaction) => Promise<T>): Promise<T>;
}

interface RouteSchemas<
  Params extends z.ZodObject,
  Query extends z.ZodObject,
  Body extends z.ZodType,
  Result extends z.ZodType,
> {
  method: HttpMethod;
  /** Express path under `/v1`, e.g. `/orgs/:orgId/members/:memberId`. */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  /** Path parameters; every `:name` of the path must be a key. */
  params: Params;
  query?: Query;
  body?: Body;
  /** A valid body: the OpenAPI example, and what the cross-org suite sends. Required with a body. */
  bodyExample?: z.input<Body>;
  /** Largest body the route takes, e.g. `8mb`; the server's `RIPE_BODY_LIMIT` unless told. */
  bodyLimit?: string;
  /** Media types the body may be sent as; `application/json` unless told (415 for any other). */
  bodyContentTypes?: readonly string[];
  /**
   * A key of the body holding an array whose items the handler validates one at a time, so that one
   * bad item is rejected alone (usage points): the router's text guard leaves those items to it.
   */
  itemsCheckedByHandler?: string;
  /** 200 unless told; 204 sends no body. */
  status?: SuccessStatus;
  response: Result;
  /**
   * A response that is not JSON (a file, a stream): the handler writes it to `res` itself and
   * `response` only documents it.
   */
  rawResponse?: { contentType: string };
}

export interface OrgRouteSpec<
  Params extends z.ZodObject,
  Query extends z.ZodObject,
  Body extends z.ZodType,
  Result extends z.ZodType,
> extends RouteSchemas<Params, Query, Body, Result> {
  access: { role: MemberRole; scope: ApiKeyScope };
  handler(ctx: OrgRouteContext<z.output<Params>, z.output<Query>, z.output<Body>>): Promise<z.input<Result>>;
}

export interface PublicRouteSpec<
  Params extends z.ZodObject,
  Query extends z.ZodObject,
  Body extends z.ZodType,
  Result extends z.ZodType,
> extends RouteSchemas<Params, Query, Body, Result> {
  /** Why no API key is needed (a signature, a health probe, the API's own description…). */
  publicBecause: string;
  handler(ctx: RouteContext<z.output<Params>, z.output<Query>, z.output<Body>>): Promise<z.input<Result>>;
}

/** Who called through HubSpot: the portal and user HubSpot signed for, and the member they are in Ripe. */
export interface HubSpotCaller {
  portalId: string;
  userId: string;
  userEmail: string;
  memberId: string;
  role: MemberRole;
}

export interface HubSpotRouteContext<Params, Query, Body> extends RouteContext<Params, Query, Body> {
  caller: HubSpotCaller;
  /** The org connected to the caller's portal. */
  orgId: string;
  /** Runs `fn` in one transaction as ripe_app, row-level security set to the portal's org. */
  withOrg<T>(fn: (tx: OrgTransaction) => Promise<T>): Promise<T>;
}

export interface HubSpotRouteSpec<
  Params extends z.ZodObject,
  Query extends z.ZodObject,
  Body extends z.ZodType,
  Result extends z.ZodType,
> extends RouteSchemas<Params, Query, Body, Result> {
  /** The least role the caller's member needs (a HubSpot user of the portal is a `member` at first). */
  role: MemberRole;
  handler(
    ctx: HubSpotRouteContext<z.output<Params>, z.output<Query>, z.output<Body>>,
  ): Promise<z.input<Result>>;
}

/** A route with its types erased, as routers and the OpenAPI registry hold it. */
export interface ApiRoute extends RouteSchemas<z.ZodObject, z.ZodObject, z.ZodType, z.ZodType> {
  access: RouteAccess;
  handle(
    ctx: RouteContext<unknown, unknown, unknown> &
      Partial<OrgRouteContext<unknown, unknown, unknown>> &
      Partial<HubSpotRouteContext<unknown, unknown, unknown>>,
  ): Promise<unknown>;
}

/**
 * A route under `/v1/orgs/:orgId/…`: the caller needs an API key of that org whose member has at
 * least `access.role` and whose scopes include `access.scope`.
 *
 * @example defineOrgRoute({ method: 'get', path: '/orgs/:orgId/runs', access: { role: 'member', scope: 'read' }, … })
 */
export function defineOrgRoute<
  Params extends z.ZodObject,
  Body extends z.ZodType = z.ZodUndefined,
  Result extends z.ZodType = z.ZodType,
  Query extends z.ZodObject = EmptyObject,
>(spec: OrgRouteSpec<Params, Query, Body, Result>): ApiRoute {
  if (!spec.path.startsWith('/orgs/:orgId'))
    throw new Error(`Org route ${spec.path} must start /orgs/:orgId`);
  const { access, handler, ...schemas } = spec;
  return {
    ...schemas,
    access: { kind: 'org', ...access },
    handle: (ctx) => handler(ctx as OrgRouteContext<z.output<Params>, z.output<Query>, z.output<Body>>),
  };
}

/**
 * A route whose org is the caller's API key's own, for machine clients that know their key but not
 * their org id (usage ingest). Its path names no org; access is checked like an org route's.
 *
 * @example defineKeyRoute({ method: 'post', path: '/usage', access: { role: 'member', scope: 'write' }, … })
 */
export function defineKeyRoute<
  Params extends z.ZodObject,
  Body extends z.ZodType = z.ZodUndefined,
  Result extends z.ZodType = z.ZodType,
  Query extends z.ZodObject = EmptyObject,
>(spec: OrgRouteSpec<Params, Query, Body, Result>): ApiRoute {
  if (spec.path.includes(':orgId')) throw new Error(`Key route ${spec.path} must not name an org`);
  const { access, handler, ...schemas } = spec;
  return {
    ...schemas,
    access: { kind: 'key', ...access },
    handle: (ctx) => handler(ctx as OrgRouteContext<z.output<Params>, z.output<Query>, z.output<Body>>),
  };
}

/** A route anyone may call; say why in `publicBecause`. */
export function definePublicRoute<
  Params extends z.ZodObject,
  Body extends z.ZodType = z.ZodUndefined,
  Result extends z.ZodType = z.ZodType,
  Query extends z.ZodObject = EmptyObject,
>(spec: PublicRouteSpec<Params, Query, Body, Result>): ApiRoute {
  const { publicBecause, handler, ...schemas } = spec;
  return {
    ...schemas,
    access: { kind: 'public', reason: publicBecause },
    handle: (ctx) => handler(ctx as RouteContext<z.output<Params>, z.output<Query>, z.output<Body>>),
  };
}

/**
 * The query parameters HubSpot appends to every `hubspot.fetch` call: who is calling, from which portal and
 * app. They are part of the signed URL, so they can be trusted once the signature is.
 */
export const hubspotCallerQuery = {
  portalId: z
    .string()
    .regex(/^\d{1,20}$/)
    .meta({ description: 'The HubSpot account (portal) id' }),
  userId: z
    .string()
    .regex(/^\d{1,20}$/)
    .meta({ description: "The HubSpot user's id" }),
  userEmail: z.email().max(320).meta({ description: "The HubSpot user's primary email" }),
  appId: z
    .string()
    .regex(/^\d{1,20}$/)
    .optional()
    .meta({ description: "Ripe's app id in HubSpot" }),
};

/**
 * A route under `/hubspot/…` that the HubSpot app calls with `hubspot.fetch`: no API key, but a
 * `X-HubSpot-Signature-v3` signed with the app's client secret; the org is the portal's, the member the
 * HubSpot user's. HubSpot's caller parameters are added to the route's query.
 *
 * @example defineHubSpotRoute({ method: 'get', path: '/hubspot/card', role: 'member', … })
 */
export function defineHubSpotRoute<
  Params extends z.ZodObject,
  Body extends z.ZodType = z.ZodUndefined,
  Result extends z.ZodType = z.ZodType,
  Query extends z.ZodObject = EmptyObject,
>(spec: HubSpotRouteSpec<Params, Query, Body, Result>): ApiRoute {
  if (!spec.path.startsWith('/hubspot/')) throw new Error(`HubSpot route ${spec.path} must start /hubspot/`);
  const { role, handler, query, ...schemas } = spec;
  return {
    ...schemas,
    query: (query ?? z.object({})).extend(hubspotCallerQuery),
    access: { kind: 'hubspot', role },
    handle: (ctx) => handler(ctx as HubSpotRouteContext<z.output<Params>, z.output<Query>, z.output<Body>>),
  };
}
