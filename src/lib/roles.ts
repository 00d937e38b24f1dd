/**
 * The fixed set of readers a page can be written for. Filters, badges and onboarding tracks all
 * speak of these, so a page cannot invent a new one.
 */
export const ROLES = {
  'physician-lead': 'Physician lead',
  'program-manager': 'Program manager',
  'peer-supporter': 'Peer supporter',
  'unit-leader': 'Unit leader',
  'executive-sponsor': 'Executive sponsor',
  trainer: 'Trainer',
  clinician: 'Any clinician',
} as const;

export type Role = keyof typeof ROLES;

export const ROLE_IDS = Object.keys(ROLES) as [Role, ...Role[]];

export const TIERS = {
  1: 'Tier 1: local support',
  2: 'Tier 2: trained peer support',
  3: 'Tier 3: professional referral',
} as const;

export type Tier = keyof typeof TIERS;
