// A "newer Takeout" of the same family: the same export unpacked in a folder, with a few events
// changed in place and a few added, as a second export some weeks later would have them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fold } from '../../fixtures/takeout/takeout-spec.ts';

/** Replaces `from` by `to` in one file of an unpacked export (the test fails if absent). */
export function editFile(root: string, path: string, from: string, to: string): void {
  const file = join(root, 'Takeout', path);
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${from} not in ${path}`);
  writeFileSync(file, text.replace(from, to));
}

/** Adds a one-off event to a calendar file, as Google writes one. */
export function addEvent(
  root: string,
  path: string,
  event: { uid: string; summary: string; day: string },
): void {
  const lines = [
    'BEGIN:VEVENT',
    `DTSTART:${event.day}T090000Z`,
    `DTEND:${event.day}T100000Z`,
    'DTSTAMP:20250401T120000Z',
    `UID:${event.uid}`,
    'CREATED:20250401T110000Z',
    'LAST-MODIFIED:20250401T110000Z',
    'SEQUENCE:0',
    'STATUS:CONFIRMED',
    `SUMMARY:${event.summary}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
  ].map((line) => fold(line));
  editFile(root, path, 'END:VCALENDAR', `${lines.join('\r\n')}\r\nEND:VCALENDAR`);
}
