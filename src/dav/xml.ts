// WebDAV speaks XML with namespaces (RFC 4918 §14, RFC 4791, RFC 6352). Property names are kept
// in Clark notation ("{DAV:}getetag") because servers choose their own prefixes ("D:", "d:",
// "ns0:"…): only the namespace URI is meaningful. Parsed with @xmldom/xmldom (namespace-aware).
import { DOMParser } from '@xmldom/xmldom';
import type { Element } from '@xmldom/xmldom';

export const ns = {
  dav: 'DAV:',
  caldav: 'urn:ietf:params:xml:ns:caldav',
  carddav: 'urn:ietf:params:xml:ns:carddav',
  apple: 'http://apple.com/ns/ical/',
  calendarServer: 'http://calendarserver.org/ns/',
  owncloud: 'http://owncloud.org/ns',
  nextcloud: 'http://nextcloud.org/ns',
  baluchon: 'urn:baluchon:ns',
} as const;

export interface PropStat {
  status: number;
  props: Map<string, Element>;
}

export interface MultistatusEntry {
  /** Absolute URL of the resource. */
  url: string;
  /** Status of the whole response, when given instead of propstats (e.g. 404). */
  status: number | undefined;
  propstats: PropStat[];
}

export class XmlError extends Error {
  override readonly name = 'XmlError';
}

export function clark(namespace: string, local: string): string {
  return `{${namespace}}${local}`;
}

export function parseXml(text: string): Element {
  const document = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new XmlError(message);
    },
  }).parseFromString(text, 'text/xml');
  const root = document.documentElement;
  if (root === null) throw new XmlError('empty document');
  return root;
}

export function childElements(element: Element, namespace?: string, local?: string): Element[] {
  const found: Element[] = [];
  for (let node = element.firstChild; node !== null; node = node.nextSibling) {
    if (node.nodeType !== 1) continue;
    const child = node as Element;
    if (namespace !== undefined && child.namespaceURI !== namespace) continue;
    if (local !== undefined && child.localName !== local) continue;
    found.push(child);
  }
  return found;
}

export function firstChild(
  element: Element,
  namespace: string,
  local: string,
): Element | undefined {
  return childElements(element, namespace, local)[0];
}

export function textOf(element: Element | undefined): string | undefined {
  if (element === undefined) return undefined;
  return (element.textContent ?? '').trim();
}

/** "HTTP/1.1 200 OK" → 200. */
export function parseStatusLine(text: string | undefined): number | undefined {
  const match = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/i.exec(text?.trim() ?? '');
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

export function parseMultistatus(text: string, requestUrl: string): MultistatusEntry[] {
  const root = parseXml(text);
  if (root.namespaceURI !== ns.dav || root.localName !== 'multistatus') {
    throw new XmlError(`expected DAV:multistatus, got ${root.localName}`);
  }
  return childElements(root, ns.dav, 'response').flatMap((response) => {
    const href = textOf(firstChild(response, ns.dav, 'href'));
    if (href === undefined || href === '') return [];
    const propstats = childElements(response, ns.dav, 'propstat').map((propstat) => {
      const props = new Map<string, Element>();
      const prop = firstChild(propstat, ns.dav, 'prop');
      if (prop !== undefined) {
        for (const child of childElements(prop)) {
          props.set(clark(child.namespaceURI ?? '', child.localName ?? ''), child);
        }
      }
      return {
        status: parseStatusLine(textOf(firstChild(propstat, ns.dav, 'status'))) ?? 200,
        props,
      };
    });
    return [
      {
        url: new URL(href, requestUrl).href,
        status: parseStatusLine(textOf(firstChild(response, ns.dav, 'status'))),
        propstats,
      },
    ];
  });
}

/** The element of a property found with a 2xx status, if any. */
export function prop(entry: MultistatusEntry, name: string): Element | undefined {
  for (const propstat of entry.propstats) {
    if (propstat.status >= 200 && propstat.status < 300) {
      const element = propstat.props.get(name);
      if (element !== undefined) return element;
    }
  }
  return undefined;
}

export function propText(entry: MultistatusEntry, name: string): string | undefined {
  return textOf(prop(entry, name));
}

/** The href inside a property such as current-user-principal or calendar-home-set. */
export function propHref(entry: MultistatusEntry, name: string, base: string): string | undefined {
  const element = prop(entry, name);
  if (element === undefined) return undefined;
  const href = textOf(firstChild(element, ns.dav, 'href'));
  return href === undefined || href === '' ? undefined : new URL(href, base).href;
}

/** Clark names of the resource types of an entry ({DAV:}collection, {caldav}calendar…). */
export function resourceTypes(entry: MultistatusEntry): Set<string> {
  const element = prop(entry, clark(ns.dav, 'resourcetype'));
  return new Set(
    element === undefined
      ? []
      : childElements(element).map((child) =>
          clark(child.namespaceURI ?? '', child.localName ?? ''),
        ),
  );
}

export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

const prefixes: Record<string, string> = {
  [ns.dav]: 'd',
  [ns.caldav]: 'c',
  [ns.carddav]: 'card',
  [ns.apple]: 'a',
  [ns.calendarServer]: 'cs',
  [ns.owncloud]: 'oc',
  [ns.nextcloud]: 'nc',
  [ns.baluchon]: 'b',
};

function split(name: string): [string, string] {
  const match = /^\{(.*)\}(.+)$/.exec(name);
  if (match?.[1] === undefined || match[2] === undefined)
    throw new Error(`not a Clark name: ${name}`);
  return [match[1], match[2]];
}

function declarations(): string {
  return Object.entries(prefixes)
    .map(([uri, prefix]) => ` xmlns:${prefix}="${uri}"`)
    .join('');
}

function qualified(name: string): string {
  const [uri, local] = split(name);
  const prefix = prefixes[uri];
  if (prefix === undefined) throw new Error(`unknown namespace ${uri}`);
  return `${prefix}:${local}`;
}

export function propfindBody(names: readonly string[]): string {
  const props = names.map((name) => `<${qualified(name)}/>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?><d:propfind${declarations()}><d:prop>${props}</d:prop></d:propfind>`;
}

/** A property to set: plain text, or raw XML children (already escaped) for structured values. */
export type PropValue = { text: string } | { xml: string };

function propXml(values: ReadonlyMap<string, PropValue>): string {
  return [...values]
    .map(([name, value]) => {
      const tag = qualified(name);
      return `<${tag}>${'text' in value ? escapeXml(value.text) : value.xml}</${tag}>`;
    })
    .join('');
}

/** MKCALENDAR (RFC 4791 §5.3.1) or extended MKCOL (RFC 5689) body. */
export function makeCollectionBody(
  root: 'mkcalendar' | 'mkcol',
  values: ReadonlyMap<string, PropValue>,
): string {
  const rootTag = root === 'mkcalendar' ? 'c:mkcalendar' : 'd:mkcol';
  return `<?xml version="1.0" encoding="utf-8"?><${rootTag}${declarations()}><d:set><d:prop>${propXml(values)}</d:prop></d:set></${rootTag}>`;
}

export function proppatchBody(values: ReadonlyMap<string, PropValue>): string {
  return `<?xml version="1.0" encoding="utf-8"?><d:propertyupdate${declarations()}><d:set><d:prop>${propXml(values)}</d:prop></d:set></d:propertyupdate>`;
}
