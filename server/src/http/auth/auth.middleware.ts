import { RipeError } from '@ripe/shared';
import type { RequestHandler, Response } from 'express';
import { authenticateApiKey } from '../../access/authenticate.ts';
import { roleAtLeast, type ApiKeyScope, type AuthContext, type MemberRole } from '../../access/roles.ts';
import type { Database } from '../../store/database.ts';

const bearer = /^Bearer\s+(\S+)\s*$/i;

/** The caller that `authenticate` found; a programmer error to ask before it ran. */
export function authOf(res: Response): AuthContext {
  const auth: unknown = res.locals.auth;
  if (!auth) throw new Error('authenticate() must run before authOf()');
  return auth as AuthContext;
}

/** `Authorization: Bearer <API key>` → `res.locals.auth`; 401 for a missing or bad key. */
export function authenticate(deps: { db: Database }): RequestHandler {
  return async (req, res, next) => {
    const match = bearer.exec(req.headers.authorization ?? '');
    const auth = match?.[1] ? await authenticateApiKey(deps.db, match[1]) : undefined;
    if (!auth)
      throw new RipeError('unauthenticated', 'A valid API key is required (Authorization: Bearer …)');
    res.locals.auth = auth;
    next();
  };
}

/**
 * The server-side membership check: the path's org must be the caller's org — any other org id is
 * 404, exactly like an org that does not exist, so ids cannot be probed — and the caller's role and
 * key scopes must allow the route (403).
 */
export function requireOrgAccess(
  minRole: MemberRole,
  scope?: ApiKeyScope,
  options: { skipMembershipCheck?: boolean } = {},
): RequestHandler {
  return (req, res, next) => {
    const auth = authOf(res);
    if (!options.skipMembershipCheck && req.params.orgId !== auth.orgId) {
      throw new RipeError('not_found', 'Org not found');
    }
    if (!roleAtLeast(auth.role, minRole)) {
      throw new RipeError('forbidden', `This needs the ${minRole} role or above`);
    }
    if (scope && !auth.scopes.includes(scope)) {
      throw new RipeError('forbidden', `This needs an API key with the ${scope} scope`);
    }
    next();
  };
}
