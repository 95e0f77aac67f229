import { ConnectorFailure } from '../connectors/crm-connector.ts';
import { isRipeError } from '@ripe/shared';
import { CrmTransportError } from '../resilience/crm-transport.error.ts';

/** Another process took the run over: this one must stop writing, and record nothing. */
export class LeaseLostError extends Error {
  constructor(readonly runId: string) {
    super(`The lease of run ${runId} passed to another process`);
    this.name = 'LeaseLostError';
  }
}

export function isLeaseLost(error: unknown): error is LeaseLostError {
  return error instanceof Error && error.name === 'LeaseLostError';
}

/** The process is stopping: the night ends at a batch boundary and another process resumes it. */
export class NightStoppedError extends Error {
  constructor() {
    super('The process is stopping: the night will resume from its checkpoint');
    this.name = 'NightStoppedError';
  }
}

export function isNightStopped(error: unknown): error is NightStoppedError {
  return error instanceof Error && error.name === 'NightStoppedError';
}

// SQLSTATE classes and codes worth another attempt: connection lost, server shutting down, too many
// connections, serialization failure, deadlock.
const transientSqlStates = /^(08|57P0[1-3]|53300|40001|40P01)/;
const transientNetworkCodes = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN']);

/** Whether a failure may go away on its own: a retry is worth it (later, with backoff). */
export function isTransientFailure(error: unknown): boolean {
  if (error instanceof CrmTransportError) {
    return error.status === undefined || error.status === 429 || error.status >= 500;
  }
  if (error instanceof ConnectorFailure) {
    return error.error.code === 'unavailable' || error.error.code === 'rate_limited';
  }
  if (isRipeError(error)) return false;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (transientSqlStates.test(code) || transientNetworkCodes.has(code)))
    return true;
  return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(
    error.message,
  );
}

const maxReasonLength = 300;

/**
 * The reason an admin reads on a failed run: what went wrong in a sentence, never a stack, a query, a
 * credential or a token. Our typed errors are written for people already; anything else is summarised.
 */
export function failureReason(error: unknown): string {
  if (isRipeError(error)) return clip(redact(error.message));
  if (error instanceof CrmTransportError) return clip(`A CRM call failed: ${error.message}`);
  if (error instanceof ConnectorFailure) return clip(`The CRM refused a call: ${redact(error.message)}`);
  if (isNightStopped(error)) return error.message;
  if (isTransientFailure(error)) {
    const code = (error as { code?: unknown }).code;
    return `The database or the network was unavailable${typeof code === 'string' ? ` (${code})` : ''}`;
  }
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : '';
  return clip(`Unexpected ${name} during the night${message ? `: ${redact(message)}` : ''}`);
}

function redact(text: string): string {
  return text
    .replace(/\/\/[^/\s:@]+:[^@\s/]+@/g, '//[redacted]@')
    .replace(/\b(password|passwd|secret|token|api[_-]?key|authorization)\b\s*[=:]\s*\S+/gi, '$1=[redacted]')
    .replace(/\b(Bearer|Basic)\s+[\w\-.~+/]+=*/g, '$1 [redacted]')
    .replace(/[A-Za-z0-9_+/]{32,}={0,2}/g, '[redacted]');
}

function clip(text: string): string {
  return text.length <= maxReasonLength ? text : `${text.slice(0, maxReasonLength - 1)}…`;
}
