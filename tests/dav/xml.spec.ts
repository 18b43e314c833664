import { describe, expect, it } from 'vitest';
import {
  clark,
  makeCollectionBody,
  ns,
  parseMultistatus,
  parseXml,
  propHref,
  propText,
  propfindBody,
  resourceTypes,
} from '../../src/dav/xml.ts';

describe('parseMultistatus', () => {
  it('reads properties whatever prefixes the server chose', () => {
    // Radicale uses a default namespace; Nextcloud "d:"; Xandikos "ns0:".
    const radicale = `<?xml version='1.0' encoding='utf-8'?>
<multistatus xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><response><href>/alice/</href><propstat><prop><C:calendar-home-set><href>/alice/</href></C:calendar-home-set><resourcetype><principal /><collection /></resourcetype></prop><status>HTTP/1.1 200 OK</status></propstat></response></multistatus>`;
    const xandikos = `<ns0:multistatus xmlns:ns0="DAV:" xmlns:ns1="urn:ietf:params:xml:ns:caldav"><ns0:response><ns0:href>/alice/</ns0:href><ns0:propstat><ns0:status>HTTP/1.1 200 OK</ns0:status><ns0:prop><ns1:calendar-home-set><ns0:href>/alice/calendars/</ns0:href></ns1:calendar-home-set></ns0:prop></ns0:propstat></ns0:response></ns0:multistatus>`;
    const [a] = parseMultistatus(radicale, 'http://h:1/');
    const [b] = parseMultistatus(xandikos, 'http://h:2/x/');
    expect(a && propHref(a, clark(ns.caldav, 'calendar-home-set'), a.url)).toBe(
      'http://h:1/alice/',
    );
    expect(a && [...resourceTypes(a)]).toEqual([
      clark(ns.dav, 'principal'),
      clark(ns.dav, 'collection'),
    ]);
    expect(b && propHref(b, clark(ns.caldav, 'calendar-home-set'), b.url)).toBe(
      'http://h:2/alice/calendars/',
    );
  });

  it('ignores properties reported with a 404 propstat', () => {
    const text = `<d:multistatus xmlns:d="DAV:"><d:response><d:href>/f/</d:href>
<d:propstat><d:prop><d:getetag>"e1"</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
<d:propstat><d:prop><d:quota-available-bytes/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat>
</d:response></d:multistatus>`;
    const [entry] = parseMultistatus(text, 'https://x/');
    expect(entry && propText(entry, clark(ns.dav, 'getetag'))).toBe('"e1"');
    expect(entry && propText(entry, clark(ns.dav, 'quota-available-bytes'))).toBeUndefined();
  });

  it('resolves hrefs that are full URLs or percent-encoded paths', () => {
    const text = `<d:multistatus xmlns:d="DAV:"><d:response><d:href>https://x/a%20b/</d:href><d:status>HTTP/1.1 404 Not Found</d:status></d:response><d:response><d:href>/c/d.ics</d:href></d:response></d:multistatus>`;
    const entries = parseMultistatus(text, 'https://x/a%20b/');
    expect(entries.map((entry) => [entry.url, entry.status])).toEqual([
      ['https://x/a%20b/', 404],
      ['https://x/c/d.ics', undefined],
    ]);
  });

  it('refuses something that is not a multistatus, or not XML', () => {
    expect(() => parseMultistatus('<html><body>Login</body></html>', 'https://x/')).toThrow();
    expect(() => parseXml('<d:multistatus xmlns:d="DAV:"><d:response>')).toThrow();
  });
});

describe('request bodies', () => {
  it('writes well-formed, namespaced XML with escaped values', () => {
    const body = makeCollectionBody(
      'mkcalendar',
      new Map([[clark(ns.dav, 'displayname'), { text: 'Anne & Paul <famille>' }]]),
    );
    const root = parseXml(body);
    expect(root.namespaceURI).toBe(ns.caldav);
    expect(root.localName).toBe('mkcalendar');
    expect(root.textContent).toBe('Anne & Paul <famille>');
    expect(parseXml(propfindBody([clark(ns.dav, 'getetag')])).localName).toBe('propfind');
  });
});
