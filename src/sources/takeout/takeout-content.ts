// From archive entries to the contents the item transforms read (src/ical, src/vcard): each can
// be read again from the archive as often as a pass needs, never held whole in memory. One
// tokeniser cuts every calendar (src/takeout/ical-components.ts, in the scan's walk and in each
// pass); ical.js then parses each component it hands over. The calendar's header comes from the
// scan's own walk: planning never opens a file just for it.
import type { CalendarHeader, CalendarSource } from '../../ical/calendar-source.ts';
import { unescapeText } from '../../takeout/content-line.ts';
import type { ContentLine } from '../../takeout/content-line.ts';
import { readICalendar } from '../../takeout/ical-components.ts';
import type { TakeoutEntry } from '../../takeout/takeout-source.ts';
import { readVCards } from '../../takeout/vcard-cards.ts';
import type { ContactsSource } from '../../vcard/survey-address-book.ts';

/**
 * The VCALENDAR's own properties as src/ical reads them (upper-case names, TEXT unescaped, the
 * first of each), straight from the lines the Takeout tokeniser already cut: no second tokeniser.
 */
function headerOf(lines: readonly ContentLine[]): CalendarHeader {
  const header: Record<string, string> = {};
  for (const line of lines) {
    if (line.name === 'BEGIN' || line.name === 'END' || line.name in header) continue;
    header[line.name] = unescapeText(line.value);
  }
  return header;
}

/**
 * One calendar file. `header`: the VCALENDAR's own properties as the scan read them. Its
 * components are cut by the Takeout tokeniser (readICalendar) and handed raw to src/ical.
 */
export function calendarContent(
  entry: TakeoutEntry,
  header: readonly ContentLine[],
  signal: AbortSignal,
): CalendarSource {
  return {
    key: entry.path,
    header: headerOf(header),
    open: () => components(entry, signal),
  };
}

/** Reads a calendar's header by opening it: for callers that have an entry and no scan. */
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
  return calendarContent(entry, headerLines, signal);
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
