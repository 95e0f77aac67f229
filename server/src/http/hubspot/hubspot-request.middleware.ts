import { createHash } from 'node:crypto';
import { RipeError } from '@ripe/shared';
import express, { type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { findOrgByExternalId } from '../../access/org-directory.ts';
import { addMember, findMemberByEmail, type Member } from '../../access/members.repository.ts';
import { roleAtLeast, type MemberRole } from '../../access/roles.ts';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import { appRole, withOrg, type OrgTransaction } from '../../store/org-scope.ts';
import { hubspotCallerQuery, type HubSpotCaller } from '../api/api-route.ts';
import { parseJson } from '../api/json-body.ts';
import type { RouterDeps } from '../router-deps.ts';
import { checkSignatureV3 } from './signature-v3.ts';

export interface HubSpotCall extends HubSpotCaller {
  orgId: string;
}

/** The caller `hubspotSignedRequest` found; a programmer error to ask before it ran. */
export function hubspotCallOf(res: Response): HubSpotCall {
  const call: unknown = res.locals.hubspotCall;
  if (!call) throw new Error('hubspotSignedRequest() must run before hubspotCallOf()');
  return call as HubSpotCall;
}

const callerQuery = z.object(hubspotCallerQuery);
const refused = () =>
  new RipeError('unauthenticated', 'A valid HubSpot request signature is required (X-HubSpot-Signature-v3)');

/**
 * Guards a route the HubSpot app calls: reads the raw body (bounded), checks the v3 signature over the URL
 * HubSpot called, refuses a replay, then finds the portal's org and the HubSpot user's member (a user of a
 * connected portal becomes a `member` on first call) and checks the role. Only then is the body parsed.
 * A refused request is logged with the reason, never with its body or signature.
 */
export function hubspotSignedRequest(
  deps: RouterDeps,
  options: { role: MemberRole; bodyLimit: string; now?: () => number },
): RequestHandler {
  const raw = express.raw({ type: () => true, limit: options.bodyLimit });
  const now = options.now ?? (() => Date.now());
  return (req, res, next) => {
    raw(req, res, (error?: unknown) => {
      if (error) {
        next(error);
        return;
      }
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      authorise(req.body === undefined ? undefined : body)
        .then((call) => {
          res.locals.hubspotCall = call;
          req.body = body.length > 0 ? parseJson(body) : undefined;
          next();
        })
        .catch(next);
    });

    async function authorise(body: Buffer | undefined): Promise<HubSpotCall> {
      const secret = deps.config.crm.hubspot?.clientSecret;
      if (!secret) {
        throw new RipeError(
          'connector_unavailable',
          "Ripe's HubSpot app is not configured on this server (HUBSPOT_CLIENT_ID, HUBSPOT_CLIENT_SECRET)",
        );
      }
      const origin = deps.config.http.publicUrl ?? `${req.protocol}://${req.get('host') ?? ''}`;
      const signature = req.get('x-hubspot-signature-v3');
      const check = checkSignatureV3(
        {
          method: req.method,
          uri: `${origin}${req.originalUrl}`,
          body: body?.toString('utf8') ?? '',
          timestamp: req.get('x-hubspot-request-timestamp'),
          signature,
        },
        secret.reveal(),
        now(),
      );
      if (!check.ok) {
        req.log?.warn(
          { reason: check.reason, method: req.method, path: req.path },
          'HubSpot request refused',
        );
        throw refused();
      }
      if (!(await claimSignature(deps.db, signature ?? ''))) {
        req.log?.warn({ reason: 'replayed', method: req.method, path: req.path }, 'HubSpot request refused');
        throw refused();
      }
      const caller = callerQuery.safeParse(req.query);
      if (!caller.success) {
        throw new RipeError(
          'invalid_request',
          'HubSpot did not say who is calling (portalId, userId, userEmail)',
        );
      }
      const { portalId, userId, userEmail } = caller.data;
      const orgId = await findOrgByExternalId(deps.db, 'hubspot', portalId);
      if (!orgId) {
        throw new RipeError(
          'not_found',
          'This HubSpot account is not connected to Ripe: an admin connects it from the app settings',
        );
      }
      const member = await withOrg(deps.db, orgId, (tx) => memberFor(tx, userEmail, userId)).catch(
        // Two first calls of one user at once: the other one added the member.
        async (error: unknown) => {
          const again = await withOrg(deps.db, orgId, (tx) => findMemberByEmail(tx, userEmail));
          if (again) return again;
          throw error;
        },
      );
      if (!roleAtLeast(member.role, options.role)) {
        throw new RipeError('forbidden', `This needs the ${options.role} role or above in Ripe`);
      }
      return { orgId, portalId, userId, userEmail, memberId: member.id, role: member.role };
    }
  };
}

/** True the first time a signature is seen in its validity window (kept as a hash). */
async function claimSignature(db: Database, signature: string): Promise<boolean> {
  const hash = createHash('sha256').update(signature).digest();
  return db.transaction(async (tx) => {
    await tx.query(`select set_config('role', $1, true)`, [appRole]);
    const { rows } = await tx.query<{ fresh: boolean }>('select ripe_claim_hubspot_signature($1) as fresh', [
      hash,
    ]);
    return rows[0]?.fresh === true;
  });
}

/** The HubSpot user's member in the org, added as a `member` on their first call (audited). */
async function memberFor(tx: OrgTransaction, email: string, hubspotUserId: string): Promise<Member> {
  const existing = await findMemberByEmail(tx, email);
  if (existing) return existing;
  const added = await addMember(tx, { email, name: email.split('@')[0] ?? email, role: 'member' });
  await recordAudit(tx, {
    actor: added.id,
    action: 'member.added',
    target: added.id,
    details: { via: 'hubspot', hubspotUserId },
  });
  return added;
}
