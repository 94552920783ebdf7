/**
 * The demo portal's history and work: emails, calls, meetings and notes per contact (some
 * companies silent for weeks, some active yesterday), contact roll-ups that agree with that
 * history, and the tasks — robotic and specific, from reps, sequences and workflows.
 */
import { associate, insertRecord, type CrmRecord, type Portal } from './portal.ts';
import { ROBOTIC_BODIES, ROBOTIC_SUBJECTS, SEQUENCES, SPECIFIC_SUBJECTS, WORKFLOWS } from './seed-data.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Which seeded tasks are meant robotic: the demo test asserts one card each, and none for the specific ones. */
export interface SeedGroundTruth {
  roboticTaskIds: string[];
  specificTaskIds: string[];
  /** Companies with no activity for three weeks or more, and those active yesterday. */
  silentCompanyIds: string[];
  activeCompanyIds: string[];
}

interface ActivityInput {
  portal: Portal;
  now: number;
  random: () => number;
  companies: CrmRecord[];
  contacts: CrmRecord[];
  deals: CrmRecord[];
}

const iso = (ms: number): string => new Date(ms).toISOString();

function fill(template: string, contact: CrmRecord, company: CrmRecord): string {
  return template
    .replaceAll('{first}', contact.properties.firstname ?? '')
    .replaceAll('{last}', contact.properties.lastname ?? '')
    .replaceAll('{company}', company.properties.name ?? '');
}

function seedHistory({ portal, now, random, companies, contacts, deals }: ActivityInput): Pick<SeedGroundTruth, 'silentCompanyIds' | 'activeCompanyIds'> {
  const silent: string[] = [];
  const active: string[] = [];
  companies.forEach((company, index) => {
    const profile = index % 4 === 0 ? 'silent' : index % 4 === 1 ? 'active' : 'normal';
    const lastActivity = profile === 'silent' ? now - (21 + index) * DAY : profile === 'active' ? now - DAY - 2 * HOUR : now - (3 + (index % 10)) * DAY;
    (profile === 'silent' ? silent : profile === 'active' ? active : []).push(company.id);
    const deal = deals.find((d) => portal.associations.get(`deals:${d.id}`)?.some((e) => e.toType === 'companies' && e.toId === company.id));
    for (const contact of contacts.filter((c) => c.properties.associatedcompanyid === company.id)) {
      const count = 2 + Math.floor(random() * 5);
      let at = lastActivity - Math.floor(random() * 6) * HOUR;
      let contacted = 0;
      let lastContacted = 0;
      for (let n = 0; n < count; n += 1) {
        const kind = (['emails', 'calls', 'meetings', 'notes', 'emails'] as const)[(n + index) % 5]!;
        const owner = contact.properties.hubspot_owner_id ?? null;
        const incoming = kind === 'emails' && n % 3 === 1;
        const properties: Record<string, string | null> = { hs_timestamp: iso(at), hubspot_owner_id: owner };
        if (kind === 'emails') Object.assign(properties, {
          hs_email_subject: incoming ? `Re: ${company.properties.name} proposal` : `Next steps for ${company.properties.name}`,
          hs_email_text: incoming ? 'Thanks — we are reviewing internally and will come back to you.' : 'Sharing the summary from our call.',
          hs_email_direction: incoming ? 'INCOMING_EMAIL' : 'EMAIL', hs_email_status: 'SENT',
        });
        if (kind === 'calls') Object.assign(properties, { hs_call_title: `Call with ${contact.properties.firstname}`, hs_call_body: 'Discussed rollout timing and budget approval.', hs_call_direction: 'OUTBOUND', hs_call_duration: String(300_000 + n * 60_000), hs_call_status: 'COMPLETED' });
        if (kind === 'meetings') Object.assign(properties, { hs_meeting_title: `${company.properties.name} review`, hs_meeting_body: 'Quarterly check-in on adoption.', hs_meeting_start_time: iso(at), hs_meeting_end_time: iso(at + HOUR), hs_meeting_outcome: 'COMPLETED' });
        if (kind === 'notes') properties.hs_note_body = `<p>${contact.properties.firstname} mentioned a reorganisation in ${company.properties.name}'s operations team.</p>`;
        const record = insertRecord(portal, kind, properties, at);
        associate(portal, kind, record.id, 'contacts', contact.id);
        associate(portal, kind, record.id, 'companies', company.id);
        if (deal && n % 2 === 0) associate(portal, kind, record.id, 'deals', deal.id);
        if (kind !== 'notes' && !incoming) { contacted += 1; lastContacted = Math.max(lastContacted, at); }
        at -= Math.round((2 + random() * 12) * DAY);
      }
      Object.assign(contact.properties, {
        notes_last_updated: iso(lastActivity), notes_last_contacted: lastContacted ? iso(lastContacted) : null,
        num_contacted_notes: String(contacted), num_notes: String(count), hs_last_sales_activity_timestamp: iso(lastActivity),
      });
    }
    Object.assign(company.properties, { notes_last_updated: iso(lastActivity), hs_last_sales_activity_timestamp: iso(lastActivity) });
  });
  return { silentCompanyIds: silent, activeCompanyIds: active };
}

