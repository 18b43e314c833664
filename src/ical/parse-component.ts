// One component of a Google calendar file (VEVENT, VTODO, VJOURNAL or VTIMEZONE) as the Takeout
// reader yields it — raw text — parsed with ical.js, with what grouping needs: its kind and UID.
import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { protectParameterBackslashes } from './protect-parameters.ts';

export type ParsedComponent =
  | {
      readonly ok: true;
      readonly component: ICAL.Component;
      /** Lower case, as ical.js names components: `vevent`, `vtodo`, `vjournal`, `vtimezone`. */
      readonly kind: string;
      /** The UID, or one derived from the content when the component has none (RFC 5545 requires one). */
      readonly uid: string;
      readonly uidDerived: boolean;
    }
  | {
      readonly ok: false;
      /** Whatever could be read of the broken text, to name it for the family. */
      readonly hint: { readonly summary?: string; readonly start?: string; readonly uid?: string };
      readonly reason: string;
    };

/** Unfolds (CRLF or LF, then one space or tab, RFC 5545 §3.1) and splits into content lines. */
export function contentLines(text: string): string[] {
  return text
    .replace(/\r\n|\r/g, '\n')
    .replace(/\n[ \t]/g, '')
    .split('\n')
    .filter((line) => line !== '');
}

function looseValue(lines: readonly string[], name: string): string | undefined {
  const pattern = new RegExp(`^${name}(?:;[^:]*)?:(.*)$`, 'i');
  for (const line of lines) {
    const match = pattern.exec(line);
    if (match) return match[1];
  }
  return undefined;
}

/**
 * A UID for a component that has none, stable across exports: the content without DTSTAMP,
 * which Google sets to the export time on every event.
 */
export function derivedUid(text: string): string {
  const stable = contentLines(text)
    .filter((line) => !/^DTSTAMP[;:]/i.test(line))
    .join('\n');
  return `baluchon-${createHash('sha256').update(stable).digest('hex').slice(0, 32)}`;
}

export function parseComponent(text: string): ParsedComponent {
  let component: ICAL.Component;
  try {
    const jcal: unknown = ICAL.parse(
      contentLines(text).map(protectParameterBackslashes).join('\r\n'),
    );
    if (!Array.isArray(jcal) || typeof jcal[0] !== 'string') throw new Error('not one component');
    component = new ICAL.Component(jcal);
  } catch (error) {
    const lines = contentLines(text);
    return {
      ok: false,
      hint: {
        summary: looseValue(lines, 'SUMMARY'),
        start: looseValue(lines, 'DTSTART'),
        uid: looseValue(lines, 'UID'),
      },
      reason: error instanceof Error ? error.message : String(error),
    };
  }
  const uid = component.getFirstPropertyValue('uid');
  const hasUid = typeof uid === 'string' && uid.trim() !== '';
  return {
    ok: true,
    component,
    kind: component.name,
    uid: hasUid ? uid : derivedUid(text),
    uidDerived: !hasUid,
  };
}
