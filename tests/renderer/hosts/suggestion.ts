// A suggested host as findHosts returns it, with only the fields a test cares about changed.
import type { HostSuggestion } from '../../../src/contract/index.ts';

export function suggestion(overrides: Partial<HostSuggestion> & { id: string }): HostSuggestion {
  return {
    name: overrides.id,
    website: null,
    city: null,
    country: 'FR',
    location: null,
    distanceKm: null,
    offers: [],
    registration: 'unknown',
    tier: 'to-check',
    group: 'near',
    software: null,
    why: [],
    reasons: [],
    checked: '2026-11-24',
    ageDays: 2,
    ...overrides,
  };
}
