import type { z } from 'zod';

/** Stable error codes: cards, CLI and API branch on `code`, never on the message. */
export const ripeErrorCodes = {
  invalid_record: 'A record failed validation',
  invalid_config: 'The configuration is invalid',
  invalid_input_file: 'The input file cannot be read',
  invalid_csv: 'The CSV file cannot be used',
  invalid_argument: 'A command-line argument is invalid',
  not_found: 'Not found',
  data_dir_locked: 'The data folder is in use by another process',
  invalid_env: 'The environment variables are invalid',
  invalid_request: 'The request is invalid',
  payload_too_large: 'The request body is too large',
  unsupported_media_type: 'The request body is of a type this route does not take',
  unauthenticated: 'A valid API key is required',
  forbidden: 'The API key does not allow this',
  conflict: 'The request conflicts with existing data',
  invalid_keyring: 'The master keyring is invalid',
  master_key_unknown: 'A data key was wrapped by a master key that is not in the keyring',
  decryption_failed: 'A secret cannot be decrypted: it was altered or moved',
  confirmation_mismatch: 'The confirmation does not name this org',
  connector_unavailable: 'The CRM connector is not available',
  connector_failed: 'The CRM refused or failed a call',
  night_not_resumable: 'The run cannot be resumed from its checkpoint',
} as const;
export type RipeErrorCode = keyof typeof ripeErrorCodes;

/** One problem in one field of one record. */
export interface FieldIssue {
  /** Record type, e.g. `account`. */
  record: string;
  /** Record id when known, else its position (`#3`). */
  recordId: string;
  /** Dotted path of the field inside the record, e.g. `contract.seatsLicensed`. */
  field: string;
  message: string;
}

/**
 * A typed error with a stable code and, for validation errors, the record and field at fault.
 *
 * @example new RipeError('invalid_record', 'account acc-1: contract.seatsLicensed expected number', { issues })
 */
export class RipeError extends Error {
  readonly code: RipeErrorCode;
  readonly issues: FieldIssue[];
  constructor(
    code: RipeErrorCode,
    message: string,
    options: { issues?: FieldIssue[]; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'RipeError';
    this.code = code;
    this.issues = options.issues ?? [];
  }
}

export function isRipeError(error: unknown): error is RipeError {
  return error instanceof Error && error.name === 'RipeError' && 'code' in error;
}

/** Turns zod issues into field issues naming the record and the field. */
export function toFieldIssues(record: string, recordId: string, error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    record,
    recordId,
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : '(record)',
    message: issue.message,
  }));
}

export function formatFieldIssue(issue: FieldIssue): string {
  return `${issue.record} ${issue.recordId}: ${issue.field}: ${issue.message}`;
}
