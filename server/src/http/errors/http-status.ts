import type { RipeErrorCode } from '@ripe/shared';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500 | 503;

/** The HTTP status of each error code: a new code fails the typecheck until it is given one here. */
export const httpStatusOf = {
  invalid_record: 400,
  invalid_config: 400,
  invalid_input_file: 400,
  invalid_csv: 400,
  invalid_argument: 400,
  invalid_request: 400,
  confirmation_mismatch: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  connector_unavailable: 409,
  connector_failed: 503,
  night_not_resumable: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  data_dir_locked: 503,
  invalid_env: 500,
  invalid_keyring: 500,
  master_key_unknown: 500,
  decryption_failed: 500,
} as const satisfies Record<RipeErrorCode, ErrorStatus>;
