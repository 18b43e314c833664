// How a problem names an event so the family finds it in their old agenda: its title and when it
// starts ("Karaoke (2021-11-26 21:30)"), never a UID alone (the UID goes in the parameters).
import type ICAL from 'ical.js';

/** `2021-11-26`, `2021-11-26T21:30:00`, `2021-11-26T21:30:00Z` or `20211126T213000Z` → readable. */
export function readableStart(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2}):?\d{2}(Z)?)?$/.exec(value.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, utc] = match;
  const date = `${year}-${month}-${day}`;
  if (hour === undefined || minute === undefined) return date;
  return `${date} ${hour}:${minute}${utc ? ' UTC' : ''}`;
}

export function whereOf(
  summary: string | undefined,
  start: string | undefined,
  uid: string,
): string {
  const title = summary?.trim() ? summary.trim() : uid;
  return start ? `${title} (${start})` : title;
}

export function summaryOf(component: ICAL.Component): string | undefined {
  const summary = component.getFirstPropertyValue('summary');
  return typeof summary === 'string' && summary.trim() !== '' ? summary.trim() : undefined;
}

/** The start as written (jCal form), for messages; undefined for tasks without one. */
export function startOf(component: ICAL.Component): string | undefined {
  const start = component.getFirstProperty('dtstart') ?? component.getFirstProperty('due');
  const raw: unknown = start?.jCal[3];
  return readableStart(typeof raw === 'string' ? raw : undefined);
}

export function describeEvent(component: ICAL.Component, uid: string): string {
  return whereOf(summaryOf(component), startOf(component), uid);
}
