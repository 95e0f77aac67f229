import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';

export const requestIdHeader = 'x-request-id';
// A caller's id is kept when it is short and plain, so it cannot forge log lines.
const acceptedRequestId = /^[A-Za-z0-9._:-]{1,128}$/;
const assigned = new WeakMap<IncomingMessage, string>();

/** The request's id: the caller's `x-request-id` when acceptable, else a new uuid; echoed on the response. */
export function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  let id = assigned.get(req);
  if (id === undefined) {
    const incoming = req.headers[requestIdHeader];
    id = typeof incoming === 'string' && acceptedRequestId.test(incoming) ? incoming : randomUUID();
    assigned.set(req, id);
    if (!res.headersSent) res.setHeader(requestIdHeader, id);
  }
  return id;
}

export function requestId(): RequestHandler {
  return (req, res, next) => {
    requestIdOf(req, res);
    next();
  };
}
