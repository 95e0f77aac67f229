import type { Response } from 'express';

/** The error codes the emulator answers with, as Salesforce spells them. */
export type SalesforceErrorCode =
  | 'INVALID_SESSION_ID'
  | 'REQUEST_LIMIT_EXCEEDED'
  | 'SERVER_UNAVAILABLE'
  | 'MALFORMED_QUERY'
  | 'INVALID_FIELD'
  | 'INVALID_TYPE'
  | 'INVALID_QUERY_LOCATOR'
  | 'NOT_FOUND'
  | 'JSON_PARSER_ERROR'
  | 'INVALID_FIELD_FOR_INSERT_UPDATE'
  | 'EXCEEDED_ID_LIMIT'
  | 'METHOD_NOT_ALLOWED'
  | 'INVALID_BATCH_REQUEST'
  | 'URI_TOO_LONG'
  | 'REQUEST_HEADER_FIELDS_TOO_LARGE'
  | 'ENTITY_IS_DELETED'
  | 'INVALIDJOB'
  | 'INVALIDJOBSTATE';

/** Per-record status codes in collection results (`errors[].statusCode`). */
export type SalesforceStatusCode =
  | 'UNABLE_TO_LOCK_ROW'
  | 'FIELD_CUSTOM_VALIDATION_EXCEPTION'
  | 'ALL_OR_NONE_OPERATION_ROLLED_BACK'
  | 'ENTITY_IS_DELETED'
  | 'MALFORMED_ID'
  | 'INVALID_FIELD'
  | 'INVALID_TYPE'
  | 'INVALID_FIELD_FOR_INSERT_UPDATE'
  | 'MISSING_ARGUMENT'
  | 'DUPLICATE_EXTERNAL_ID';

/** One entry of a REST error body: `[{"message": "...", "errorCode": "..."}]`. */
export interface RestError {
  message: string;
  errorCode: SalesforceErrorCode;
}

/** An error REST API answers with, before any record is touched. */
export class SalesforceRestError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: SalesforceErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SalesforceRestError';
  }
}

/** Salesforce sends REST errors as an array of `{message, errorCode}`. */
export function sendRestError(
  res: Response,
  status: number,
  errorCode: SalesforceErrorCode,
  message: string,
) {
  const body: RestError[] = [{ message, errorCode }];
  res.status(status).json(body);
}

/** The token endpoint's error body (OAuth 2.0): `{"error": "invalid_grant", "error_description": "..."}`. */
export type OAuthErrorCode =
  'invalid_grant' | 'invalid_request' | 'unsupported_grant_type' | 'invalid_client_id';

export function sendOAuthError(res: Response, status: number, error: OAuthErrorCode, description: string) {
  res.status(status).json({ error, error_description: description });
}
