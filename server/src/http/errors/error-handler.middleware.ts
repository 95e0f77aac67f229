import { isRipeError, RipeError, type FieldIssue, type RipeErrorCode } from '@ripe/shared';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';
import { httpStatusOf } from './http-status.ts';

/** Every error response: a stable code, a message for people, the fields at fault when known. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'not_found' }),
      message: z.string(),
      issues: z
        .array(z.object({ record: z.string(), recordId: z.string(), field: z.string(), message: z.string() }))
        .optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorBodySchema>;

// body-parser's errors carry a `type`; these are the caller's fault.
const bodyParserErrors: Record<string, RipeErrorCode> = {
  'entity.parse.failed': 'invalid_request',
  'entity.too.large': 'payload_too_large',
  'encoding.unsupported': 'invalid_request',
  'charset.unsupported': 'invalid_request',
  'request.aborted': 'invalid_request',
};

export function errorBody(code: RipeErrorCode, message: string, issues: FieldIssue[] = []): ErrorBody {
  return { error: { code, message, ...(issues.length > 0 ? { issues } : {}) } };
}

/** Unknown paths answer like any other error. */
export function notFoundHandler(): RequestHandler {
  return (req, _res, next) => next(new RipeError('not_found', `No route ${req.method} ${req.path}`));
}

/**
 * Turns any error into `{ error: { code, message, issues? } }` with the code's status. A server error
 * says only that it happened (the log has the detail, under the request id); never a stack.
 */
export function errorHandler(): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const known = toRipeError(error);
    const status = known ? httpStatusOf[known.code] : 500;
    if (status >= 500) req.log?.error({ err: error }, 'request failed');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (status === 401) res.setHeader('www-authenticate', 'Bearer');
    const body =
      known && status < 500
        ? errorBody(known.code, known.message, known.issues)
        : { error: { code: known?.code ?? 'internal', message: 'Internal server error' } };
    res.status(status).json(body);
  };
}

function toRipeError(error: unknown): RipeError | undefined {
  if (isRipeError(error)) return error;
  // The router decodes path parameters before any handler runs: `/v1/orgs/%zz` is the caller's mistake.
  if (error instanceof URIError) {
    return new RipeError('invalid_request', 'The path holds malformed percent-encoding');
  }
  if (typeof error === 'object' && error !== null && 'type' in error && typeof error.type === 'string') {
    const code = bodyParserErrors[error.type];
    if (code)
      return new RipeError(
        code,
        code === 'payload_too_large' ? 'The body is too large' : 'The body is not valid JSON',
      );
  }
  return undefined;
}
