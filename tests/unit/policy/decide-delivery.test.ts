import fc from 'fast-check';
import { decideDelivery, quietHoursEnd, snoozeUntil, SKIP_REASONS } from '../../../src/policy/decide-delivery.ts';
import type { DeliveredCard, DeliveryInput, RecordRef } from '../../../src/policy/decide-delivery.ts';
import { PolicySettingsSchema, type PolicySettings } from '../../../src/policy/policy-settings.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const at = (iso: string) => Date.parse(iso);

const acme: RecordRef = { type: 'company', id: '101' };
const jane: RecordRef = { type: 'contact', id: '201' };
const bigDeal: RecordRef = { type: 'deal', id: '301' };

/** Paris, no quiet hours unless a test asks: 2024-06-12 10:00 local is 08:00Z. */
function settings(overrides: Partial<PolicySettings> = {}): PolicySettings {
  return PolicySettingsSchema.parse({ timeZone: 'Europe/Paris', quietHours: null, ...overrides });
}

function input(overrides: Partial<DeliveryInput> = {}): DeliveryInput {
  return {
    now: at('2024-06-12T08:00:00Z'),
    settings: settings(),
    taskId: 'task-1',
    ownerId: 'owner-7',
    records: [jane, acme, bigDeal],
    history: [],
    snoozes: [],
    ...overrides,
  };
}

function card(overrides: Partial<DeliveredCard> = {}): DeliveredCard {
  return { taskId: 'task-0', ownerId: 'owner-7', records: [], deliveredAt: at('2024-06-01T08:00:00Z'), ...overrides };
}

