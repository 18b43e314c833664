// From archive entries to the sources the item transforms read (src/ical, src/vcard, src/tasks):
// each can be read again from the archive as often as a pass needs, never held whole in memory.
import type { CalendarSource } from '../ical/calendar-source.ts';
import { readCalendarHeader } from '../ical/calendar-source.ts';
import type { ContentLine } from '../takeout/content-line.ts';
import { readICalendar } from '../takeout/ical-components.ts';
import type { TakeoutEntry } from '../takeout/takeout-source.ts';
import { readVCards } from '../takeout/vcard-cards.ts';
import type { ContactsSource } from '../vcard/survey-address-book.ts';

function lineText(line: ContentLine): string {
  const name = line.group === '' ? line.name : `${line.group}.${line.name}`;
  return `${name}${line.params === '' ? '' : `;${line.params}`}:${line.value}`;
}

export async function calendarSource(
  entry: TakeoutEntry,
  signal: AbortSignal,
): Promise<CalendarSource> {
  let headerLines: readonly ContentLine[] = [];
  // The VCALENDAR's own properties come before its first component: stop reading there.
  for await (const item of readICalendar(await entry.open(signal))) {
    if (item.type === 'calendar') {
      headerLines = item.properties;
      break;
    }
    if (item.type === 'component') break;
  }
  return {
    key: entry.path,
    header: readCalendarHeader(headerLines.map(lineText).join('\r\n')),
    open: () => components(entry, signal),
  };
}

async function* components(entry: TakeoutEntry, signal: AbortSignal): AsyncGenerator<string> {
  for await (const item of readICalendar(await entry.open(signal), { raw: true })) {
    if (item.type === 'component' && item.raw !== null) yield item.raw;
  }
}

/** Every card of every contacts file of the export, in a stable order. */
export function contactsSource(
  entries: readonly TakeoutEntry[],
  signal: AbortSignal,
): ContactsSource {
  return {
    key: entries[0]?.path ?? 'Contacts',
    async *open() {
      for (const entry of entries) {
        for await (const item of readVCards(await entry.open(signal))) {
          if (item.type === 'card') yield `${item.lines.join('\r\n')}\r\n`;
        }
      }
    },
  };
}

/** A Tasks.json, read whole (the scan already refused absurd sizes) and parsed. */
export async function readJson(entry: TakeoutEntry, signal: AbortSignal): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of await entry.open(signal)) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
