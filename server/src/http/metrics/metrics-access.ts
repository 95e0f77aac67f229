import { createHash, timingSafeEqual } from 'node:crypto';
import { RipeError } from '@ripe/shared';
import type { RequestHandler } from 'express';
import type { Secret } from '../../config/secret.ts';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Guards /metrics with the bearer token RIPE_METRICS_TOKEN: the right token passes, anything else — no header,
 * another scheme, another token, or no token configured at all — is a 401. Digests are compared, so the time taken
 * says nothing of the token's length or its first characters.
 */
export function metricsAccess(token: Secret<string> | undefined): RequestHandler {
  const expected = token === undefined ? undefined : digest(token.reveal());
  return (req, res, next) => {
    res.locals.metricsRoute = '/metrics';
    const header = req.get('authorization') ?? '';
    const match = /^Bearer ([\x21-\x7e]+)$/i.exec(header);
    if (expected && match?.[1] !== undefined && timingSafeEqual(digest(match[1]), expected)) {
      next();
      return;
    }
    next(
      new RipeError(
        'unauthenticated',
        expected
          ? '/metrics needs the bearer token RIPE_METRICS_TOKEN'
          : '/metrics is closed: set RIPE_METRICS_TOKEN and send it as a bearer token',
      ),
    );
  };
}
