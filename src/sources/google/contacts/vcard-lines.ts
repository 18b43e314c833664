// The lines of one vCard 3.0 as Google's exporter writes them (TAKEOUT-NOTES §3.2): TYPE repeated
// rather than comma-joined, a custom label as `itemN.<PROP>` plus `itemN.X-ABLabel:<label>`,
// lines folded at 75 characters, CRLF. Values are escaped here and nowhere else, so that a
// person's text (a note with commas, a name with a semicolon) can never break out of its line.

/** TEXT value (RFC 2426 §4): backslash, newline, comma and semicolon escaped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;');
}

/** Structured value (N, ADR, ORG): each component escaped, joined by `;`. */
export function structured(components: readonly string[]): string {
  return components.map(escapeText).join(';');
}

/**
 * A URI is not TEXT (no escapes, RFC 2426 §5), but a line break or control character in it would
 * end the line: those are dropped, as a browser would.
 */
export function uriValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]/g, '').trim();
}

/** Folds at 75 characters (code points, never inside one), continuation lines start with a space. */
export function foldLine(line: string): string {
  // 75 UTF-16 units are at most 75 characters: most lines need no walk.
  if (line.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let length = 0;
  for (const char of line) {
    // 75 on the first line, then a space and 74.
    if (length === (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      length = 0;
    }
    current += char;
    length += 1;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** How a value is typed on its line: TYPE parameters, and a custom label when Google has one. */
export interface LineType {
  readonly types: readonly string[];
  /** Written as `itemN.X-ABLabel:<label>` (an empty label too, as Google writes it). */
  readonly label?: string;
}

/** One card's lines, in the order they are added; `itemN` groups numbered as they come. */
export class VCardLines {
  readonly #lines: string[] = ['BEGIN:VCARD', 'VERSION:3.0'];
  #groups = 0;

  /** `value` is already encoded (escapeText, structured, uriValue). */
  add(name: string, value: string, type: LineType = { types: [] }): void {
    const params = type.types.map((one) => `;TYPE=${one}`).join('');
    if (type.label === undefined) {
      this.#lines.push(`${name}${params}:${value}`);
      return;
    }
    this.#groups += 1;
    const group = `item${this.#groups}`;
    this.#lines.push(`${group}.${name}${params}:${value}`);
    this.#lines.push(`${group}.X-ABLabel:${escapeText(type.label)}`);
  }

  /** Unfolded, BEGIN:VCARD to END:VCARD. */
  lines(): string[] {
    return [...this.#lines, 'END:VCARD'];
  }

  text(): string {
    return `${this.lines().map(foldLine).join('\r\n')}\r\n`;
  }
}
