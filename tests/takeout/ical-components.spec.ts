import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parameter } from '../../src/takeout/content-line.ts';
import { readICalendar } from '../../src/takeout/ical-components.ts';
import type { ICalItem } from '../../src/takeout/ical-components.ts';
import { sample } from './samples.ts';

async function items(input: Readable, options = {}): Promise<ICalItem[]> {
  const out: ICalItem[] = [];
  for await (const item of readICalendar(input, options)) out.push(item);
  return out;
}

const text = (value: string): Readable => Readable.from([Buffer.from(value)]);

describe('readICalendar', () => {
  it('yields the calendar header, then each top-level component with its UID and RECURRENCE-ID', async () => {
    // An override written before its master, whose VTIMEZONE is missing (Google did it).
    const read = await items(sample('gcal-denver-override-first.ics'));
    expect(read.map((item) => item.type)).toEqual(['calendar', 'component', 'component']);
    const [, override, master] = read;
    expect(override).toMatchObject({
      name: 'VEVENT',
      uid: 'aaaaaaaaaa888se1rr0b24sm4p@google.com',
      recurrenceId: '20260211T100000',
      line: 5,
    });
    expect(master).toMatchObject({
      uid: 'aaaaaaaaaa888se1rr0b24sm4p@google.com',
      recurrenceId: null,
    });
  });

  it('keeps sub-components (VALARM, STANDARD/DAYLIGHT) inside their component', async () => {
    const read = await items(sample('gcal-alarms-display-email.ics'), { raw: true });
    const components = read.filter((item) => item.type === 'component');
    expect(components.map((item) => item.name)).toEqual(['VTIMEZONE', 'VEVENT']);
    const event = components[1];
    expect(event?.raw?.match(/BEGIN:VALARM/g)).toHaveLength(4);
    expect(event?.raw?.startsWith('BEGIN:VEVENT\r\n')).toBe(true);
    expect(event?.raw?.endsWith('END:VEVENT\r\n')).toBe(true);
    // ATTENDEE of an e-mail alarm belongs to the VALARM, not to the event.
    const withKeep = await items(sample('gcal-alarms-display-email.ics'), { keep: ['ATTENDEE'] });
    const kept = withKeep.find((item) => item.type === 'component' && item.name === 'VEVENT');
    expect(kept?.type === 'component' ? kept.properties : null).toEqual([]);
  });

  it('unfolds quoted parameters folded across lines', async () => {
    const read = await items(sample('gcal-apple-structured-location.ics'), {
      keep: ['X-APPLE-STRUCTURED-LOCATION'],
    });
    const event = read.find((item) => item.type === 'component' && item.name === 'VEVENT');
    const property = event?.type === 'component' ? event.properties[0] : undefined;
    expect(parameter(property?.params ?? '', 'X-ADDRESS')).toBe(
      'Röadstar 16\\n12764 Happyville\\nDenmark',
    );
    expect(property?.value).toBe('geo:52.382762,7.528319');
    expect(read.filter((item) => item.type === 'problem')).toEqual([]);
  });

  it('gives the calendar properties, unfolded, even without a final line break', async () => {
    const read = await items(sample('gcal-berlin-moved-instance.ics'));
    const header = read[0];
    expect(header?.type).toBe('calendar');
    const properties = header?.type === 'calendar' ? header.properties : [];
    expect(properties.find((p) => p.name === 'X-WR-CALDESC')?.value).toBe(
      'Alle Events des Zeitgeist Paderborn für den Partyborn Partyalarm\\nhttps://partyborn.de/partyalarm',
    );
    expect(read.filter((item) => item.type === 'problem')).toEqual([]);
  });

  it('reports a component cut short and keeps the complete ones', async () => {
    const read = await items(
      text(
        'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:b\r\nSUMMARY:cut',
      ),
    );
    expect(read.filter((item) => item.type === 'component').map((item) => item.uid)).toEqual(['a']);
    expect(read.filter((item) => item.type === 'problem')).toEqual([
      { type: 'problem', problem: 'unterminated', line: 5 },
      { type: 'problem', problem: 'unterminated', line: 1 },
    ]);
  });

  it('reports text that is not iCalendar at all', async () => {
    const read = await items(text('<html><body>Not found</body></html>\n'));
    expect(read).toEqual([
      { type: 'problem', problem: 'outside-object', line: 1 },
      { type: 'problem', problem: 'no-object', line: 1 },
    ]);
  });

  it('recovers from an END that closes nothing and from a line without a colon', async () => {
    const read = await items(
      text(
        'BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nEND:VALARM\nGARBAGE\nEND:VEVENT\nEND:VTODO\nEND:VCALENDAR\n',
      ),
    );
    expect(read.filter((item) => item.type === 'component').map((item) => item.uid)).toEqual(['a']);
    expect(read.filter((item) => item.type === 'problem').map((item) => item.problem)).toEqual([
      'unexpected-end',
      'invalid-line',
      'unexpected-end',
    ]);
  });

  it('collects other properties once told to, from the next component on', async () => {
    const { ICalComponentReader } = await import('../../src/takeout/ical-components.ts');
    const { ContentLineSplitter } = await import('../../src/takeout/content-lines.ts');
    const seen: ICalItem[] = [];
    const reader = new ICalComponentReader((item) => seen.push(item), { keep: ['SUMMARY'] });
    const splitter = new ContentLineSplitter(reader);
    splitter.push(
      Buffer.from('BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nSUMMARY:A\nLOCATION:x\nEND:VEVENT\n'),
    );
    reader.keep(['location']);
    splitter.push(
      Buffer.from('BEGIN:VEVENT\nUID:b\nSUMMARY:B\nLOCATION:y\nEND:VEVENT\nEND:VCALENDAR\n'),
    );
    splitter.end();
    reader.end();
    const kept = seen.flatMap((item) =>
      item.type === 'component' ? [item.properties.map((p) => p.value)] : [],
    );
    expect(kept).toEqual([['A'], ['y']]);
  });

  it('reads several VCALENDARs in one file', async () => {
    const one = 'BEGIN:VCALENDAR\nX-WR-CALNAME:A\nBEGIN:VEVENT\nUID:a\nEND:VEVENT\nEND:VCALENDAR\n';
    const read = await items(
      text(one + one.replace('CALNAME:A', 'CALNAME:B').replace('UID:a', 'UID:b')),
    );
    expect(read.map((item) => (item.type === 'component' ? item.uid : item.type))).toEqual([
      'calendar',
      'a',
      'calendar',
      'b',
    ]);
  });
});
