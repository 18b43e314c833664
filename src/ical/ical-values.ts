// ical.js's type declarations promise a string where the runtime gives `undefined` for an absent
// parameter; these helpers say what really comes back.
import type ICAL from 'ical.js';

export function parameterOf(property: ICAL.Property, name: string): string | undefined {
  const value = property.getFirstParameter(name) as string | undefined;
  return typeof value === 'string' ? value : undefined;
}
