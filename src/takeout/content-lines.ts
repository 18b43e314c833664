// Splits iCalendar and vCard bytes into logical content lines, unfolding as it goes
// (RFC 5545 §3.1, RFC 6350 §3.2): a line break followed by one space or tab continues the line.
//
// Why by hand and on bytes: the scan reads tens of thousands of events and must not hold a file
// in memory, and ical.js parses whole documents. Unfolding on bytes (before UTF-8 decoding) also
// mends producers that fold in the middle of a multi-byte character, which RFC 5545 forbids but
// which happens; Google itself folds at 75 characters, so its lines reach ~89 octets.
//
// Tolerated, because real exports do it (see TAKEOUT-NOTES §2.9, §3.2):
// - CRLF, bare LF, or a mix; a last line without any line break;
// - continuation lines that start with two spaces (the fold space and a content space);
// - a UTF-8 byte order mark;
// - folds that lost their leading space (a damaged copy of a Google vCard): a physical line that
//   cannot start a property (no `NAME:` or `NAME;…:` at its start) is joined to the previous one
//   and counted as repaired, so the family is told;
// - vCard 2.1 quoted-printable soft line breaks (`=` at the end of the line).

/** Longest logical line kept (a photo inlined as base64 is the largest thing a card holds). */
export const MAX_CONTENT_LINE_BYTES = 16 * 1024 * 1024;

export interface ContentLineSink {
  /**
   * One unfolded line, without its line break: bytes [start, end) of `buf`, valid only during
   * the call (decode or copy what must be kept). `lineNumber` is its first physical line.
   */
  line(buf: Buffer, start: number, end: number, lineNumber: number): void;
  /** A physical line that could not start a property was joined to the previous line. */
  repaired(lineNumber: number): void;
  /** A logical line longer than MAX_CONTENT_LINE_BYTES was dropped. */
  tooLong(lineNumber: number): void;
}

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const COLON = 0x3a;
const SEMICOLON = 0x3b;
const EQUALS = 0x3d;

/**
 * Push-based: feed it chunks, it calls its sink once per logical line. Lines are handed out as
 * byte ranges of the chunks (no copy, no decoding); only a folded line is copied, once, to join
 * its pieces.
 */
export class ContentLineSplitter {
  readonly #sink: ContentLineSink;
  readonly #maxBytes: number;
  /** The pending logical line while it is one range of one chunk… */
  #one: Buffer | null = null;
  #oneStart = 0;
  #oneEnd = 0;
  /** …and its pieces once a continuation has been appended to it. */
  #parts: Buffer[] | null = null;
  #pendingBytes = 0;
  #startLine = 0;
  /**
   * The start of a physical line whose end has not arrived yet, as the pieces it came in: joined
   * once its line break comes, never re-copied or re-searched per chunk (that cost n² on one
   * long line: 16 MB took 11 s).
   */
  #carry: Buffer[] = [];
  #carryBytes = 0;
  #physicalLines = 0;
  #atStart = true;
  /** The current logical line was too long: its continuations are dropped too. */
  #dropping = false;
  /** Dropping the rest of one overlong physical line until its line break. */
  #skipToNewline = false;
  #quotedPrintable = false;

