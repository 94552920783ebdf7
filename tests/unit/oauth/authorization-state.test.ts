import { describe, expect, it } from '@jest/globals';
import { createFixedClock } from '../../../src/clock.ts';
import { consumeState, issueState, safeReturnTo, STATE_TTL_MS } from '../../../src/oauth/authorization-state.ts';
import { escapeHtml, renderPage } from '../../../src/oauth/oauth-pages.ts';
import type { OAuthStateStore, StoredAuthorizationState } from '../../../src/store/oauth-state-store.ts';

/** The port's contract in memory (the SQL version runs in the integration tests). */
function memoryStates(): OAuthStateStore & { rows: Map<string, StoredAuthorizationState> } {
  const rows = new Map<string, StoredAuthorizationState>();
  return {
    rows,
    async save(state) { rows.set(state.stateHash, state); },
    async take(hash) { const row = rows.get(hash); rows.delete(hash); return row; },
    async deleteExpired(now) { let n = 0; for (const [k, v] of rows) if (v.expiresAt <= now) { rows.delete(k); n += 1; } return n; },
  };
}

const reasonOf = (promise: Promise<unknown>) => promise.then(() => 'accepted', (error: { code?: string; details?: { reason?: string } }) => `${error.code}:${error.details?.reason}`);

describe('OAuth state', () => {
  it('when a state is issued, then only hashes are stored, and it is accepted once with its cookie', async () => {
    const clock = createFixedClock(1_000);
    const states = memoryStates();
    const issued = await issueState(states, clock, 'login', '/settings');
    const [row] = [...states.rows.values()];
    expect(JSON.stringify(row)).not.toContain(issued.state);
    expect(JSON.stringify(row)).not.toContain(issued.binding);
    await expect(consumeState(states, clock, issued.state, issued.binding)).resolves.toMatchObject({ purpose: 'login', returnTo: '/settings' });
    expect(await reasonOf(consumeState(states, clock, issued.state, issued.binding))).toBe('oauth.bad-state:unknown');
  });

  it('when the cookie is missing or different, or the state is missing, expired or made up, then it is refused with the reason', async () => {
    const clock = createFixedClock(1_000);
    const states = memoryStates();
    const a = await issueState(states, clock, 'install', null);
    const b = await issueState(states, clock, 'install', null);
    expect(await reasonOf(consumeState(states, clock, a.state, b.binding))).toBe('oauth.bad-state:cookie');
    expect(await reasonOf(consumeState(states, clock, a.state, undefined))).toBe('oauth.bad-state:unknown');
    expect(await reasonOf(consumeState(states, clock, b.state, undefined))).toBe('oauth.bad-state:cookie');
    expect(await reasonOf(consumeState(states, clock, undefined, a.binding))).toBe('oauth.bad-state:missing');
    expect(await reasonOf(consumeState(states, clock, 'made-up', a.binding))).toBe('oauth.bad-state:unknown');
    const c = await issueState(states, clock, 'install', null);
    clock.advance(STATE_TTL_MS);
    expect(await reasonOf(consumeState(states, clock, c.state, c.binding))).toBe('oauth.bad-state:expired');
  });

  it('when a new state is issued, then expired ones are swept', async () => {
    const clock = createFixedClock(1_000);
    const states = memoryStates();
    await issueState(states, clock, 'install', null);
    clock.advance(STATE_TTL_MS + 1);
    await issueState(states, clock, 'install', null);
    expect(states.rows.size).toBe(1);
  });

  it.each([
    ['/settings/rules?tab=2#x', '/settings/rules?tab=2#x'],
    ['/', '/'],
    ['//evil.example', '/settings'],
    ['/\\evil.example', '/settings'],
    ['https://evil.example/', '/settings'],
    ['javascript:alert(1)', '/settings'],
    ['/settings\r\nSet-Cookie: x', '/settings'],
    ['', '/settings'],
    [undefined, '/settings'],
    [['/a', '/b'], '/settings'],
    [`/${'a'.repeat(600)}`, '/settings'],
  ])('when returnTo is %j, then the login returns to %s', (input, expected) => {
    expect(safeReturnTo(input)).toBe(expected);
  });
});

describe('OAuth pages', () => {
  it('when a message holds markup, then it is escaped', () => {
    expect(escapeHtml(`<script>"'&`)).toBe('&lt;script&gt;&quot;&#39;&amp;');
    const html = renderPage('<b>', 'x<img src=x onerror=alert(1)>', { href: '/a"onclick="x', label: '<i>' });
    expect(html).not.toMatch(/<img|<b>|<i>|"onclick/);
  });
});
