// Runs a fixture through both passes, and checks what any server would check of the result.
import ICAL from 'ical.js';
import { expect } from 'vitest';
import type {
  CalendarObjectOutcome,
  CalendarObjectResource,
} from '../../../src/ical/prepare-calendar-objects.ts';
import { prepareCalendarObjects } from '../../../src/ical/prepare-calendar-objects.ts';
import { surveyCalendar } from '../../../src/ical/survey-calendar.ts';
import { sourceFromFile } from './calendar-file.ts';

export const SAMPLES = new URL('../../fixtures/items/google-samples/', import.meta.url).pathname;
export const HOSTILE = new URL('../../fixtures/items/calendar/', import.meta.url).pathname;

export async function prepareFile(path: string): Promise<CalendarObjectOutcome[]> {
  const source = sourceFromFile(path);
  const survey = await surveyCalendar(source);
  const outcomes: CalendarObjectOutcome[] = [];
  for await (const outcome of prepareCalendarObjects(source, survey)) outcomes.push(outcome);
  return outcomes;
}

export function ready(outcomes: readonly CalendarObjectOutcome[]): CalendarObjectResource[] {
  return outcomes.flatMap((outcome) => (outcome.status === 'ready' ? [outcome.resource] : []));
}

export function parseResource(resource: CalendarObjectResource): ICAL.Component {
  return new ICAL.Component(ICAL.parse(resource.ics) as unknown[]);
}

/** What RFC 4791 §4.1 and the servers we target require of a calendar object resource. */
export function expectStorable(resource: CalendarObjectResource): void {
  const calendar = parseResource(resource);
  expect(calendar.name).toBe('vcalendar');
  expect(calendar.hasProperty('method')).toBe(false);
  const objects = calendar.getAllSubcomponents().filter((c) => c.name !== 'vtimezone');
  expect(new Set(objects.map((c) => c.getFirstPropertyValue('uid')))).toEqual(
    new Set([resource.uid]),
  );
  expect(new Set(objects.map((c) => c.name)).size).toBe(1);
  expect(objects.filter((c) => !c.hasProperty('recurrence-id'))).toHaveLength(1);

  const defined = calendar
    .getAllSubcomponents('vtimezone')
    .map((c) => c.getFirstPropertyValue('tzid'));
  expect(new Set(defined).size).toBe(defined.length);
  const used = new Set<string>();
  const visit = (component: ICAL.Component) => {
    for (const property of component.getAllProperties()) {
      const tzid = property.getFirstParameter('tzid') as string | undefined;
      if (typeof tzid === 'string') used.add(tzid);
      if (['organizer', 'attendee'].includes(property.name) && component.name !== 'valarm') {
        expect(property.getFirstParameter('schedule-agent'), resource.where).toBe('CLIENT');
      }
    }
    for (const child of component.getAllSubcomponents()) visit(child);
  };
  objects.forEach(visit);
  expect(new Set(defined)).toEqual(used);
  expect(resource.resourceName).toMatch(/^[0-9a-f]{40}\.ics$/);
  expect(resource.ics.endsWith('\r\n')).toBe(true);
  expect(resource.ics).not.toMatch(/[^\r]\n/);
}
