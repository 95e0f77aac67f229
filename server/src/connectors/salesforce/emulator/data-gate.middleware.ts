import type { RequestHandler } from 'express';
import type { FaultSettings } from './emulator-faults.ts';
import type { EmulatorState } from './emulator-state.ts';
import { sendRestError } from './salesforce-errors.ts';
import { maxUriBytes } from '../soql.ts';

export interface GateSettings {
  /** Long-running requests allowed at once (Salesforce: 25 in a production org). */
  longRunningLimit: number;
  /** How long a request runs before it counts as long-running (Salesforce: 20 s). */
  longRunningThresholdMs: number;
  /** Added to every data call, so a test or a bench can make requests long-running. */
  latencyMs: number;
}

const usageHeader = (state: EmulatorState) => `api-usage=${state.apiUsage.used}/${state.apiUsage.max}`;

/**
 * In front of every `/services/data` call, in Salesforce's order: the org is up, the session is valid, the
 * daily allowance and the long-running concurrency allow one more call; then the call is counted and
 * `Sforce-Limit-Info` reports the usage.
 */
export function dataGate(state: EmulatorState, faults: FaultSettings, gate: GateSettings): RequestHandler {
  const started = new Map<number, number>();
  let nextRequest = 0;
  return (req, res, next) => {
    res.setHeader('Sforce-Limit-Info', usageHeader(state));
    // Documented: the URI and the headers together may take 16,384 bytes; a URI alone past it is 414, else 431.
    const uriBytes = Buffer.byteLength(req.originalUrl);
    const headerBytes = req.rawHeaders.reduce((sum, part) => sum + Buffer.byteLength(part) + 2, 0);
    if (uriBytes > maxUriBytes) {
      sendRestError(res, 414, 'URI_TOO_LONG', 'URI Too Long');
      return;
    }
    if (uriBytes + headerBytes > maxUriBytes) {
      sendRestError(res, 431, 'REQUEST_HEADER_FIELDS_TOO_LARGE', 'Request Header Fields Too Large');
      return;
    }
    if (faults.unavailableCalls > 0) {
      faults.unavailableCalls -= 1;
      sendRestError(res, 503, 'SERVER_UNAVAILABLE', 'Server unavailable. Try again later.');
      return;
    }
    const match = /^Bearer (.+)$/.exec(req.get('authorization') ?? '');
    const token = match?.[1] === undefined ? undefined : state.accessTokens.get(match[1]);
    if (!token || token.expiresAt <= state.now()) {
      sendRestError(res, 401, 'INVALID_SESSION_ID', 'Session expired or invalid');
      return;
    }
    if (state.apiUsage.used >= state.apiUsage.max) {
      sendRestError(res, 403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
      return;
    }
    // Concurrency is wall time, like the latency that makes requests long-running.
    const now = Date.now();
    const longRunning = [...started.values()].filter((at) => now - at >= gate.longRunningThresholdMs).length;
    if (longRunning >= gate.longRunningLimit) {
      sendRestError(
        res,
        403,
        'REQUEST_LIMIT_EXCEEDED',
        'ConcurrentRequests (Concurrent API Requests) Limit exceeded.',
      );
      return;
    }
    state.apiUsage.used += 1;
    res.setHeader('Sforce-Limit-Info', usageHeader(state));
    countDownFaults(state, faults);
    const route = `${req.method} ${req.path.replace(/\/query\/[^/]+$/, '/query/{locator}')}`;
    state.callsByRoute.set(route, (state.callsByRoute.get(route) ?? 0) + 1);
    const requestNumber = (nextRequest += 1);
    started.set(requestNumber, now);
    state.concurrency.inFlight += 1;
    state.concurrency.peak = Math.max(state.concurrency.peak, state.concurrency.inFlight);
    res.on('close', () => {
      started.delete(requestNumber);
      state.concurrency.inFlight -= 1;
    });
    if (gate.latencyMs > 0) setTimeout(next, gate.latencyMs);
    else next();
  };
}

/** The faults planned "after N calls": this call is served, the next ones meet the fault. */
function countDownFaults(state: EmulatorState, faults: FaultSettings): void {
  if (faults.sessionsExpireAfterCalls !== null) {
    faults.sessionsExpireAfterCalls -= 1;
    if (faults.sessionsExpireAfterCalls <= 0) {
      faults.sessionsExpireAfterCalls = null;
      for (const token of state.accessTokens.values())
        token.expiresAt = Math.min(token.expiresAt, state.now());
    }
  }
  if (faults.allowanceEndsAfterCalls !== null) {
    faults.allowanceEndsAfterCalls -= 1;
    if (faults.allowanceEndsAfterCalls <= 0) {
      faults.allowanceEndsAfterCalls = null;
      state.apiUsage.used = state.apiUsage.max;
    }
  }
}
