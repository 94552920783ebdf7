/**
 * The two settings API routes the app card uses (src/settings/openapi.json), through
 * `hubspot.fetch`: HubSpot signs the call, and the backend takes the portal from the signature.
 */
import { hubspot } from '@hubspot/ui-extensions';

/** The deployer's backend origin; keep in step with app-hsmeta.json (see the README). */
export const API_BASE_URL = 'https://unrobot.example.com';

export type RecordObjectType = 'contact' | 'company' | 'deal';
export type Reaction = 'helpful' | 'not-helpful' | 'snooze';
export interface RecordCardItem {
  id: string;
  ruleName: string;
  taskSubject: string;
  headline: string;
  questions: string[];
  why: string;
  deliveredAt: string;
  feedback: Reaction | null;
}

/** HubSpot's object type ids for the records the card is placed on. */
const OBJECT_TYPES: Record<string, RecordObjectType> = { '0-1': 'contact', '0-2': 'company', '0-3': 'deal' };

export function objectTypeOf(objectTypeId: string): RecordObjectType | undefined {
  return OBJECT_TYPES[objectTypeId];
}

async function parse<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
  if (!response.ok) throw new Error(body.error?.message ?? `Unrobot answered ${response.status}`);
  return body as T;
}

export async function listCards(objectType: RecordObjectType, objectId: number): Promise<RecordCardItem[]> {
  const query = `objectType=${objectType}&objectId=${encodeURIComponent(String(objectId))}&limit=5`;
  const response = await hubspot.fetch(`${API_BASE_URL}/api/v1/cards?${query}`, { method: 'GET' });
  return (await parse<{ cards: RecordCardItem[] }>(response)).cards;
}

export async function sendFeedback(cardId: string, reaction: Reaction): Promise<void> {
  const response = await hubspot.fetch(`${API_BASE_URL}/api/v1/cards/${encodeURIComponent(cardId)}/feedback`, {
    method: 'POST',
    body: { reaction },
  });
  await parse<unknown>(response);
}
