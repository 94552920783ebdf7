/**
 * RELIABILITY.md row 39 end to end: HubSpot answers 500, 502, 503 and 504 to every read of a
 * task. The real worker retries on the T7 schedule (jitter pinned to its floor, `random: () => 0`,
 * so each wait is 1 s), runs the job as many times as the service does (DEFAULT_QUEUE_SETTINGS),
 * then dead-letters it with HubSpot's mapped reason visible and no token or property value in it.
 */
import { DEFAULT_APP } from '../../src/sandbox/create-sandbox.ts';
import { DEFAULT_QUEUE_SETTINGS, TASK_EVENTS_DEAD_LETTER } from '../../src/store/boss-queue.ts';
import { eventually } from '../helpers/eventually.ts';
import { startStack, type Stack } from './stack.ts';

interface RequestLog { log: { at: number; method: string; path: string; status: number }[] }
interface TaskView { id: string; associations: { contacts: string[] } }

let stack: Stack;
afterEach(async () => { await stack?.close(); });

test('when every task read answers 500, 502, 503 or 504, then the job is retried with backoff and dead-lettered after the last attempt with the reason listed', async () => {
  const attempts = DEFAULT_QUEUE_SETTINGS.attempts;
  stack = await startStack({ sandbox: { seed: true }, attempts });
  stack.sandbox.webhooks.setTarget(undefined); // the test delivers the one event itself
  const tasks = (await stack.control<{ results: TaskView[] }>('/__sandbox/tasks')).results;
  const contact = tasks.flatMap((task) => task.associations.contacts)[0] ?? '';
  const taskId = (await stack.control<TaskView>('/__sandbox/tasks', { method: 'POST', body: JSON.stringify({ subject: 'Follow up', contactIds: [contact], body: 'secret body 0xC0FFEE' }) })).id;
  // Two of each status, in order, then 504 on everything after.
  const statuses = [500, 500, 502, 502, 503, 503, 504];
  for (const status of statuses) await stack.control('/__sandbox/faults', { method: 'POST', body: JSON.stringify({ path: '/crm/v3/objects/tasks/batch/read', status, times: 1 }) });
  await stack.control('/__sandbox/faults', { method: 'POST', body: JSON.stringify({ path: '/crm/v3/objects/tasks/batch/read', status: 504, times: 0 }) });
  await fetch(`${stack.sandboxUrl}/__sandbox/requests`, { method: 'DELETE' });

  const started = Date.now();
  expect(await stack.deliver([{ eventId: 9_100_001, subscriptionId: 3849711, portalId: Number(stack.portalId), appId: DEFAULT_APP.appId,
    occurredAt: started, subscriptionType: 'object.creation', attemptNumber: 0, objectId: Number(taskId), objectTypeId: '0-27', changeFlag: 'CREATED', changeSource: 'CRM_UI' }])).toBe(204);

  await eventually(() => stack.queue.countJobs(TASK_EVENTS_DEAD_LETTER), (counts) => Object.values(counts).reduce((a, b) => a + b, 0) === 1, 60_000);
  const reads = (await stack.control<RequestLog>('/__sandbox/requests')).log.filter((entry) => entry.path === '/crm/v3/objects/tasks/batch/read');
  // One read per run (no hidden retry loop inside the client), each answered with the fault.
  expect(reads.map((entry) => entry.status)).toEqual([...statuses, 504, 504].slice(0, attempts));
  // Backoff: each retry at least the 1 s floor of its T7 step after the previous run.
  const gaps = reads.slice(1).map((entry, index) => entry.at - (reads[index]?.at ?? 0));
  expect(gaps.every((gap) => gap >= 950)).toBe(true);

  const [dead, ...more] = await stack.queue.listDeadLetters(10);
  expect(more).toEqual([]);
  expect(dead).toMatchObject({ job: { objectId: taskId }, retries: attempts - 1 });
  expect(dead?.error).toMatch(/^hubspot\.unavailable: tasks\.batchRead: HubSpot answered 504/);
  expect(JSON.stringify(dead)).not.toMatch(/secret body|0xC0FFEE|e2e-[0-9a-f]{32}|Bearer/);
  expect(await stack.db.query('select task_id from cards')).toEqual([]);
  expect((await stack.control<{ results: unknown[] }>('/__sandbox/notes')).results).toHaveLength(0);
  process.stdout.write(`row 39: ${attempts} runs, statuses ${reads.map((entry) => entry.status).join(',')}, gaps ms ${gaps.join(',')}, dead-lettered after ${Date.now() - started} ms; error: ${dead?.error}\n`);
}, 90_000);