function origin(index: number, robotic: boolean, now: number): Record<string, string> {
  const kind = !robotic ? (index % 9 === 0 ? 'api' : 'rep') : index % 3 === 0 ? 'sequence' : index % 3 === 1 ? 'workflow' : 'rep';
  if (kind === 'sequence') {
    return {
      hs_object_source: 'SEQUENCES', hs_object_source_label: 'SEQUENCES', hs_object_source_id: String(880_000 + (index % SEQUENCES.length)),
      hs_object_source_detail_1: SEQUENCES[index % SEQUENCES.length] ?? '', hs_task_sequence_step_enrollment_id: String(now % 1_000_000 + index),
      hs_task_sequence_step_order: String(1 + (index % 5)), hs_task_sequence_enrollment_active: 'true', hs_engagement_source: 'SEQUENCES',
    };
  }
  if (kind === 'workflow') {
    return { hs_object_source: 'AUTOMATION_PLATFORM', hs_object_source_label: 'AUTOMATION_PLATFORM', hs_object_source_id: String(770_000 + (index % WORKFLOWS.length)), hs_object_source_detail_1: WORKFLOWS[index % WORKFLOWS.length] ?? '' };
  }
  if (kind === 'api') return { hs_object_source: 'INTEGRATION', hs_object_source_label: 'INTEGRATION', hs_object_source_id: '18221010' };
  return { hs_object_source: 'CRM_UI', hs_object_source_label: 'CRM_UI', hs_object_source_id: 'userId:5100001' };
}

/** Seeds history, then 84 tasks: 48 robotic, 36 specific. */
export function seedActivity(input: ActivityInput): SeedGroundTruth {
  const { portal, now, contacts } = input;
  const history = seedHistory(input);
  const robotic: string[] = [];
  const specific: string[] = [];
  for (let t = 0; t < 84; t += 1) {
    const isRobotic = t % 7 < 4;
    const contact = contacts[(t * 7) % contacts.length]!;
    const company = input.companies.find((c) => c.id === contact.properties.associatedcompanyid)!;
    const subject = fill(isRobotic ? ROBOTIC_SUBJECTS[t % ROBOTIC_SUBJECTS.length]! : SPECIFIC_SUBJECTS[t % SPECIFIC_SUBJECTS.length]!, contact, company);
    const created = now - (36 - (t % 36)) * HOUR - t * 60_000;
    const task = insertRecord(portal, 'tasks', {
      hs_task_subject: subject,
      hs_task_body: isRobotic ? ROBOTIC_BODIES[t % ROBOTIC_BODIES.length]! : `Context: ${contact.properties.firstname} asked for this on our last call.`,
      hs_task_status: 'NOT_STARTED', hs_task_priority: (['NONE', 'LOW', 'MEDIUM', 'HIGH'] as const)[t % 4]!,
      hs_task_type: isRobotic ? (['TODO', 'CALL', 'EMAIL'] as const)[t % 3]! : 'TODO', hs_timestamp: iso(now + ((t % 5) - 1) * DAY),
      hubspot_owner_id: contact.properties.hubspot_owner_id ?? null, hs_task_for_object_type: 'OWNER', hs_task_family: 'SALES',
      hs_task_is_completed: '0', ...origin(t, isRobotic, now),
    }, created);
    associate(portal, 'tasks', task.id, 'contacts', contact.id);
    associate(portal, 'tasks', task.id, 'companies', company.id);
    const deal = input.deals.find((d) => portal.associations.get(`deals:${d.id}`)?.some((e) => e.toType === 'companies' && e.toId === company.id));
    if (deal && t % 2 === 0) associate(portal, 'tasks', task.id, 'deals', deal.id);
    (isRobotic ? robotic : specific).push(task.id);
  }
  return { roboticTaskIds: robotic, specificTaskIds: specific, ...history };
}
