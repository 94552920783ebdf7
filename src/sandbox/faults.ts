/**
 * Fault injection for tests: per endpoint (method + path glob, optionally one portal), answer
 * N times with a status (429/5xx), add latency, hang until the client gives up, or reset the
 * connection. Faults are consumed in the order they were added.
 */
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { rateLimitBody, sendError } from './hubspot-errors.ts';

export const FaultInputSchema = z.object({
  method: z.string().toUpperCase().optional(),
  /** Glob over the path (no query): `*` matches anything, e.g. `/crm/v3/objects/tasks/*`. */
  path: z.string().min(1),
  portalId: z.number().int().optional(),
  status: z.union([z.literal(429), z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).optional(),
  /** How many matching requests the fault affects; 0 means every one until cleared. */
  times: z.number().int().min(0).default(1),
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  hang: z.boolean().optional(),
  reset: z.boolean().optional(),
  /** For 429s: which limit the body names. */
  policyName: z.enum(['TEN_SECONDLY_ROLLING', 'SECONDLY', 'DAILY']).default('TEN_SECONDLY_ROLLING'),
});

export type FaultInput = z.input<typeof FaultInputSchema>;

export interface FaultRule extends z.infer<typeof FaultInputSchema> {
  id: string;
  pattern: RegExp;
  hits: number;
}

export function createFaultRule(input: FaultInput): FaultRule {
  const parsed = FaultInputSchema.parse(input);
  const pattern = new RegExp(`^${parsed.path.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}/?$`);
  return { ...parsed, id: randomUUID(), pattern, hits: 0 };
}

/** The first live fault matching this request; consumes one use of it. */
export function takeFault(rules: FaultRule[], method: string, path: string, portalId: number | null): FaultRule | undefined {
  const rule = rules.find((r) => (r.method === undefined || r.method === method)
    && (r.portalId === undefined || r.portalId === portalId)
    && r.pattern.test(path)
    && (r.times === 0 || r.hits < r.times));
  if (rule) rule.hits += 1;
  return rule;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => { setTimeout(resolve, ms).unref(); });

/** Applies a fault; returns true when the response has been taken over (or abandoned). */
export async function applyFault(rule: FaultRule, req: Request, res: Response, next: NextFunction): Promise<void> {
  if (rule.latencyMs) await sleep(rule.latencyMs);
  if (rule.hang) return; // never answer: the client's timeout is what is being tested
  if (rule.reset) {
    req.socket.destroy();
    return;
  }
  if (rule.status === 429) {
    res.status(429).set(rateHeaders(rule.policyName)).json(rateLimitBody(rule.policyName));
    return;
  }
  if (rule.status === 502) {
    // Gateways in front of HubSpot answer 502 with an HTML page, not JSON.
    res.status(502).type('text/html').send('<html><body><h1>502 Bad Gateway</h1></body></html>');
    return;
  }
  if (rule.status !== undefined) {
    sendError(res, rule.status, 'INTERNAL_ERROR', 'internal error');
    return;
  }
  next();
}

function rateHeaders(policy: string): Record<string, string> {
  if (policy === 'SECONDLY') return {};
  return { 'X-HubSpot-RateLimit-Interval-Milliseconds': '10000', 'X-HubSpot-RateLimit-Max': '110', 'X-HubSpot-RateLimit-Remaining': '0' };
}
