// One calendar object resource (a VCALENDAR holding one UID's components and the time zones
// they use, RFC 4791 §4.1) into the raw text of each top-level component, unfolded with CRLF
// line ends — the shape the Takeout reader hands the engine (src/ical/calendar-source.ts).
import { contentLines } from '../../ical/parse-component.ts';

export function splitComponents(text: string): string[] {
  const components: string[] = [];
  let current: string[] | null = null;
  let depth = 0;
  for (const line of contentLines(text)) {
    const begin = /^BEGIN:(.+)$/i.exec(line);
    const end = /^END:(.+)$/i.exec(line);
    if (begin !== null) {
      depth += 1;
      // Depth 1 is the VCALENDAR itself; depth 2 opens a top-level component.
      if (depth === 2) current = [];
    }
    if (current !== null) current.push(line);
    if (end !== null) {
      if (depth === 2 && current !== null) {
        components.push(`${current.join('\r\n')}\r\n`);
        current = null;
      }
      depth -= 1;
    }
  }
  return components;
}
