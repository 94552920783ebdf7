/**
 * A stand-in for the Unrobot backend behind `hubspot.fetch`: answers each route with the
 * contract's sample bodies (checked against openapi.json by the contract tests) and records calls.
 */
import { jest } from '@jest/globals';
import { hubspot } from '@hubspot/ui-extensions';
import { adminsSample, analyticsSample, auditSample, meSample, rulesSample, settingsSample } from '../settings-contract/api-samples.ts';

export interface FetchCall { method: string; url: string; body: unknown }
export type Route = (call: FetchCall) => { status: number; body: unknown } | undefined;

/** Replaces `hubspot.fetch`; the first route that answers wins, anything else is a 404. */
export function mockHubspotFetch(routes: Route[]): { calls: FetchCall[]; restore: () => void } {
  const calls: FetchCall[] = [];
  const spy = jest.spyOn(hubspot, 'fetch').mockImplementation(async (url, options) => {
    const call = { method: options?.method ?? 'GET', url: String(url), body: options?.body };
    calls.push(call);
    const answer = routes.map((route) => route(call)).find((a) => a !== undefined) ?? { status: 404, body: { error: { code: 'not_found', message: 'no route' } } };
    // A 204 has no body (the Response constructor refuses one), as the service sends it.
    if (answer.status === 204) return new Response(null, { status: 204 });
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
  });
  return { calls, restore: () => spy.mockRestore() };
}

export function on(method: string, path: string | RegExp, status: number, body: unknown): Route {
  return (call) => {
    const { pathname, search } = new URL(call.url);
    const target = pathname + search;
    const matches = typeof path === 'string' ? target === path : path.test(target);
    return call.method === method && matches ? { status, body } : undefined;
  };
}

/** The reads the settings page makes when it opens, answered with the contract's samples. */
export function pageReads(): Route[] {
  return [
    on('GET', '/api/v1/me', 200, meSample),
    on('GET', '/api/v1/settings', 200, settingsSample),
    on('GET', '/api/v1/rules', 200, rulesSample),
    on('GET', '/api/v1/analytics?days=7', 200, analyticsSample),
    on('GET', /^\/api\/v1\/audit/, 200, auditSample),
    on('GET', '/api/v1/admins', 200, adminsSample),
  ];
}
