// Streams the cards of vCard text (RFC 6350 §3.3; Google writes vCard 3.0, RFC 2426): each
// BEGIN:VCARD … END:VCARD as its unfolded lines. Memory is bounded by one card; the migration
// hands each card's text to ical.js, the scan hashes it.
import { readItems } from './content-lines.ts';
import type { ItemReader } from './content-lines.ts';
import { parseContentLine, propertyName } from './content-line.ts';
import type { ContentProblemItem } from './content-problem.ts';

export interface VCardItem {
  readonly type: 'card';
  /** Unfolded lines from BEGIN:VCARD to END:VCARD inclusive, without line breaks. */
  readonly lines: readonly string[];
  /** Line number of its BEGIN. */
  readonly line: number;
}

export type VCardReadItem = VCardItem | ContentProblemItem;

/** Push-based reader: feed it lines (it is a ContentLineSink), get cards through `emit`. */
export class VCardReader implements ItemReader {
  readonly #emit: (item: VCardReadItem) => void;
  #lines: string[] | null = null;
  #line = 0;
  /** vCard 2.1 can nest a card (AGENT); only the outer END closes the card. */
  #depth = 0;
  #sawCard = false;
  #outside = false;

  constructor(emit: (item: VCardReadItem) => void) {
    this.#emit = emit;
  }

  line(buf: Buffer, start: number, end: number, lineNumber: number): void {
    // Cards are small next to calendars: each line is decoded, as the card's text is wanted.
    const text = buf.toString('utf8', start, end);
    const name = propertyName(text);
    const lines = this.#lines;
    if (lines === null) {
      if (name === 'BEGIN' && objectName(text) === 'VCARD') {
        this.#lines = [text];
        this.#line = lineNumber;
        this.#depth = 0;
        this.#sawCard = true;
        this.#outside = false;
      } else if (!this.#outside) {
        this.#outside = true;
        this.#problem('outside-object', lineNumber);
      }
      return;
    }
    if (name === null) {
      this.#problem('invalid-line', lineNumber);
      return;
    }
    if (name === 'BEGIN' && objectName(text) === 'VCARD') {
      if (this.#depth === 0 && !hasProperty(lines, 'AGENT')) {
        // A new card while one is open: the open one was cut short.
        this.#problem('unterminated', this.#line);
        this.#lines = [text];
        this.#line = lineNumber;
        return;
      }
      this.#depth++;
    }
    lines.push(text);
    if (name === 'END' && objectName(text) === 'VCARD') {
      if (this.#depth > 0) {
        this.#depth--;
        return;
      }
      this.#lines = null;
      this.#emit({ type: 'card', lines, line: this.#line });
    }
  }

  repaired(lineNumber: number): void {
    this.#problem('repaired-line', lineNumber);
  }

  tooLong(lineNumber: number): void {
    this.#problem('line-too-long', lineNumber);
  }

  end(): void {
    if (this.#lines !== null) {
      this.#problem('unterminated', this.#line);
      this.#lines = null;
    }
    if (!this.#sawCard) this.#problem('no-object', 1);
  }

  #problem(problem: ContentProblemItem['problem'], line: number): void {
    this.#emit({ type: 'problem', problem, line });
  }
}

/** Reads vCard text from a byte stream, one card (or problem) at a time. */
export async function* readVCards(
  input: AsyncIterable<Uint8Array>,
): AsyncGenerator<VCardReadItem, void, undefined> {
  yield* readItems<VCardReadItem>(input, (emit) => new VCardReader(emit));
}

function objectName(line: string): string {
  const parsed = parseContentLine(line);
  return parsed === null ? '' : parsed.value.trim().toUpperCase();
}

function hasProperty(lines: readonly string[], name: string): boolean {
  return lines.some((line) => propertyName(line) === name);
}
