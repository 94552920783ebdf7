/**
 * HubSpot's error bodies, as the public API returns them:
 * `{ status: 'error', message, correlationId, category, ... }` (plus `errorType`/`policyName` on 429s).
 * https://developers.hubspot.com/docs/api-reference/error-handling
 */
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';

export type ErrorCategory =
  | 'OBJECT_NOT_FOUND' | 'VALIDATION_ERROR' | 'EXPIRED_AUTHENTICATION' | 'INVALID_AUTHENTICATION'
  | 'MISSING_SCOPES' | 'RATE_LIMITS' | 'CONFLICT' | 'INTERNAL_ERROR' | 'BAD_REQUEST';

export interface HubSpotErrorExtras {
  errors?: Array<{ message: string; code?: string; context?: Record<string, string[]> }>;
  context?: Record<string, string[]>;
  subCategory?: string;
}

/** Sends a HubSpot-shaped error with a fresh correlation id. */
export function sendError(res: Response, status: number, category: ErrorCategory, message: string, extras: HubSpotErrorExtras = {}): void {
  res.status(status).json({ status: 'error', message, correlationId: randomUUID(), category, ...extras });
}

export function sendNotFound(res: Response, message = 'resource not found'): void {
  sendError(res, 404, 'OBJECT_NOT_FOUND', message);
}

export function sendValidation(res: Response, message: string, extras: HubSpotErrorExtras = {}): void {
  sendError(res, 400, 'VALIDATION_ERROR', message, extras);
}

export type RatePolicy = 'TEN_SECONDLY_ROLLING' | 'SECONDLY' | 'DAILY';

const RATE_MESSAGES: Record<RatePolicy, string> = {
  TEN_SECONDLY_ROLLING: 'You have reached your ten_secondly_rolling limit.',
  // The SDK's retry decorator recognises the search limit by this exact message.
  SECONDLY: 'You have reached your secondly limit.',
  DAILY: 'You have reached your daily limit.',
};

/** The body of a 429, exactly as HubSpot documents it. */
export function rateLimitBody(policy: RatePolicy): Record<string, string> {
  return {
    status: 'error', message: RATE_MESSAGES[policy], errorType: 'RATE_LIMIT',
    correlationId: randomUUID(), policyName: policy, requestId: randomUUID(),
  };
}
