/**
 * A portal's settings as the pipeline consumes them: one document per portal, every part
 * defaulted, so a portal that never opened the settings page runs on calm defaults.
 * The settings API (`openapi.json`) edits this document; the worker reads it through
 * {@link SettingsSource}.
 */
import { z } from 'zod';
import { DeliverySettingsSchema } from '../cards/delivery-settings.ts';
import { PolicySettingsSchema } from '../policy/policy-settings.ts';
import { ComposerSettingsSchema } from '../questions/composer-settings.ts';
import { LOCALES, RuleOverridesSchema, type EffectiveRules } from '../rules/index.ts';

export { CHANNELS, DeliverySettingsSchema, type Channel, type DeliverySettings } from '../cards/delivery-settings.ts';

export const PortalSettingsSchema = z.object({
  /**
   * Language of the questions; the rep's own locale wins where HubSpot tells us. Any language of
   * the rule pack may be chosen; cards fall back to English where no question bank exists yet.
   */
  locale: z.enum(LOCALES).default('en'),
  delivery: DeliverySettingsSchema.default({ channel: 'note' }),
  composer: ComposerSettingsSchema.default(ComposerSettingsSchema.parse({})),
  policy: PolicySettingsSchema.default(PolicySettingsSchema.parse({})),
  rules: RuleOverridesSchema.default(RuleOverridesSchema.parse({})),
});

export type PortalSettings = z.infer<typeof PortalSettingsSchema>;

export const DEFAULT_PORTAL_SETTINGS: PortalSettings = PortalSettingsSchema.parse({});

/** What the worker needs for one portal: the settings, the effective rules, and their version. */
export interface LoadedSettings {
  portalId: string;
  settings: PortalSettings;
  rules: EffectiveRules;
  /** Increments on every save; 0 while the portal runs on defaults. */
  version: number;
}

/** The port the worker, the poller and the preview read settings through. */
export interface SettingsSource {
  load(portalId: string): Promise<LoadedSettings>;
}