describe('decideDelivery', () => {
  test('when nothing holds the card back, then it is delivered', () => {
    expect(decideDelivery(input())).toEqual({ action: 'deliver' });
  });

  test('when the task already has a card, then it is skipped as task-already-carded', () => {
    const decision = decideDelivery(input({ history: [card({ taskId: 'task-1' })] }));
    expect(decision).toEqual({ action: 'skip', reason: 'task-already-carded', detail: 'task task-1 already has a card' });
  });

  test('when every other rule would also skip, then one-card-per-task is the reason reported', () => {
    const now = at('2024-06-12T08:00:00Z');
    const decision = decideDelivery(
      input({
        settings: settings({ dailyBudgetPerRep: 0 }),
        history: [card({ taskId: 'task-1', records: [acme], deliveredAt: now - HOUR })],
        snoozes: [{ record: acme, until: now + DAY }],
        lastClientReplyAt: now - HOUR,
      }),
    );
    expect(decision).toMatchObject({ action: 'skip', reason: 'task-already-carded' });
  });

  test('when one of the records is snoozed, then the card is skipped as record-snoozed', () => {
    const now = at('2024-06-12T08:00:00Z');
    const decision = decideDelivery(input({ snoozes: [{ record: acme, until: now + DAY }] }));
    expect(decision).toEqual({
      action: 'skip',
      reason: 'record-snoozed',
      detail: 'company 101 is snoozed until 2024-06-13T08:00:00.000Z',
    });
  });

  test('when the snooze has ended or is on another record, then the card is delivered', () => {
    const now = at('2024-06-12T08:00:00Z');
    const snoozes = [
      { record: acme, until: now },
      { record: { type: 'company' as const, id: '999' }, until: now + DAY },
      { record: { type: 'contact' as const, id: '101' }, until: now + DAY },
    ];
    expect(decideDelivery(input({ snoozes }))).toEqual({ action: 'deliver' });
  });

  test('when the client replied inside the window, then the card is skipped as client-replied-recently', () => {
    const now = at('2024-06-12T08:00:00Z');
    const decision = decideDelivery(input({ lastClientReplyAt: now - 47 * HOUR }));
    expect(decision).toEqual({
      action: 'skip',
      reason: 'client-replied-recently',
      detail: 'the client replied within the last 48 h',
    });
  });

  test('when the client replied exactly a window ago or earlier, then the card is delivered', () => {
    const now = at('2024-06-12T08:00:00Z');
    expect(decideDelivery(input({ lastClientReplyAt: now - 48 * HOUR }))).toEqual({ action: 'deliver' });
  });

  test('when a record had a card within the cooldown, then the card is skipped as record-cooldown', () => {
    const now = at('2024-06-12T08:00:00Z');
    const history = [card({ ownerId: 'someone-else', records: [{ type: 'deal', id: '301' }], deliveredAt: now - 71 * HOUR })];
    const decision = decideDelivery(input({ history }));
    expect(decision).toEqual({ action: 'skip', reason: 'record-cooldown', detail: 'deal 301 had a card less than 72 h ago' });
  });

  test('when the cooldown has passed or the shared id is of another type, then the card is delivered', () => {
    const now = at('2024-06-12T08:00:00Z');
    const history = [
      card({ taskId: 'a', records: [acme], deliveredAt: now - 72 * HOUR }),
      card({ taskId: 'b', ownerId: 'x', records: [{ type: 'deal', id: '101' }], deliveredAt: now - HOUR }),
    ];
    expect(decideDelivery(input({ history }))).toEqual({ action: 'deliver' });
  });

  test('when the rep used the day budget in the portal zone, then the card is skipped as rep-daily-budget', () => {
    // 00:30 and 09:00 Paris time on 12 June; the UTC day of the first card is 11 June.
    const history = [
      card({ taskId: 'a', deliveredAt: at('2024-06-11T22:30:00Z') }),
      card({ taskId: 'b', deliveredAt: at('2024-06-12T07:00:00Z') }),
    ];
    const decision = decideDelivery(input({ settings: settings({ dailyBudgetPerRep: 2 }), history }));
    expect(decision).toEqual({
      action: 'skip',
      reason: 'rep-daily-budget',
      detail: 'owner owner-7 already had 2 of 2 cards on 2024-06-12',
    });
  });

  test('when earlier cards were on the previous local day or for another rep, then they do not count', () => {
    const history = [
      card({ taskId: 'a', deliveredAt: at('2024-06-11T21:59:00Z') }), // 23:59 Paris, 11 June
      card({ taskId: 'b', ownerId: 'owner-8', deliveredAt: at('2024-06-12T07:00:00Z') }),
      card({ taskId: 'c', ownerId: null, deliveredAt: at('2024-06-12T07:00:00Z') }),
      card({ taskId: 'd', deliveredAt: at('2024-06-05T07:00:00Z') }),
    ];
    expect(decideDelivery(input({ settings: settings({ dailyBudgetPerRep: 1 }), history }))).toEqual({ action: 'deliver' });
  });

  test('when the task has no owner, then unassigned tasks share one budget', () => {
    const history = [card({ taskId: 'a', ownerId: null, deliveredAt: at('2024-06-12T07:00:00Z') })];
    const decision = decideDelivery(input({ ownerId: null, settings: settings({ dailyBudgetPerRep: 1 }), history }));
    expect(decision).toEqual({
      action: 'skip',
      reason: 'rep-daily-budget',
      detail: 'unassigned tasks already had 1 of 1 cards on 2024-06-12',
    });
  });

  test('when the budget is 0, then every card is skipped', () => {
    expect(decideDelivery(input({ settings: settings({ dailyBudgetPerRep: 0 }) }))).toMatchObject({ reason: 'rep-daily-budget' });
  });

  describe('quiet hours', () => {
    const quiet = settings({ quietHours: { start: '19:00', end: '08:00' } });

    test('when a card is due in the evening, then it is deferred to 08:00 local the next morning', () => {
      const decision = decideDelivery(input({ settings: quiet, now: at('2024-06-12T20:00:00Z') })); // 22:00 Paris
      expect(decision).toEqual({ action: 'defer', until: at('2024-06-13T06:00:00Z'), reason: 'quiet-hours' });
    });

    test('when a card is due after midnight, then it is deferred to 08:00 local the same day', () => {
      const decision = decideDelivery(input({ settings: quiet, now: at('2024-06-12T01:00:00Z') })); // 03:00 Paris
      expect(decision).toEqual({ action: 'defer', until: at('2024-06-12T06:00:00Z'), reason: 'quiet-hours' });
    });

    test('when a card is due exactly at the end of quiet hours, then it is delivered', () => {
      expect(decideDelivery(input({ settings: quiet, now: at('2024-06-12T06:00:00Z') }))).toEqual({ action: 'deliver' });
    });

    test('when a card is due exactly at the start of quiet hours, then it is deferred', () => {
      expect(decideDelivery(input({ settings: quiet, now: at('2024-06-12T17:00:00Z') }))).toMatchObject({ action: 'defer' });
    });

    test('when quiet hours do not span midnight, then only the window itself defers', () => {
      const lunch = settings({ quietHours: { start: '12:00', end: '13:30' } });
      expect(decideDelivery(input({ settings: lunch, now: at('2024-06-12T10:15:00Z') }))).toEqual({
        action: 'defer',
        until: at('2024-06-12T11:30:00Z'),
        reason: 'quiet-hours',
      });
      expect(decideDelivery(input({ settings: lunch, now: at('2024-06-12T09:59:00Z') }))).toEqual({ action: 'deliver' });
      expect(decideDelivery(input({ settings: lunch, now: at('2024-06-12T11:30:00Z') }))).toEqual({ action: 'deliver' });
    });

    test("when today's budget is used up at 22:00, then the card is still deferred because tomorrow's budget applies", () => {
      const history = [card({ taskId: 'a', deliveredAt: at('2024-06-12T09:00:00Z') })];
      const decision = decideDelivery(
        input({ settings: { ...quiet, dailyBudgetPerRep: 1 }, history, now: at('2024-06-12T20:00:00Z') }),
      );
      expect(decision).toEqual({ action: 'defer', until: at('2024-06-13T06:00:00Z'), reason: 'quiet-hours' });
    });

    test('when a skip rule holds at the end of quiet hours, then the card is skipped, not deferred', () => {
      const now = at('2024-06-12T20:00:00Z');
      const snoozes = [{ record: jane, until: at('2024-06-20T00:00:00Z') }];
      expect(decideDelivery(input({ settings: quiet, now, snoozes }))).toMatchObject({ action: 'skip', reason: 'record-snoozed' });
    });
  });

  test('when the reason codes are listed, then they are the stable analytics vocabulary', () => {
    expect(SKIP_REASONS).toEqual([
      'task-already-carded',
      'record-snoozed',
      'client-replied-recently',
      'record-cooldown',
      'rep-daily-budget',
    ]);
  });
});

