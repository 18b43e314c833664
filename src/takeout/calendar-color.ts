// A calendar's colour, when its file states one. Google's own iCalendar export writes none (every
// sample in TAKEOUT-NOTES §2.2 has only X-WR-* headers), so this is usually null — never invented.
// Read, in order: RFC 7986 §5.9 COLOR (a CSS3 colour name), Apple's X-APPLE-CALENDAR-COLOR and
// Outlook's X-OUTLOOK-COLOR (hex, sometimes #RRGGBBAA).
import type { ContentLine } from './content-line.ts';

const SOURCES = ['COLOR', 'X-APPLE-CALENDAR-COLOR', 'X-OUTLOOK-COLOR'];

export function calendarColor(properties: readonly ContentLine[]): string | null {
  for (const name of SOURCES) {
    const property = properties.find((candidate) => candidate.name === name);
    if (property === undefined) continue;
    const color = cssColor(property.value.trim());
    if (color !== null) return color;
  }
  return null;
}

function cssColor(value: string): string | null {
  const hex = /^#?([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(value);
  if (hex !== null) {
    const digits = (hex[1] as string).toLowerCase();
    if (digits.length === 3) return `#${digits.replace(/./g, (d) => d + d)}`;
    return `#${digits.slice(0, 6)}`;
  }
  // A CSS3 colour keyword (RFC 7986 §5.9 refers to CSS3's named colours).
  if (/^[a-z]{3,20}$/i.test(value)) return value.toLowerCase();
  return null;
}
