/**
 * Where a portal's cards go: the channel and what it needs (timeline template id, app-event
 * type). Part of the portal's settings document, and what the card publisher delivers through;
 * it lives here, below both, so the HubSpot adapter never imports the settings edge.
 */
import { z } from 'zod';

export const CHANNELS = ['note', 'timeline-v3', 'app-event', 'task-body'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DeliverySettingsSchema = z
  .object({
    channel: z.enum(CHANNELS).default('note'),
    /** Timeline v3 event template id (`npm run provision` creates it); required for `timeline-v3`. */
    eventTemplateId: z.string().regex(/^\d+$/).optional(),
    /** Fully qualified app-event type name; required for `app-event`. */
    eventTypeName: z.string().min(1).max(200).optional(),
  })
  .refine((delivery) => delivery.channel !== 'timeline-v3' || delivery.eventTemplateId !== undefined, {
    message: 'the timeline-v3 channel needs an event template id',
    path: ['eventTemplateId'],
  })
  .refine((delivery) => delivery.channel !== 'app-event' || delivery.eventTypeName !== undefined, {
    message: 'the app-event channel needs an event type name',
    path: ['eventTypeName'],
  });
export type DeliverySettings = z.infer<typeof DeliverySettingsSchema>;
