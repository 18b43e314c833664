// One unfolded content line, `[group.]NAME[;PARAM=…]*:VALUE` (RFC 5545 §3.1, RFC 6350 §3.3),
// taken apart only as far as the readers need: the name (upper-cased, group dropped), the raw
// parameter text and the raw (still escaped) value.

export interface ContentLine {
  /** Upper-cased property name without its vCard group (`item1.TEL` → `TEL`). */
  readonly name: string;
  /** The vCard group (`item1`), or '' when there is none. */
  readonly group: string;
  /** Raw parameters without the leading `;` (`TZID=Europe/Paris`), or ''. */
  readonly params: string;
  /** Raw value, still escaped (`\,` `\;` `\n` `\\`). */
  readonly value: string;
}

/** The index where the name ends (first `;` or `:`), or -1 when the line has neither. */
export function nameEnd(line: string): number {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x3a || c === 0x3b) return i;
  }
  return -1;
}

/** The upper-cased property name without group, or null when the line has no `:`/`;`. */
export function propertyName(line: string): string | null {
  const end = nameEnd(line);
  if (end < 0) return null;
  const raw = line.slice(line.lastIndexOf('.', end) + 1, end);
  return isUpperCase(raw) ? raw : raw.toUpperCase();
}

export function parseContentLine(line: string): ContentLine | null {
  const end = nameEnd(line);
  if (end < 0) return null;
  const dot = line.lastIndexOf('.', end);
  const rawName = line.slice(dot + 1, end);
  const name = isUpperCase(rawName) ? rawName : rawName.toUpperCase();
  const group = dot < 0 ? '' : line.slice(0, dot);
  if (line.charCodeAt(end) === 0x3a) {
    return { name, group, params: '', value: line.slice(end + 1) };
  }
  // Parameters: the value starts at the first colon outside double quotes (RFC 5545 §3.2:
  // quoted parameter values may contain `:`, e.g. Apple's X-APPLE-STRUCTURED-LOCATION).
  let quoted = false;
  for (let i = end + 1; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x22) quoted = !quoted;
    else if (c === 0x3a && !quoted) {
      return { name, group, params: line.slice(end + 1, i), value: line.slice(i + 1) };
    }
  }
  return null;
}

/** The value of a parameter (`VALUE` in `VALUE=DATE;TZID=…`), unquoted, or null. */
export function parameter(params: string, wanted: string): string | null {
  if (params === '') return null;
  const upperWanted = wanted.toUpperCase();
  let i = 0;
  while (i < params.length) {
    const eq = params.indexOf('=', i);
    if (eq < 0) return null;
    const key = params.slice(i, eq).toUpperCase();
    let j = eq + 1;
    let value: string;
    if (params.charCodeAt(j) === 0x22) {
      const close = params.indexOf('"', j + 1);
      const stop = close < 0 ? params.length : close;
      value = params.slice(j + 1, stop);
      j = params.indexOf(';', stop);
    } else {
      const semi = params.indexOf(';', j);
      value = params.slice(j, semi < 0 ? params.length : semi);
      j = semi;
    }
    if (key === upperWanted) return value;
    if (j < 0) return null;
    i = j + 1;
  }
  return null;
}

/** Unescapes a TEXT value (RFC 5545 §3.3.11, RFC 6350 §3.4): `\n` `\N` `\,` `\;` `\\` `\:`. */
export function unescapeText(value: string): string {
  if (!value.includes('\\')) return value;
  return value.replace(/\\([\\,;:nN])/g, (_match, c: string) =>
    c === 'n' || c === 'N' ? '\n' : c,
  );
}

/** Splits a list value (CATEGORIES) on commas that are not escaped, and unescapes each item. */
export function splitList(value: string): string[] {
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (c === '\\' && i + 1 < value.length) {
      current += c + (value[i + 1] as string);
      i++;
    } else if (c === ',') {
      items.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  items.push(current);
  return items.map((item) => unescapeText(item).trim()).filter((item) => item !== '');
}

function isUpperCase(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) return false;
  }
  return true;
}

// ------------------------------------------------------------------ the same, on raw bytes
// The readers look at every line's name but at few lines' values: names are read from the bytes
// (they are ASCII) and a line is decoded only when its value is wanted.

/** Index of the first `;` or `:` in bytes [start, end) of `buf`, or -1. */
export function nameEndAt(buf: Buffer, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const c = buf[i];
    if (c === 0x3a || c === 0x3b) return i;
  }
  return -1;
}

/** Where the name starts once a vCard group (`item1.`) is skipped. */
export function nameStartAt(buf: Buffer, start: number, stop: number): number {
  for (let i = stop - 1; i >= start; i--) if (buf[i] === 0x2e) return i + 1;
  return start;
}

/**
 * Recognises a fixed set of property names in bytes, ignoring case, without making a string for
 * the lines it does not know.
 */
export class NameMatcher {
  readonly #byLength = new Map<number, { bytes: Buffer; name: string }[]>();

  constructor(names: Iterable<string>) {
    for (const name of names) {
      const upper = name.toUpperCase();
      const list = this.#byLength.get(upper.length) ?? [];
      list.push({ bytes: Buffer.from(upper, 'latin1'), name: upper });
      this.#byLength.set(upper.length, list);
    }
  }

  /** The (upper-case) name spelled by bytes [start, stop), or null when it is not one of ours. */
  match(buf: Buffer, start: number, stop: number): string | null {
    const candidates = this.#byLength.get(stop - start);
    if (candidates === undefined) return null;
    for (const candidate of candidates) {
      let same = true;
      for (let i = 0; i < candidate.bytes.length; i++) {
        let c = buf[start + i] as number;
        if (c >= 0x61 && c <= 0x7a) c -= 0x20;
        if (c !== candidate.bytes[i]) {
          same = false;
          break;
        }
      }
      if (same) return candidate.name;
    }
    return null;
  }
}

/** The upper-cased, trimmed value of a BEGIN/END line given as bytes (`VEVENT`). */
export function objectNameAt(buf: Buffer, stop: number, end: number): string {
  const colon = buf[stop] === 0x3a ? stop : buf.indexOf(0x3a, stop);
  if (colon < 0 || colon >= end) return '';
  return buf
    .toString('latin1', colon + 1, end)
    .trim()
    .toUpperCase();
}
