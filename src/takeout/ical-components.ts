// Streams the top-level components of iCalendar text (RFC 5545 §3.4, §3.6): the VCALENDAR's own
// properties first, then each VEVENT / VTODO / VJOURNAL / VTIMEZONE / … as it ends, with its UID
// and RECURRENCE-ID. Memory is bounded by one component: a Google calendar is one VCALENDAR
// holding every event (thousands), so whole-document parsers are kept for one component at a
// time — the migration hands each `raw` component to ical.js.
import { readItems } from './content-lines.ts';
import type { ItemReader } from './content-lines.ts';
import {
  NameMatcher,
  nameEndAt,
  nameStartAt,
  objectNameAt,
  parseContentLine,
} from './content-line.ts';
import type { ContentLine } from './content-line.ts';
import type { ContentProblemItem } from './content-problem.ts';

export interface ICalCalendarItem {
  readonly type: 'calendar';
  /** The VCALENDAR's properties (X-WR-CALNAME, X-WR-TIMEZONE, PRODID…) seen before its first component. */
  readonly properties: readonly ContentLine[];
  readonly line: number;
}

export interface ICalComponentItem {
  readonly type: 'component';
  /** VEVENT, VTODO, VJOURNAL, VTIMEZONE, VFREEBUSY or an X- component, upper-cased. */
  readonly name: string;
  /** Raw UID value, or null when the component has none. */
  readonly uid: string | null;
  /** Raw RECURRENCE-ID value (an override of one instance of a series), or null. */
  readonly recurrenceId: string | null;
  /** Line number of its BEGIN. */
  readonly line: number;
  /** The component's own properties whose names were asked for in `keep` (not its sub-components'). */
  readonly properties: readonly ContentLine[];
  /** Unfolded text from BEGIN to END with CRLF line ends, when asked for with `raw`. */
  readonly raw: string | null;
}

export type ICalItem = ICalCalendarItem | ICalComponentItem | ContentProblemItem;

export interface ICalReaderOptions {
  /** Property names to collect on each top-level component (upper case). */
  readonly keep?: Iterable<string>;
  /** Keep each component's unfolded text (the migration needs it; counting does not). */
  readonly raw?: boolean;
}

interface OpenComponent {
  name: string;
  line: number;
  uid: string | null;
  recurrenceId: string | null;
  properties: ContentLine[];
  lines: string[] | null;
  /** Names of the sub-components open inside it (VALARM, STANDARD, DAYLIGHT…). */
  nested: string[];
}

/** Push-based reader: feed it lines (it is a ContentLineSink), get items through `emit`. */
export class ICalComponentReader implements ItemReader {
  readonly #emit: (item: ICalItem) => void;
  #keep: ReadonlySet<string>;
  #names: NameMatcher;
  readonly #raw: boolean;
  #inCalendar = false;
  #sawCalendar = false;
  #calendarLine = 0;
  /** The VCALENDAR's properties until they are emitted (at its first component or its END). */
  #calendarProperties: ContentLine[] | null = null;
  #component: OpenComponent | null = null;
  /** Only the first line of a run of stray text is reported. */
  #outside = false;

  constructor(emit: (item: ICalItem) => void, options: ICalReaderOptions = {}) {
    this.#emit = emit;
    this.#keep = new Set([...(options.keep ?? [])].map((name) => name.toUpperCase()));
    this.#names = new NameMatcher(['BEGIN', 'END', 'UID', 'RECURRENCE-ID', ...this.#keep]);
    this.#raw = options.raw ?? false;
  }