  constructor(sink: ContentLineSink, maxBytes: number = MAX_CONTENT_LINE_BYTES) {
    this.#sink = sink;
    this.#maxBytes = maxBytes;
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    let buf = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    if (this.#carry.length > 0) {
      // Only the new bytes are searched: the carried ones are known to hold no line break.
      if (!this.#atStart && !this.#skipToNewline && buf.indexOf(LF) < 0) {
        this.#carry.push(buf);
        this.#carryBytes += buf.length;
        if (this.#carryBytes > this.#maxBytes) this.#dropLongPhysical(this.#carry[0]?.[0]);
        return;
      }
      buf = Buffer.concat([...this.#carry, buf], this.#carryBytes + buf.length);
      this.#carry = [];
      this.#carryBytes = 0;
    }
    let start = 0;
    if (this.#atStart) {
      if (buf.length < 3 && buf[0] === 0xef) {
        this.#carry = [buf]; // too short to tell whether this is a byte order mark
        this.#carryBytes = buf.length;
        return;
      }
      this.#atStart = false;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3;
    }
    if (this.#skipToNewline) {
      const nl = buf.indexOf(LF, start);
      if (nl < 0) return;
      this.#skipToNewline = false;
      this.#physicalLines++;
      this.#dropping = true;
      start = nl + 1;
    }
    for (;;) {
      const nl = buf.indexOf(LF, start);
      if (nl < 0) break;
      const end = nl > start && buf[nl - 1] === CR ? nl - 1 : nl;
      this.#physical(buf, start, end);
      start = nl + 1;
    }
    if (start < buf.length) {
      if (buf.length - start > this.#maxBytes) {
        this.#dropLongPhysical(buf[start]);
      } else {
        this.#carry = [buf.subarray(start)];
        this.#carryBytes = buf.length - start;
      }
    }
  }

  /**
   * One physical line longer than anything we keep: drop it up to its line break (with the line
   * it continues, if it is a continuation). `first` is its first byte.
   */
  #dropLongPhysical(first: number | undefined): void {
    this.#carry = [];
    this.#carryBytes = 0;
    if (first !== SPACE && first !== TAB) this.#flush();
    this.#dropCurrent(this.#pending() ? this.#startLine : this.#physicalLines + 1);
    this.#skipToNewline = true;
  }

  end(): void {
    if (this.#carry.length > 0) {
      const rest = Buffer.concat(this.#carry, this.#carryBytes);
      this.#carry = [];
      this.#carryBytes = 0;
      this.#atStart = false;
      const end = rest[rest.length - 1] === CR ? rest.length - 1 : rest.length;
      this.#physical(rest, 0, end);
    }
    this.#flush();
  }

  #pending(): boolean {
    return this.#one !== null || this.#parts !== null;
  }

  #physical(buf: Buffer, start: number, end: number): void {
    const lineNumber = ++this.#physicalLines;
    if (end <= start) {
      // A blank line ends the current logical line and is otherwise ignored.
      this.#flush();
      this.#dropping = false;
      return;
    }
    const first = buf[start];
    if (first === SPACE || first === TAB) {
      if (this.#dropping) return;
      if (!this.#pending()) this.#startLine = lineNumber;
      this.#append(buf, start + 1, end);
      return;
    }
    if (this.#quotedPrintable && this.#pending()) {
      this.#append(buf, start, end);
      return;
    }
    if (!startsContentLine(buf, start, end)) {
      if (this.#dropping) return;
      if (this.#pending()) {
        this.#sink.repaired(lineNumber);
        this.#append(buf, start, end);
        return;
      }
    }
    this.#flush();
    this.#dropping = false;
    this.#startLine = lineNumber;
    this.#append(buf, start, end);
  }

  #append(buf: Buffer, start: number, end: number): void {
    if (this.#pendingBytes + end - start > this.#maxBytes) {
      this.#dropCurrent(this.#startLine);
      return;
    }
    if (!this.#pending()) this.#quotedPrintable = isQuotedPrintable(buf, start, end);
    // A quoted-printable soft line break (RFC 2045 §6.7): drop the `=`, join the next line.
    let stop = end;
    if (this.#quotedPrintable) {
      if (end > start && buf[end - 1] === EQUALS) stop = end - 1;
      else this.#quotedPrintable = false;
    }
    this.#pendingBytes += stop - start;
    if (this.#one === null && this.#parts === null) {
      this.#one = buf;
      this.#oneStart = start;
      this.#oneEnd = stop;
      return;
    }
    if (this.#parts === null) {
      const one = this.#one as Buffer;
      this.#parts = [one.subarray(this.#oneStart, this.#oneEnd)];
      this.#one = null;
    }
    this.#parts.push(buf.subarray(start, stop));
  }

  #dropCurrent(lineNumber: number): void {
    this.#one = null;
    this.#parts = null;
    this.#pendingBytes = 0;
    this.#quotedPrintable = false;
    this.#dropping = true;
    this.#sink.tooLong(lineNumber);
  }

  #flush(): void {
    const one = this.#one;
    const parts = this.#parts;
    if (one === null && parts === null) return;
    const bytes = this.#pendingBytes;
    const start = this.#oneStart;
    const end = this.#oneEnd;
    this.#one = null;
    this.#parts = null;
    this.#pendingBytes = 0;
    this.#quotedPrintable = false;
    if (parts === null) {
      this.#sink.line(one as Buffer, start, end, this.#startLine);
    } else {
      this.#sink.line(Buffer.concat(parts, bytes), 0, bytes, this.#startLine);
    }
  }
}

function isLetter(byte: number): boolean {
  return (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
}

function isNameByte(byte: number): boolean {
  return isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte === 0x2d || byte === 0x2e;
}

/**
 * Whether a physical line can start a property: `[group.]NAME` (a letter, then letters, digits,
 * `-`, `.`) followed by `:` or `;` (RFC 5545 §3.1, RFC 6350 §3.3) — or nothing but such a name,
 * which a fold may have cut before its `:` (its continuation comes next).
 */
export function startsContentLine(buf: Buffer, start: number, end: number): boolean {
  const first = buf[start];
  if (first === undefined || !isLetter(first)) return false;
  for (let i = start + 1; i < end; i++) {
    const byte = buf[i] as number;
    // With parameters, the `:` may well be on a continuation line.
    if (byte === COLON || byte === SEMICOLON) return true;
    if (!isNameByte(byte)) return false;
  }
  return true;
}

const QP_UPPER = Buffer.from('QUOTED-PRINTABLE', 'latin1');
const QP_LOWER = Buffer.from('quoted-printable', 'latin1');

function isQuotedPrintable(buf: Buffer, start: number, end: number): boolean {
  if (end <= start || buf[end - 1] !== EQUALS) return false;
  const colon = buf.indexOf(COLON, start);
  const stop = colon < 0 || colon >= end ? end : colon;
  const head = buf.subarray(start, stop);
  return head.indexOf(QP_UPPER) >= 0 || head.indexOf(QP_LOWER) >= 0;
}

/** A reader of unfolded lines that turns them into items (events, cards) as they complete. */
export interface ItemReader extends ContentLineSink {
  /** The input is over: emit what is still pending. */
  end(): void;
}

/**
 * Items from a byte stream, yielded as soon as a chunk completes them: the reader is fed line
 * by line and emits through `emit`; nothing waits for the end of the stream.
 */
export async function* readItems<T>(
  input: AsyncIterable<Uint8Array>,
  makeReader: (emit: (item: T) => void) => ItemReader,
): AsyncGenerator<T, void, undefined> {
  let pending: T[] = [];
  const reader = makeReader((item) => pending.push(item));
  const splitter = new ContentLineSplitter(reader);
  for await (const chunk of input) {
    splitter.push(chunk);
    if (pending.length > 0) {
      const ready = pending;
      pending = [];
      yield* ready;
    }
  }
  splitter.end();
  reader.end();
  yield* pending;
}
