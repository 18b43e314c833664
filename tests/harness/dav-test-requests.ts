// Tiny request helpers for the harness's own tests (the product has its own DAV client).
import type { Headers } from 'undici';
import { fetch } from 'undici';
import type { Credentials } from './users.ts';
import { basicAuth } from './users.ts';

export const XML = 'application/xml; charset=utf-8';

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

export async function send(
  method: string,
  url: string,
  options: {
    readonly user?: Credentials;
    readonly headers?: Readonly<Record<string, string>>;
    readonly body?: string;
  } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.user !== undefined) headers['authorization'] = basicAuth(options.user);
  const response = await fetch(url, { method, headers, body: options.body, redirect: 'manual' });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** PROPFIND with `Depth` (default 0) asking for DAV properties given as `prefix:name`. */
export function propfind(
  url: string,
  user: Credentials | undefined,
  props: readonly string[],
  depth: '0' | '1' = '0',
): Promise<Answer> {
  const body = `<?xml version="1.0" encoding="utf-8"?>
<d:propfind xmlns:d="DAV:" xmlns:cal="urn:ietf:params:xml:ns:caldav" xmlns:card="urn:ietf:params:xml:ns:carddav">
  <d:prop>${props.map((p) => `<${p}/>`).join('')}</d:prop>
</d:propfind>`;
  return send('PROPFIND', url, { user, body, headers: { depth, 'content-type': XML } });
}

/**
 * The hrefs inside every `<…:name>` element of a multistatus. Namespace prefixes differ from
 * server to server (`D:`, `ns0:`, none), so they are ignored: good enough for these checks.
 */
export function hrefsIn(xml: string, name: string): string[] {
  const element = new RegExp(
    `<(?:[\\w.-]+:)?${name}\\b[^>]*>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}>`,
    'g',
  );
  const href = /<(?:[\w.-]+:)?href\b[^>]*>([^<]*)</g;
  return [...xml.matchAll(element)].flatMap(([, inner]) =>
    [...(inner ?? '').matchAll(href)].map(([, value]) => (value ?? '').trim()),
  );
}

/** The text of the first `<…:name>` element, or undefined. */
export function textOf(xml: string, name: string): string | undefined {
  const match = new RegExp(`<(?:[\\w.-]+:)?${name}\\b[^>/]*>([^<]*)</`).exec(xml);
  return match?.[1];
}

/** Whether a `<…:name>` or `<…:name/>` element appears. */
export function hasElement(xml: string, name: string): boolean {
  return new RegExp(`<(?:[\\w.-]+:)?${name}\\s*/?>`).test(xml);
}

/** The propstat status lines, by property: `{ 'quota-used-bytes': 404, … }`. */
export function propStatuses(xml: string): Record<string, number> {
  const statuses: Record<string, number> = {};
  const propstat = /<(?:[\w.-]+:)?propstat\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?propstat>/g;
  for (const [, block = ''] of xml.matchAll(propstat)) {
    const status = Number(/HTTP\/1\.[01] (\d{3})/.exec(block)?.[1]);
    const prop = /<(?:[\w.-]+:)?prop\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?prop>/.exec(block)?.[1] ?? '';
    // Top-level children of <prop>: empty elements or elements with content.
    for (const [, name] of prop.matchAll(/<(?:[\w.-]+:)?([\w-]+)[^>]*?\/?>/g)) {
      if (name !== undefined && name !== 'href' && !(name in statuses)) statuses[name] = status;
    }
  }
  return statuses;
}
