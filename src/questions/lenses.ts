/**
 * The lenses from the thesis (DESIGN.md): each is one way a thoughtful senior colleague would
 * look at a client before reaching out. Every question belongs to exactly one lens.
 */
export const LENS_IDS = [
  'whose-urgency', // the rep's quota and quarter, or the client's timeline?
  'going-dark', // when a client goes quiet, what might they be telling you?
  'behind-the-scenes', // factors in the client's business the CRM does not show
  'common-denominators', // patterns across clients and industries
  'internal-experts', // colleagues who could help, on the client's behalf
  'long-term', // the long-term health of the client's business and the relationship
  'service-experience', // their open issues with us
  'calm-attentiveness', // what do you actually know they need today?
] as const;

export type LensId = (typeof LENS_IDS)[number];