describe('quietHoursEnd across daylight-saving changes', () => {
  const ny = 'America/New_York';

  test('when quiet hours end at a wall time skipped by spring-forward, then they end just after the gap', () => {
    // 10 March 2024: 02:00 EST jumps to 03:00 EDT (07:00Z). 02:30 does not exist.
    const until = quietHoursEnd(at('2024-03-10T06:15:00Z'), { start: '19:00', end: '02:30' }, ny); // 01:15 EST
    expect(until).toBe(at('2024-03-10T07:30:00Z')); // 03:30 EDT
  });

  test('when quiet hours end just after spring-forward, then the new offset is used', () => {
    const until = quietHoursEnd(at('2024-03-10T06:15:00Z'), { start: '19:00', end: '03:30' }, ny);
    expect(until).toBe(at('2024-03-10T07:30:00Z')); // 03:30 EDT
  });

  test('when quiet hours end on the morning after fall-back, then 08:00 is in standard time', () => {
    // 3 November 2024: 02:00 EDT falls back to 01:00 EST.
    const until = quietHoursEnd(at('2024-11-03T02:00:00Z'), { start: '19:00', end: '08:00' }, ny); // 22:00 EDT, 2 Nov
    expect(until).toBe(at('2024-11-03T13:00:00Z'));
  });
});

describe('snoozeUntil', () => {
  test('when a client is snoozed, then the snooze lasts the configured number of days', () => {
    expect(snoozeUntil(at('2024-06-12T08:00:00Z'), { snoozeDays: 14 })).toBe(at('2024-06-26T08:00:00Z'));
  });
});

describe('quietHoursEnd properties', () => {
  const zones = ['UTC', 'Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/Santiago'];
  const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

  test('when a moment is in quiet hours, then they end later, within a day, at a moment outside them', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2030-01-01') }),
        fc.constantFrom(...zones),
        hhmm,
        hhmm,
        (now, zone, start, end) => {
          fc.pre(start !== end);
          const until = quietHoursEnd(now, { start, end }, zone);
          if (until === undefined) return;
          expect(until).toBeGreaterThan(now);
          expect(until - now).toBeLessThanOrEqual(DAY + 2 * HOUR);
          expect(quietHoursEnd(until, { start, end }, zone)).toBeUndefined();
        },
      ),
      { numRuns: 2000 },
    );
  });
});
