import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { hubspotRateLimitHeaders } from '../provider.ts';
import type { EmulatorContext } from './emulator-context.ts';
import { sendHubSpotError } from './hubspot-error.ts';

function authenticate(ctx: EmulatorContext, req: Request, res: Response): boolean {
  const header = req.header('authorization') ?? '';
  const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
  const grant = ctx.portal.accessTokens.get(token);
  if (!grant) {
    sendHubSpotError(
      res,
      401,
      'INVALID_AUTHENTICATION',
      'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
    );
    return false;
  }
  const { faults } = ctx;
  if (faults.expireTokensAfterRequests !== null) {
    if (faults.expireTokensAfterRequests <= 0) {
      for (const issued of ctx.portal.accessTokens.values())
        issued.expiresAt = Math.min(issued.expiresAt, ctx.now());
      faults.expireTokensAfterRequests = null;
    } else faults.expireTokensAfterRequests -= 1;
  }
  if (grant.expiresAt <= ctx.now()) {
    const ago = Math.max(0, Math.floor((ctx.now() - grant.expiresAt) / 1000));
    sendHubSpotError(
      res,
      401,
      'EXPIRED_AUTHENTICATION',
      `The OAuth token used to make this call expired ${ago} second(s) ago.`,
    );
    return false;
  }
  return true;
}

function spendDailyCountdown(ctx: EmulatorContext): void {
  const { faults } = ctx;
  if (faults.dailyLimitAfterRequests === null) return;
  if (faults.dailyLimitAfterRequests <= 0) {
    faults.dailyLimitReached = true;
    faults.dailyLimitAfterRequests = null;
  } else faults.dailyLimitAfterRequests -= 1;
}

/** Gateway faults, then bearer authentication, then the portal's rate limits with their headers. */
export function crmGuard(ctx: EmulatorContext): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    const gateway = ctx.faults.gateway;
    if (gateway && gateway.remaining > 0) {
      gateway.remaining -= 1;
      if (gateway.remaining === 0) ctx.faults.gateway = null;
      const category = gateway.status === 502 ? 'BAD_GATEWAY' : 'SERVICE_UNAVAILABLE';
      sendHubSpotError(
        res,
        gateway.status,
        category,
        gateway.status === 502 ? 'Bad Gateway' : 'Service Unavailable',
      );
      return;
    }
    if (!authenticate(ctx, req, res)) return;
    spendDailyCountdown(ctx);
    const isSearch = req.method === 'POST' && req.path.endsWith('/search');
    const decision = ctx.limiter.take(ctx.now(), isSearch);
    const { options } = ctx.limiter;
    res.setHeader(hubspotRateLimitHeaders.max, String(options.requestsPerInterval));
    res.setHeader(hubspotRateLimitHeaders.remaining, String(decision.remaining));
    res.setHeader(hubspotRateLimitHeaders.intervalMs, String(options.intervalMs));
    if (options.dailyLimit !== null && decision.dailyRemaining !== null) {
      res.setHeader(hubspotRateLimitHeaders.daily, String(options.dailyLimit));
      res.setHeader(hubspotRateLimitHeaders.dailyRemaining, String(decision.dailyRemaining));
    }
    const policy = ctx.faults.dailyLimitReached ? 'DAILY' : decision.allowed ? null : decision.policy;
    if (policy === null) return next();
    // HubSpot's 429 body: no `category`, an `errorType` and the `policyName` that was hit.
    res.status(429).json({
      status: 'error',
      message: `You have reached your ${policy.toLowerCase()} limit.`,
      errorType: 'RATE_LIMIT',
      correlationId: randomUUID(),
      policyName: policy,
    });
  };
}
