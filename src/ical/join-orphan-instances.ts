// Orphan overrides: Google exports instances of a series without the series itself when the
// family was invited to some occurrences only (TAKEOUT-NOTES §2.4). The family sees them in
// Google, so they must arrive — with their UID, since the organiser's later updates match on it.
//
// A resource holding only RECURRENCE-ID components is refused by Radicale (400 "Main component
// missing"), and sabre/dav (Nextcloud) then treats the first override as the master, so a lone
// override whose start was not moved "generates no instance" and is refused too. Options weighed:
//   - keep the overrides alone: refused, as above;
//   - new UIDs, one plain event per instance: accepted, but breaks the organiser's updates;
//   - one instance: drop RECURRENCE-ID, it becomes a plain event with the same UID. Shown once,
//     at its own (possibly moved) start, by every server and client;
//   - several instances: add a master whose DTSTART is the earliest RECURRENCE-ID and whose
//     RDATEs are all of them (no RRULE: sabre reads RDATE only when both are present), and keep
//     every override. Every occurrence the master generates is overridden, so each instance is
//     shown exactly once, at the override's time; Radicale, Xandikos and sabre accept it.
import ICAL from 'ical.js';
import { compareText } from './resource-name.ts';

export type OrphanRepair = 'orphan-instance-made-single' | 'orphan-instances-joined';

export interface Joined {
  /** Master first, then its overrides. */
  readonly components: readonly ICAL.Component[];
  readonly repair?: OrphanRepair;
}

function recurrenceIdOf(component: ICAL.Component): ICAL.Property | null {
  return component.getFirstProperty('recurrence-id');
}

function sortKey(component: ICAL.Component): string {
  const raw: unknown = recurrenceIdOf(component)?.jCal[3];
  return typeof raw === 'string' ? raw : '';
}

/** A copy of `property` (its parameters and value) under another name. */
function renamed(property: ICAL.Property, name: string): ICAL.Property {
  const [, params, type, ...values] = structuredClone(property.jCal) as [
    string,
    Record<string, unknown>,
    string,
    ...unknown[],
  ];
  return new ICAL.Property([name, params, type, ...values]);
}

function syntheticMaster(first: ICAL.Component, others: readonly ICAL.Component[]): ICAL.Component {
  const master = new ICAL.Component(structuredClone(first.toJSON()) as unknown[]);
  const recurrenceId = recurrenceIdOf(first);
  if (!recurrenceId) return master;
  for (const name of [
    'recurrence-id',
    'rrule',
    'rdate',
    'exdate',
    'dtstart',
    'dtend',
    'duration',
  ]) {
    master.removeAllProperties(name);
  }
  // Its occurrences are all overridden: its alarms would never ring, some clients would ring them.
  master.removeAllSubcomponents('valarm');
  master.addProperty(renamed(recurrenceId, 'dtstart'));

  const start = first.getFirstPropertyValue('dtstart');
  const end = first.getFirstPropertyValue('dtend');
  const originalStart = recurrenceId.getFirstValue();
  if (
    start instanceof ICAL.Time &&
    end instanceof ICAL.Time &&
    originalStart instanceof ICAL.Time
  ) {
    const masterEnd = originalStart.clone();
    masterEnd.addDuration(end.subtractDate(start));
    const dtend = renamed(recurrenceId, 'dtend');
    dtend.setValue(masterEnd);
    master.addProperty(dtend);
  } else {
    const duration = first.getFirstProperty('duration');
    if (duration) master.addProperty(renamed(duration, 'duration'));
  }
  // The first one too, although DTSTART already is an occurrence (RFC 5545 §3.8.5.2 ignores the
  // duplicate): ical.js, which Nextcloud's web calendar builds on, skips DTSTART when a master has
  // RDATEs and no RRULE, and would then hide the first instance.
  for (const override of [first, ...others]) {
    const originalId = recurrenceIdOf(override);
    if (originalId) master.addProperty(renamed(originalId, 'rdate'));
  }
  return master;
}

export function joinOrphanInstances(components: readonly ICAL.Component[]): Joined {
  const master = components.find((component) => !recurrenceIdOf(component));
  if (master) return { components: [master, ...components.filter((c) => c !== master)] };
  const overrides = [...components].sort((a, b) => compareText(sortKey(a), sortKey(b)));
  const [first, ...others] = overrides;
  if (!first) return { components };
  if (others.length === 0) {
    first.removeAllProperties('recurrence-id');
    return { components: [first], repair: 'orphan-instance-made-single' };
  }
  return {
    components: [syntheticMaster(first, others), ...overrides],
    repair: 'orphan-instances-joined',
  };
}
