// What the Takeout reader hands over for one calendar file: the VCALENDAR's own properties and a
// way to read its components, as often as needed (the grouping reads them twice to bound memory).
import ICAL from 'ical.js';
import { contentLines } from './parse-component.ts';

/** VCALENDAR properties, upper-case names, text values unescaped (X-WR-CALNAME, X-WR-TIMEZONE…). */
export type CalendarHeader = Readonly<Record<string, string>>;

export interface CalendarSource {
  /** The archive entry the calendar comes from, to name it in problems. */
  readonly key: string;
  readonly header: CalendarHeader;
  /**
   * The calendar's components (VEVENT, VTODO, VJOURNAL, VTIMEZONE) as raw text, in file order.
   * Called once per pass; every call must yield the same components in the same order.
   */
  open(): AsyncIterable<string> | Iterable<string>;
}

/**
 * Reads the header from the text before the first component (`BEGIN:VCALENDAR`, `PRODID:…`,
 * `X-WR-CALNAME:…`), for readers that hand over raw lines. Unreadable lines are skipped: the
 * header only names and colours the calendar.
 */
export function readCalendarHeader(text: string): CalendarHeader {
  const header: Record<string, string> = {};
  for (const line of contentLines(text)) {
    if (/^(BEGIN|END):/i.test(line)) continue;
    try {
      const jcal: unknown = ICAL.parse.property(line);
      const property = new ICAL.Property(jcal as unknown[]);
      const value = property.getFirstValue();
      const name = property.name.toUpperCase();
      // ical.js leaves X- properties raw; X-WR-* hold TEXT (escaped commas, newlines).
      const text =
        property.type === 'unknown' ? unescapeText(String(value ?? '')) : String(value ?? '');
      if (!(name in header)) header[name] = text;
    } catch {
      // A broken header line costs at most the calendar's name; the events still come.
    }
  }
  return header;
}

/** RFC 5545 §3.3.11 TEXT escapes. */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, escaped: string) =>
    escaped === 'n' || escaped === 'N' ? '\n' : escaped,
  );
}
