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
  /** One unfolded line (without its line break); `lineNumber` is its first physical line. */
  line(text: string, lineNumber: number): void;
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

export class ContentLineSplitter {
  readonly #sink: ContentLineSink;
  readonly #maxBytes: number;
  /** Pieces of the logical line being assembled (views into the chunks, not copies). */
  #parts: Buffer[] = [];
  #partsBytes = 0;
  #startLine = 0;
  /** The start of a physical line whose end has not arrived yet. */
  #carry: Buffer | null = null;
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
    if (this.#carry !== null) {
      buf = Buffer.concat([this.#carry, buf]);
      this.#carry = null;
    }
    let start = 0;
    if (this.#atStart) {
      if (buf.length < 3 && buf.length > 0 && buf[0] === 0xef) {
        this.#carry = buf; // too short to tell whether this is a byte order mark
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
        // One physical line longer than anything we keep: drop it up to its line break (with
        // the line it continues, if it is a continuation).
        const first = buf[start];
        if (first !== SPACE && first !== TAB) this.#flush();
        this.#dropCurrent(this.#parts.length > 0 ? this.#startLine : this.#physicalLines + 1);
        this.#skipToNewline = true;
      } else {
        this.#carry = buf.subarray(start);
      }
    }
  }

  end(): void {
    if (this.#carry !== null) {
      const rest = this.#carry;
      this.#carry = null;
      this.#atStart = false;
      const end = rest[rest.length - 1] === CR ? rest.length - 1 : rest.length;
      this.#physical(rest, 0, end);
    }
    this.#flush();
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
      if (this.#parts.length === 0) this.#startLine = lineNumber;
      this.#append(buf.subarray(start + 1, end));
      return;
    }
    if (this.#parts.length > 0 && this.#quotedPrintable) {
      this.#append(buf.subarray(start, end));
      return;
    }
    if (!startsContentLine(buf, start, end)) {
      if (this.#dropping) return;
      if (this.#parts.length > 0) {
        this.#sink.repaired(lineNumber);
        this.#append(buf.subarray(start, end));
        return;
      }
    }
    this.#flush();
    this.#dropping = false;
    this.#startLine = lineNumber;
    this.#append(buf.subarray(start, end));
  }

  #append(piece: Buffer): void {
    if (this.#partsBytes + piece.length > this.#maxBytes) {
      this.#dropCurrent(this.#startLine);
      return;
    }
    if (this.#parts.length === 0) this.#quotedPrintable = isQuotedPrintable(piece);
    this.#parts.push(piece);
    this.#partsBytes += piece.length;
    if (this.#quotedPrintable) {
      // A soft line break (RFC 2045 §6.7): drop the `=` and join the next physical line.
      const last = piece.length > 0 ? piece[piece.length - 1] : undefined;
      if (last === EQUALS) {
        this.#parts[this.#parts.length - 1] = piece.subarray(0, piece.length - 1);
        this.#partsBytes--;
      } else {
        this.#quotedPrintable = false;
      }
    }
  }

  #dropCurrent(lineNumber: number): void {
    this.#parts = [];
    this.#partsBytes = 0;
    this.#quotedPrintable = false;
    this.#dropping = true;
    this.#sink.tooLong(lineNumber);
  }

  #flush(): void {
    const parts = this.#parts;
    if (parts.length === 0) return;
    const text =
      parts.length === 1
        ? (parts[0] as Buffer).toString('utf8')
        : Buffer.concat(parts, this.#partsBytes).toString('utf8');
    this.#parts = [];
    this.#partsBytes = 0;
    this.#quotedPrintable = false;
    this.#sink.line(text, this.#startLine);
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

function isQuotedPrintable(line: Buffer): boolean {
  if (line.length === 0 || line[line.length - 1] !== EQUALS) return false;
  const colon = line.indexOf(COLON);
  const head = colon < 0 ? line : line.subarray(0, colon);
  return head.indexOf(QP_UPPER) >= 0 || head.indexOf(QP_LOWER) >= 0;
}
