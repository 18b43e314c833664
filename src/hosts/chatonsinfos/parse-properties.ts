// A reader for the `.properties` files ChatonsInfos is made of, following java.util.Properties'
// load() grammar (comments `#`/`!`, `key=value`, `key: value` and `key value`, backslash
// escapes including `\uXXXX`, line continuations) plus what real member files do that Java
// would not forgive: a UTF-8 BOM, Windows line ends, Latin-1 bytes, values wrapped in quotes
// (YunoHost writes `subs.x = 'https://…'`), broken `\u` escapes. Hand-written because the npm
// readers we looked at either drop `\u` escapes and continuations or throw on the first oddity;
// a member's broken file must cost that member, not the whole refresh.

export interface PropertiesProblem {
  line: number;
  issue: 'bad-unicode-escape';
}

export interface Properties {
  /** Keys in file order; a key given twice keeps its last value, as Java does. */
  readonly values: ReadonlyMap<string, string>;
  readonly problems: readonly PropertiesProblem[];
  /** The text decoding the bytes needed. */
  readonly encoding: 'utf-8' | 'latin-1';
}

/** UTF-8 when the bytes are valid UTF-8 (what ChatonsInfos asks for), Latin-1 (Java's default) otherwise. */
export function decodeProperties(bytes: Uint8Array): {
  text: string;
  encoding: 'utf-8' | 'latin-1';
} {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('latin1').decode(bytes), encoding: 'latin-1' };
  }
}

const WHITESPACE = new Set([' ', '\t', '\f']);

/**
 * Backslashes at the end of `text`, counted from the end. Not `/\\*$/`: a regex tries that from
 * every position, so a long run of backslashes followed by anything else costs n² (a member's
 * server could freeze the refresh with one 256 KiB line).
 */
function trailingBackslashes(text: string): number {
  let count = 0;
  while (count < text.length && text.charCodeAt(text.length - 1 - count) === 0x5c) count++;
  return count;
}

/** `text` without its trailing spaces, tabs and form feeds (a loop, for the same reason). */
function trimBlanksEnd(text: string): string {
  let end = text.length;
  while (end > 0 && WHITESPACE.has(text[end - 1] ?? '')) end--;
  return text.slice(0, end);
}

/** Splits into logical lines: a line ending in an odd number of backslashes goes on. */
function logicalLines(text: string): { text: string; line: number }[] {
  const natural = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const lines: { text: string; line: number }[] = [];
  let current: string | undefined;
  let start = 0;
  natural.forEach((raw, index) => {
    // Continuation lines lose their leading whitespace (Properties.load).
    const piece = current === undefined ? raw : raw.replace(/^[ \t\f]+/, '');
    if (current === undefined) {
      const trimmed = piece.replace(/^[ \t\f]+/, '');
      if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('!')) return;
      start = index + 1;
    }
    if (trailingBackslashes(piece) % 2 === 1) {
      current = (current ?? '') + piece.slice(0, -1);
      return;
    }
    lines.push({ text: (current ?? '') + piece, line: start });
    current = undefined;
  });
  if (current !== undefined) lines.push({ text: current, line: start });
  return lines;
}

const escapes: Readonly<Record<string, string>> = { t: '\t', n: '\n', r: '\r', f: '\f' };

function unescape(text: string, onBadUnicode: () => void): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (char !== '\\') {
      out += char;
      continue;
    }
    const next = text[i + 1];
    if (next === undefined) break;
    if (next === 'u') {
      const hex = text.slice(i + 2, i + 6);
      if (/^[0-9a-fA-F]{4}$/.test(hex)) {
        out += String.fromCharCode(parseInt(hex, 16));
        i += 5;
      } else {
        // Java throws here; we keep the text as written and say so.
        onBadUnicode();
        out += '\\u';
        i += 1;
      }
      continue;
    }
    out += escapes[next] ?? next;
    i += 1;
  }
  return out;
}

/** Removes one pair of matching quotes around a whole value ('…' or "…"). */
export function unquote(value: string): string {
  const match = /^(['"])(.*)\1$/s.exec(value);
  return match?.[2] ?? value;
}

export function parseProperties(input: string | Uint8Array): Properties {
  const { text, encoding } =
    typeof input === 'string'
      ? { text: input, encoding: 'utf-8' as const }
      : decodeProperties(input);
  const values = new Map<string, string>();
  const problems: PropertiesProblem[] = [];
  for (const { text: line, line: number } of logicalLines(text)) {
    let i = 0;
    while (i < line.length && WHITESPACE.has(line[i] ?? '')) i++;
    let keyEnd = i;
    // The key ends at the first unescaped separator (=, : or whitespace).
    while (keyEnd < line.length) {
      const char = line[keyEnd] ?? '';
      if (char === '\\') {
        keyEnd += 2;
        continue;
      }
      if (char === '=' || char === ':' || WHITESPACE.has(char)) break;
      keyEnd++;
    }
    let valueStart = keyEnd;
    while (valueStart < line.length && WHITESPACE.has(line[valueStart] ?? '')) valueStart++;
    if (line[valueStart] === '=' || line[valueStart] === ':') valueStart++;
    while (valueStart < line.length && WHITESPACE.has(line[valueStart] ?? '')) valueStart++;
    const report = (): void => {
      problems.push({ line: number, issue: 'bad-unicode-escape' });
    };
    const key = unescape(line.slice(i, Math.min(keyEnd, line.length)), report);
    const value = trimBlanksEnd(unescape(line.slice(valueStart), report));
    if (key === '') continue;
    values.set(key, unquote(value));
  }
  return { values, problems, encoding };
}

/**
 * A ChatonsInfos DECIMAL_DEGREE: `^[+-]?\d+[,.]\d{1,8}$` (a comma is allowed, and the YunoHost
 * template suggests one). Whole degrees are accepted too. Undefined when not a number.
 */
export function parseDecimalDegree(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (!/^[+-]?\d{1,3}(?:[.,]\d{1,12})?$/.test(text)) return undefined;
  return Number(text.replace(',', '.'));
}

/** The `subs.<id>` entries of a file: id → URL, in file order. */
export function subs(properties: Properties): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of properties.values) {
    if (key.startsWith('subs.') && key.length > 5 && value.trim() !== '') {
      found.set(key.slice(5), value.trim());
    }
  }
  return found;
}
