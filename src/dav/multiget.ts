// Reads a batch of resources in one REPORT: calendar-multiget (RFC 4791 §7.9) or
// addressbook-multiget (RFC 6352 §8.7). One batch is held in memory at a time; a member the
// server does not give back (404 inside the answer, or missing from it) is named, not lost.
import type { DavClient } from './dav-client.ts';
import { codeForStatus } from './dav-error.ts';
import type { DavErrorCode } from './dav-error.ts';
import { hrefKey, report } from './report.ts';
import { clark, escapeXml, ns, prop } from './xml.ts';

export type MultigetKind = 'calendar' | 'addressbook';

export type MultigetItem =
  | { readonly ok: true; readonly url: string; readonly data: string }
  | {
      readonly ok: false;
      readonly url: string;
      readonly code: DavErrorCode;
      readonly status: number;
    };

function body(kind: MultigetKind, urls: readonly string[]): string {
  const [root, dataName, nsUri] =
    kind === 'calendar'
      ? ['calendar-multiget', 'calendar-data', ns.caldav]
      : ['addressbook-multiget', 'address-data', ns.carddav];
  const hrefs = urls.map((url) => `<d:href>${escapeXml(new URL(url).pathname)}</d:href>`).join('');
  return (
    `<?xml version="1.0" encoding="utf-8"?><x:${root} xmlns:d="DAV:" xmlns:x="${nsUri}">` +
    `<d:prop><d:getetag/><x:${dataName}/></d:prop>${hrefs}</x:${root}>`
  );
}

/** The batch's items, in the order asked for. */
export async function multiget(
  client: DavClient,
  collection: string,
  kind: MultigetKind,
  urls: readonly string[],
  signal?: AbortSignal,
): Promise<MultigetItem[]> {
  if (urls.length === 0) return [];
  const entries = await report(client, collection, body(kind, urls), '1', signal);
  const dataProp =
    kind === 'calendar' ? clark(ns.caldav, 'calendar-data') : clark(ns.carddav, 'address-data');
  const byKey = new Map(entries.map((entry) => [hrefKey(entry.url), entry]));
  return urls.map((url): MultigetItem => {
    const entry = byKey.get(hrefKey(url));
    if (entry === undefined) return { ok: false, url, code: 'dav.not-found', status: 404 };
    const element = prop(entry, dataProp);
    if (element === undefined) {
      const status =
        entry.status ?? entry.propstats.find((p) => p.props.has(dataProp))?.status ?? 404;
      return { ok: false, url, code: codeForStatus(status), status };
    }
    // Not textOf: it trims, and the text is handed over as the server stored it.
    return { ok: true, url, data: element.textContent ?? '' };
  });
}
