import type { HubSpotErrorCategory } from './hubspot-error.ts';

/** One entry of a batch response's `errors`: `{status: "error", category, message, context}`. */
export interface BatchError {
  status: 'error';
  category: HubSpotErrorCategory;
  message: string;
  context: Record<string, readonly string[]>;
  errors?: readonly { message: string; code: string; in: string }[];
}

/** The documented batch body; 207 Multi-Status with `errors` and `numErrors` when some inputs failed. */
export function batchResponse<T>(results: T[], errors: BatchError[], startedAt: string, completedAt: string) {
  const body = { status: 'COMPLETE' as const, results, startedAt, completedAt };
  if (errors.length === 0) return { httpStatus: 200, body };
  return { httpStatus: 207, body: { ...body, numErrors: errors.length, errors } };
}

export const objectNameOf: Record<string, string> = {
  companies: 'COMPANY',
  contacts: 'CONTACT',
  deals: 'DEAL',
  tasks: 'TASK',
  notes: 'NOTE',
  emails: 'EMAIL',
  meetings: 'MEETING',
  calls: 'CALL',
};
