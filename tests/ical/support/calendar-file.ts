// Test stand-in for the Takeout reader: splits a whole .ics file into the VCALENDAR header and
// the raw text of each top-level component, as the reader hands them over.
import { readFileSync } from 'node:fs';
import type { CalendarSource } from '../../../src/ical/calendar-source.ts';
import { readCalendarHeader } from '../../../src/ical/calendar-source.ts';

export function splitCalendar(text: string): { header: string; components: string[] } {
  const lines = text.split(/(?<=\n)/);
  const header: string[] = [];
  const components: string[] = [];
  let current: string[] | undefined;
  let depth = 0;
  for (const line of lines) {
    const begin = /^BEGIN:/i.test(line);
    const end = /^END:/i.test(line);
    if (begin) depth += 1;
    if (depth === 2 && begin && !current) current = [];
    if (current) current.push(line);
    else if (depth <= 1 && !end) header.push(line);
    if (end) {
      depth -= 1;
      if (depth === 1 && current) {
        components.push(current.join(''));
        current = undefined;
      }
    }
  }
  return { header: header.join(''), components };
}

export function sourceFromText(key: string, text: string): CalendarSource & { opened: number } {
  const { header, components } = splitCalendar(text);
  const source = {
    key,
    header: readCalendarHeader(header),
    opened: 0,
    async *open() {
      source.opened += 1;
      for (const component of components) {
        await Promise.resolve();
        yield component;
      }
    },
  };
  return source;
}

export function sourceFromFile(path: string): CalendarSource & { opened: number } {
  return sourceFromText(path.split('/').pop() ?? path, readFileSync(path, 'utf8'));
}
