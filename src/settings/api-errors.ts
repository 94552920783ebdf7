/**
 * Errors of the settings API in the contract's shape, `{ error: { code, message, problems? } }`,
 * with problems worded for an admin. zod issues are translated here, once.
 */
import type { NextFunction, Request, Response } from 'express';
import type { z } from 'zod';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';

export type ProblemCode =
  | 'required' | 'invalid_type' | 'unknown_field' | 'out_of_range' | 'too_long' | 'too_many' | 'invalid_format'
  | 'unsupported_regex' | 'invalid_regex' | 'empty_phrase' | 'duplicate_phrase' | 'unknown_phrase' | 'unknown_rule'
  | 'unknown_time_zone' | 'missing_event_template' | 'missing_event_type' | 'duplicate_entry' | 'cannot_remove_self';

export interface Problem { path: string; code: ProblemCode; message: string }

export function apiError(status: number, code: string, message: string, problems?: Problem[]): AppError {
  return new AppError(code, message, { status, ...(problems && problems.length > 0 && { details: { problems } }) });
}

export const notFound = (): AppError => apiError(404, 'not_found', 'Nothing with this id exists in your portal.');

/** `a.b[0].c` from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out === '' ? String(key) : `${out}.${String(key)}`), '');
}

function problemFor(issue: z.core.$ZodIssue): Problem {
  const path = formatPath(issue.path);
  const field = path === '' ? 'The request' : `"${path}"`;
  const custom = (issue as { params?: { problem?: ProblemCode } }).params?.problem;
  switch (issue.code) {
    case 'unrecognized_keys':
      return { path, code: 'unknown_field', message: `${field} has a field Unrobot does not know: ${issue.keys.join(', ')}.` };
    case 'invalid_type':
      return issue.input === undefined
        ? { path, code: 'required', message: `${field} is required.` }
        : { path, code: 'invalid_type', message: `${field} must be ${issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`}.` };
    case 'too_big':
      return issue.origin === 'string' ? { path, code: 'too_long', message: `${field} is too long; the limit is ${String(issue.maximum)} characters.` }
        : issue.origin === 'array' ? { path, code: 'too_many', message: `${field} has too many entries; the limit is ${String(issue.maximum)}.` }
          : { path, code: 'out_of_range', message: `${field} must be at most ${String(issue.maximum)}.` };
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1 ? { path, code: 'required', message: `${field} must not be empty.` }
        : { path, code: 'out_of_range', message: `${field} must be at least ${String(issue.minimum)}.` };
    case 'invalid_value':
    case 'invalid_union':
      return { path, code: 'invalid_format', message: `${field} is not one of the allowed values.` };
    default:
      return { path, code: custom ?? 'invalid_format', message: issue.message.length > 0 ? issue.message : `${field} is not valid.` };
  }
}

/** A 400 listing every problem of a zod parse. */
export function invalidRequest(error: z.ZodError, what = 'The request was not accepted'): AppError {
  const problems = error.issues.slice(0, 100).map(problemFor);
  return apiError(400, 'invalid_request', `${what}: ${problems.length} problem${problems.length === 1 ? '' : 's'} to fix.`, problems);
}

/** The error middleware of the API router: contract shape, no stack, request id on 500s. */
export function createApiErrorHandler(log: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const status = error instanceof AppError ? error.status
      : typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : 500;
    if (status >= 500) (req.log ?? log).error({ err: error }, 'settings api failed');
    if (res.headersSent) return;
    if (error instanceof AppError && status < 500) {
      const problems = error.details?.problems as Problem[] | undefined;
      res.status(status).json({ error: { code: error.code, message: error.message, ...(problems && { problems }) } });
      return;
    }
    const type = (error as { type?: unknown }).type;
    if (status === 413 || type === 'entity.too.large') {
      res.status(413).json({ error: { code: 'invalid_request', message: 'The request body is larger than 100 kB.' } });
    } else if (status < 500) {
      res.status(400).json({ error: { code: 'invalid_request', message: 'The request body is not valid JSON.' } });
    } else {
      res.status(500).json({ error: { code: 'internal', message: `Something went wrong on our side; quote request id ${String(req.id ?? 'unknown')}.` } });
    }
  };
}
