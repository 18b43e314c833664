// A UID's components as a server accepts them: one master at most, one override per
// RECURRENCE-ID (Radicale answers 400 "Multiple main components"), one component type
// (RFC 4791 §4.1). Google should never write duplicates; if a file has them, the most recent
// version wins and the others are reported.
import type ICAL from 'ical.js';
import type { ProblemFact } from '../contract/problem.ts';
import { describeEvent } from './describe-event.ts';
import type { ReadComponent } from './group-by-uid.ts';
import { compareText } from './resource-name.ts';

function occurrenceKey(component: ICAL.Component): string {
  const recurrenceId = component.getFirstProperty('recurrence-id');
  if (!recurrenceId) return 'master';
  const raw: unknown = recurrenceId.jCal[3];
  return `${String(raw)}|${recurrenceId.getFirstParameter('tzid')}`;
}

function numberOf(component: ICAL.Component, name: string): number {
  const value = component.getFirstPropertyValue(name);
  return typeof value === 'number' ? value : 0;
}

function textOf(component: ICAL.Component, name: string): string {
  const raw: unknown = component.getFirstProperty(name)?.jCal[3];
  return typeof raw === 'string' ? raw : '';
}

/** Positive when `a` is the more recent version (RFC 5545 §3.8.7.4: SEQUENCE, then LAST-MODIFIED). */
function newer(a: ICAL.Component, b: ICAL.Component): number {
  return (
    numberOf(a, 'sequence') - numberOf(b, 'sequence') ||
    compareText(textOf(a, 'last-modified'), textOf(b, 'last-modified'))
  );
}

export interface Deduped {
  readonly kind: string;
  readonly components: readonly ICAL.Component[];
  readonly problems: readonly ProblemFact[];
}

export function dedupeComponents(uid: string, read: readonly ReadComponent[]): Deduped {
  const problems: ProblemFact[] = [];
  const master = read.find((entry) => !entry.component.hasProperty('recurrence-id'));
  const kind = (master ?? read[0])?.kind ?? 'vevent';
  const kept = new Map<string, ICAL.Component>();
  for (const entry of read) {
    const where = describeEvent(entry.component, uid);
    if (entry.kind !== kind) {
      problems.push({ code: 'items.event-mixed-kinds', where, params: { uid } });
      continue;
    }
    const key = occurrenceKey(entry.component);
    const previous = kept.get(key);
    if (previous) {
      problems.push({ code: 'items.event-duplicate', where, params: { uid } });
      // Later in the file wins a tie: Google appends the most recent edit.
      if (newer(entry.component, previous) >= 0) kept.set(key, entry.component);
      continue;
    }
    kept.set(key, entry.component);
  }
  return { kind, components: [...kept.values()], problems };
}
