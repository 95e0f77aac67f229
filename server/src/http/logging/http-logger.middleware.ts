import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp } from 'pino-http';
import type { RequestHandler } from 'express';
import type { Logger } from '../../logging/logger.ts';
import { requestIdOf } from '../request-id.middleware.ts';

// Only these headers are logged: an allow-list cannot leak a header nobody thought of.
const loggedHeaders = ['user-agent', 'content-type', 'content-length', 'x-forwarded-for'];
const sensitiveQueryKey = /token|key|secret|password|signature|code|auth/i;

/** Query values that may carry a credential are replaced, e.g. `?token=…` → `?token=[redacted]`. */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return url;
  const params = new URLSearchParams(url.slice(queryStart + 1));
  for (const key of new Set(params.keys())) {
    if (sensitiveQueryKey.test(key)) params.set(key, '[redacted]');
  }
  return `${url.slice(0, queryStart)}?${params.toString().replaceAll('%5Bredacted%5D', '[redacted]')}`;
}

/** One structured line per request, with its id, route, status and duration. */
export function httpLogger(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => requestIdOf(req, res),
    // Read when the request completes: by then the route and the caller are known.
    customProps: (_req, res) =>
      requestContext((res as ServerResponse & { locals?: Record<string, unknown> }).locals),
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    serializers: {
      req: (req: { id: string; method: string; url: string; headers: Record<string, unknown> }) => ({
        id: req.id,
        method: req.method,
        url: redactUrl(req.url),
        headers: Object.fromEntries(
          loggedHeaders
            .filter((name) => req.headers[name] !== undefined)
            .map((name) => [name, req.headers[name]]),
        ),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
}

function requestContext(locals: Record<string, unknown> | undefined): Record<string, string> {
  const auth = locals?.auth as { orgId?: string; memberId?: string } | undefined;
  const route = locals?.metricsRoute;
  return {
    ...(typeof route === 'string' ? { route } : {}),
    ...(auth?.orgId ? { orgId: auth.orgId } : {}),
    ...(auth?.memberId ? { memberId: auth.memberId } : {}),
  };
}
