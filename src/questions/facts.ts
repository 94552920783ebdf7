/** Concrete client facts a question or headline rests on; the "why this card" line lists them. */
import type { LifecyclePhase } from '../context/signals.ts';

export type TouchType = 'EMAIL' | 'CALL' | 'MEETING';

export type Fact =
  | { id: 'last-reply'; days: number }
  | { id: 'never-replied' }
  | { id: 'attempts'; count: number }
  | { id: 'last-touch'; touch: TouchType; days: number }
  | { id: 'last-subject'; touch: TouchType; days: number; subject: string }
  | { id: 'ticket-subject'; subject: string }
  | { id: 'stage-age'; days: number; stage: string }
  | { id: 'stage-median'; days: number }
  | { id: 'close-date'; days: number }
  | { id: 'quarter-end'; days: number }
  | { id: 'close-pushed'; count: number }
  | { id: 'open-tickets'; count: number }
  | { id: 'high-priority'; count: number }
  | { id: 'lifecycle'; phase: LifecyclePhase }
  | { id: 'record-age'; days: number }
  | { id: 'industry'; industry: string }
  | { id: 'employees'; count: number }
  | { id: 'job-title'; title: string }
  | { id: 'peers-stalled'; count: number }
  | { id: 'peers-theme'; count: number; theme: string }
  | { id: 'collaborator'; person: string };

export type FactId = Fact['id'];

/** Every fact id, for banks and tests to check they word each one. */
export const FACT_IDS: readonly FactId[] = [
  'last-reply', 'never-replied', 'attempts', 'last-touch', 'last-subject', 'ticket-subject', 'stage-age', 'stage-median', 'close-date', 'quarter-end', 'close-pushed',
  'open-tickets', 'high-priority', 'lifecycle', 'record-age', 'industry', 'employees', 'job-title', 'peers-stalled', 'peers-theme', 'collaborator',
];
