/**
 * What the pipeline asks of HubSpot, in its own words. `src/hubspot/` implements these ports
 * on the SDK (through `PortalClient`); the worker and the use case see only these interfaces.
 */
import type { CrmSnapshot } from '../context/crm-snapshot.ts';
import type { Card } from '../cards/card.ts';
import type { DeliverySettings } from '../cards/delivery-settings.ts';

/** A CRM record a card is about (the task's associated contact, company or deal). */
export interface RecordRef {
  objectType: 'contact' | 'company' | 'deal' | 'ticket';
  id: string;
}

/** Why a task cannot get a card any more. */
export type TaskGone = { gone: 'deleted' | 'completed' };

export type SnapshotResult = { snapshot: CrmSnapshot; records: RecordRef[] } | TaskGone;

/**
 * Reads the CRM context for tasks. Implementations batch: the snapshots of many tasks of one
 * portal are read with shared batch calls, and companies, deals and pipelines are cached
 * briefly per portal, so a batch of 20 events costs a handful of HubSpot calls, not 20×.
 */
export interface CrmReader {
  loadSnapshots(portalId: string, accessToken: string, taskIds: readonly string[], now: number): Promise<Map<string, SnapshotResult>>;
}

export interface DeliveryTarget {
  portalId: string;
  accessToken: string;
  taskId: string;
  /** The card's own id (also the idempotency marker written into what HubSpot stores). */
  cardId: string;
  records: RecordRef[];
  delivery: DeliverySettings;
  /** Epoch ms; the note/event timestamp. */
  now: number;
}

/** Posts a rendered card through the portal's channel. */
export interface CardPublisher {
  /** Creates the card in HubSpot; returns the id of what was created (note id, event id, task id). */
  publish(card: Card, target: DeliveryTarget): Promise<{ hubspotObjectId: string }>;
  /**
   * After a crash between the HubSpot write and its record: finds the card HubSpot already has
   * (search-before-create on the marker), where the channel allows it; undefined when absent.
   */
  findExisting(target: DeliveryTarget): Promise<{ hubspotObjectId: string } | undefined>;
}
