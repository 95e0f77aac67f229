import { randomUUID } from 'node:crypto';
import type { Response } from 'express';

/** The `category` of HubSpot's standard error body. */
export type HubSpotErrorCategory =
  | 'INVALID_AUTHENTICATION'
  | 'EXPIRED_AUTHENTICATION'
  | 'MISSING_SCOPES'
  | 'VALIDATION_ERROR'
  | 'OBJECT_NOT_FOUND'
  | 'OBJECT_ALREADY_EXISTS'
  | 'CONFLICT'
  | 'RATE_LIMITS'
  | 'BAD_GATEWAY'
  | 'SERVICE_UNAVAILABLE';

/** HubSpot's standard error body: `{status: "error", message, correlationId, category, ...}`. */
export interface HubSpotErrorBody {
  status: 'error';
  message: string;
  correlationId: string;
  category: HubSpotErrorCategory;
  subCategory?: string;
  context?: Record<string, readonly string[]>;
  errors?: readonly { message: string; code?: string; in?: string }[];
}

export function hubSpotError(
  category: HubSpotErrorCategory,
  message: string,
  extra: Partial<Pick<HubSpotErrorBody, 'subCategory' | 'context' | 'errors'>> = {},
): HubSpotErrorBody {
  return { status: 'error', message, correlationId: randomUUID(), category, ...extra };
}

export function sendHubSpotError(
  res: Response,
  httpStatus: number,
  category: HubSpotErrorCategory,
  message: string,
  extra: Partial<Pick<HubSpotErrorBody, 'subCategory' | 'context' | 'errors'>> = {},
): void {
  res.status(httpStatus).json(hubSpotError(category, message, extra));
}
