// One vCard as the Takeout reader yields it (raw text) → an ical.js component. Google writes
// vCard 3.0 (RFC 2426) folded at 75 characters; some copies lost the leading space of their
// continuation lines (the cozy sample: `…Bridgeport CT 06` / `834;;;;`). A line that cannot be a
// property is such a continuation, and is glued back to the line before it.
import ICAL from 'ical.js';
import { contentLines } from '../ical/parse-component.ts';
import { protectParameterBackslashes } from '../ical/protect-parameters.ts';

/** `[group.]NAME[;params]:` — a property name starts with a letter (RFC 6350 §3.3). */
const PROPERTY_LINE = /^(?:[A-Za-z0-9-]+\.)?[A-Za-z][A-Za-z0-9-]*(?:;[^:]*)?:/;

export type ReadCard =
  | { readonly ok: true; readonly card: ICAL.Component; readonly recoveredFolding: boolean }
  | { readonly ok: false; readonly hint: string | undefined; readonly reason: string };

/** Content lines, with continuation lines that lost their fold space glued back. */
export function recoverLines(text: string): { lines: string[]; recovered: boolean } {
  const lines: string[] = [];
  let recovered = false;
  for (const line of contentLines(text)) {
    const previous = lines.length - 1;
    if (PROPERTY_LINE.test(line) || previous < 0) lines.push(line);
    else {
      lines[previous] = `${lines[previous] ?? ''}${line}`;
      recovered = true;
    }
  }
  return { lines, recovered };
}

function nameHint(lines: readonly string[]): string | undefined {
  for (const name of ['FN', 'N', 'EMAIL', 'TEL', 'ORG']) {
    const line = lines.find((candidate) =>
      new RegExp(`^(?:[^.:;]+\\.)?${name}[;:]`, 'i').test(candidate),
    );
    const value = line
      ?.slice(line.indexOf(':') + 1)
      .replace(/;/g, ' ')
      .replace(/\\,/g, ',')
      .trim();
    if (value) return value;
  }
  return undefined;
}

// ical.js decodes `\;` only in structured values (N, ADR, ORG): in a vCard NOTE or FN it keeps
// the backslash and writes it back doubled, so Google's `NOTE:Lundi\; mardi` would reach the
// family as "Lundi\; mardi". And in structured values it takes the `;` of `\\;` (an escaped
// backslash, then a separator) for an escaped semicolon. RFC 2426 §4 makes `\\` and `\;`
// escapes in every TEXT value: both are swapped for private-use marks before parsing and turned
// back after. (X- properties are kept raw by ical.js, escapes and all, and are left alone.)
const STRUCTURED = new Set(['n', 'adr', 'org', 'geo', 'gender', 'clientpidmap']);
const SEMICOLON = '\uE000';
const BACKSLASH = '\uE001';

function valueStart(line: string): number {
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const character = line.charAt(index);
    if (character === '"') quoted = !quoted;
    else if (character === ':' && !quoted) return index + 1;
  }
  return line.length;
}

function markEscapes(line: string): string {
  const start = valueStart(line);
  const name = (line.slice(0, start).split(/[;:]/)[0] ?? '').split('.').pop()?.toLowerCase() ?? '';
  if (name.startsWith('x-')) return line;
  const structured = STRUCTURED.has(name);
  let value = '';
  for (let index = start; index < line.length; index += 1) {
    const character = line.charAt(index);
    const next = line.charAt(index + 1);
    if (character === '\\' && next !== '') {
      if (next === '\\') value += BACKSLASH;
      else if (next === ';' && !structured) value += SEMICOLON;
      else value += character + next;
      index += 1;
    } else {
      value += character;
    }
  }
  return line.slice(0, start) + value;
}

function unmark(value: unknown): unknown {
  if (typeof value === 'string')
    return value.replaceAll(SEMICOLON, ';').replaceAll(BACKSLASH, '\\');
  return Array.isArray(value) ? value.map(unmark) : value;
}

export function readCard(text: string): ReadCard {
  const { lines, recovered } = recoverLines(text);
  try {
    const prepared = lines.map((line) => markEscapes(protectParameterBackslashes(line)));
    const jcard: unknown = ICAL.parse(prepared.join('\r\n'));
    if (!Array.isArray(jcard) || jcard[0] !== 'vcard') throw new Error('not one vCard');
    const card = new ICAL.Component(jcard);
    for (const property of card.getAllProperties()) {
      for (let index = 3; index < property.jCal.length; index += 1) {
        property.jCal[index] = unmark(property.jCal[index]);
      }
    }
    return { ok: true, card, recoveredFolding: recovered };
  } catch (error) {
    return {
      ok: false,
      hint: nameHint(lines),
      reason: error instanceof Error ? error.message : String(error),
    };
  }
}