  line(buf: Buffer, start: number, end: number, lineNumber: number): void {
    const stop = nameEndAt(buf, start, end);
    if (stop < 0) {
      if (this.#inCalendar) this.#problem('invalid-line', lineNumber);
      else this.#stray(lineNumber);
      return;
    }
    const name = this.#names.match(buf, nameStartAt(buf, start, stop), stop);
    if (!this.#inCalendar) {
      if (name === 'BEGIN' && objectNameAt(buf, stop, end) === 'VCALENDAR') {
        this.#openCalendar(lineNumber);
      } else {
        this.#stray(lineNumber);
      }
      return;
    }
    const component = this.#component;
    if (component === null) {
      this.#calendarLevel(name, buf.toString('utf8', start, end), buf, stop, end, lineNumber);
      return;
    }
    const text = component.lines === null ? null : buf.toString('utf8', start, end);
    if (name === 'BEGIN') {
      const inner = objectNameAt(buf, stop, end);
      if (inner === 'VCALENDAR') {
        // A new calendar starts inside an open component: the component was cut short.
        this.#problem('unterminated', component.line);
        this.#component = null;
        this.#openCalendar(lineNumber);
        return;
      }
      component.nested.push(inner);
      if (text !== null) component.lines?.push(text);
      return;
    }
    if (name === 'END') {
      this.#endInComponent(component, objectNameAt(buf, stop, end), text, lineNumber);
      return;
    }
    if (text !== null) component.lines?.push(text);
    if (component.nested.length > 0 || name === null) return;
    const parsed = parseContentLine(text ?? buf.toString('utf8', start, end));
    if (parsed === null) return;
    if (name === 'UID') {
      if (component.uid === null) component.uid = parsed.value;
    } else if (name === 'RECURRENCE-ID') {
      if (component.recurrenceId === null) component.recurrenceId = parsed.value;
    }
    if (this.#keep.has(name)) component.properties.push(parsed);
  }

  /** Changes which properties are collected from the next component on. */
  keep(names: Iterable<string>): void {
    this.#keep = new Set([...names].map((name) => name.toUpperCase()));
    this.#names = new NameMatcher(['BEGIN', 'END', 'UID', 'RECURRENCE-ID', ...this.#keep]);
  }

  repaired(lineNumber: number): void {
    this.#problem('repaired-line', lineNumber);
  }

  tooLong(lineNumber: number): void {
    this.#problem('line-too-long', lineNumber);
  }

  /** Call once the text is over. */
  end(): void {
    if (this.#component !== null) {
      this.#problem('unterminated', this.#component.line);
      this.#component = null;
    }
    if (this.#inCalendar) {
      this.#flushCalendar();
      this.#problem('unterminated', this.#calendarLine);
      this.#inCalendar = false;
    }
    if (!this.#sawCalendar) this.#problem('no-object', 1);
  }

  #openCalendar(lineNumber: number): void {
    this.#inCalendar = true;
    this.#sawCalendar = true;
    this.#outside = false;
    this.#calendarLine = lineNumber;
    this.#calendarProperties = [];
  }

  #calendarLevel(
    name: string | null,
    text: string,
    buf: Buffer,
    stop: number,
    end: number,
    lineNumber: number,
  ): void {
    if (name === 'BEGIN') {
      const inner = objectNameAt(buf, stop, end);
      if (inner === 'VCALENDAR') {
        this.#flushCalendar();
        this.#problem('unterminated', this.#calendarLine);
        this.#openCalendar(lineNumber);
        return;
      }
      this.#flushCalendar();
      this.#component = {
        name: inner,
        line: lineNumber,
        uid: null,
        recurrenceId: null,
        properties: [],
        lines: this.#raw ? [text] : null,
        nested: [],
      };
      return;
    }
    if (name === 'END') {
      if (objectNameAt(buf, stop, end) === 'VCALENDAR') {
        this.#flushCalendar();
        this.#inCalendar = false;
      } else {
        this.#problem('unexpected-end', lineNumber);
      }
      return;
    }
    if (this.#calendarProperties !== null) {
      const parsed = parseContentLine(text);
      if (parsed !== null) this.#calendarProperties.push(parsed);
    }
  }

  #endInComponent(
    component: OpenComponent,
    inner: string,
    text: string | null,
    lineNumber: number,
  ): void {
    const nested = component.nested;
    if (nested.length > 0) {
      const at = nested.lastIndexOf(inner);
      if (at >= 0) {
        nested.length = at; // closes it and anything left open inside it
        if (text !== null) component.lines?.push(text);
      } else {
        this.#problem('unexpected-end', lineNumber);
      }
      return;
    }
    if (inner === component.name) {
      if (text !== null) component.lines?.push(text);
      this.#component = null;
      this.#emit({
        type: 'component',
        name: component.name,
        uid: component.uid,
        recurrenceId: component.recurrenceId,
        line: component.line,
        properties: component.properties,
        raw: component.lines === null ? null : component.lines.join('\r\n') + '\r\n',
      });
      return;
    }
    if (inner === 'VCALENDAR') {
      this.#problem('unterminated', component.line);
      this.#component = null;
      this.#inCalendar = false;
      return;
    }
    this.#problem('unexpected-end', lineNumber);
  }

  #flushCalendar(): void {
    const properties = this.#calendarProperties;
    if (properties === null) return;
    this.#calendarProperties = null;
    this.#emit({ type: 'calendar', properties, line: this.#calendarLine });
  }

  #stray(lineNumber: number): void {
    if (this.#outside) return;
    this.#outside = true;
    this.#problem('outside-object', lineNumber);
  }

  #problem(problem: ContentProblemItem['problem'], line: number): void {
    this.#emit({ type: 'problem', problem, line });
  }
}

/** Reads iCalendar text from a byte stream, one item at a time. */
export async function* readICalendar(
  input: AsyncIterable<Uint8Array>,
  options: ICalReaderOptions = {},
): AsyncGenerator<ICalItem, void, undefined> {
  yield* readItems<ICalItem>(input, (emit) => new ICalComponentReader(emit, options));
}
