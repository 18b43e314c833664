import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { FetchLike } from '../../src/net/fetch-like.ts';
import { embedPhotos, imageType } from '../../src/vcard/embed-photo.ts';

const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const card = (...lines: string[]) =>
  new ICAL.Component(
    ICAL.parse(
      ['BEGIN:VCARD', 'VERSION:3.0', 'FN:x', ...lines, 'END:VCARD'].join('\r\n'),
    ) as unknown[],
  );

/** A fake network: answers by URL, remembers what was asked. */
function network(routes: Record<string, () => Response | Promise<Response>>) {
  const calls: string[] = [];
  const fetch: FetchLike = (url, init) => {
    calls.push(url);
    const route = routes[url];
    if (!route) return Promise.reject(new TypeError('fetch failed'));
    // Every photo download must be cancellable: a call without a signal fails the test.
    const signal = init.signal;
    if (!signal) return Promise.reject(new Error('no AbortSignal passed'));
    return new Promise<Response>((resolve, reject) => {
      signal.addEventListener('abort', () => {
        reject(signal.reason as Error);
      });
      void Promise.resolve(route()).then(resolve, reject);
    });
  };
  return { fetch, calls };
}

const image =
  (bytes: Uint8Array, type = 'image/jpeg') =>
  () =>
    new Response(bytes, { status: 200, headers: { 'content-type': type } });
const redirect = (location: string) => () =>
  new Response(null, { status: 302, headers: { location } });

describe('embedPhotos', () => {
  it('downloads a remote photo and embeds it as vCard 3.0 base64', async () => {
    const { fetch, calls } = network({
      'https://lh4.googleusercontent.com/contacts/p': image(JPEG),
    });
    const subject = card('PHOTO:https://lh4.googleusercontent.com/contacts/p');
    expect(await embedPhotos(subject, { fetch })).toEqual([]);
    expect(calls).toEqual(['https://lh4.googleusercontent.com/contacts/p']);
    expect(subject.toString()).toContain(
      `PHOTO;ENCODING=b;TYPE=JPEG:${Buffer.from(JPEG).toString('base64')}`,
    );
  });

  it('trusts the bytes, not the announced type', async () => {
    const { fetch } = network({
      'https://lh3.googleusercontent.com/p': image(PNG, 'application/octet-stream'),
    });
    const subject = card('PHOTO:https://lh3.googleusercontent.com/p');
    await embedPhotos(subject, { fetch });
    expect(subject.getFirstProperty('photo')?.getFirstParameter('type')).toBe('PNG');
  });

  it('never fetches anything but https, redirects included', async () => {
    const { fetch, calls } = network({
      'https://lh3.googleusercontent.com/moved': redirect('http://lh3.googleusercontent.com/plain'),
      'https://lh3.googleusercontent.com/safe': redirect('/final'),
      'https://lh3.googleusercontent.com/final': image(JPEG),
    });
    const subject = card(
      'PHOTO:http://lh3.googleusercontent.com/plain',
      'PHOTO:https://lh3.googleusercontent.com/moved',
      'PHOTO:https://lh3.googleusercontent.com/safe',
    );
    expect(await embedPhotos(subject, { fetch })).toEqual(['refused', 'refused']);
    expect(calls).toEqual([
      'https://lh3.googleusercontent.com/moved',
      'https://lh3.googleusercontent.com/safe',
      'https://lh3.googleusercontent.com/final',
    ]);
    expect(subject.getAllProperties('photo')).toHaveLength(1);
  });

  // Issue 12, point 11: an archive names the address; only Google's photo servers are asked.
  const elsewhere = [
    'http://lh3.googleusercontent.com/contacts/p',
    'https://192.168.1.1/p',
    'https://127.0.0.1/p',
    'https://[::1]/p',
    'https://localhost/p',
    'https://nas.local/p',
    'https://evil.example/p',
    'https://evilgoogleusercontent.com/p',
    'https://lh3.googleusercontent.com.evil.example/p',
    'https://lh3.googleusercontent.com@evil.example/p',
    'https://user:pw@lh3.googleusercontent.com/p',
    'https://lh3.googleusercontent.com:8443/p',
  ];

  it.each(elsewhere)('never asks %s, and says why the photo stayed', async (url) => {
    const { fetch, calls } = network(Object.fromEntries([[new URL(url).href, image(JPEG)]]));
    const subject = card(`PHOTO:${url}`);
    expect(await embedPhotos(subject, { fetch })).toEqual(['refused']);
    expect(calls).toEqual([]);
    expect(subject.hasProperty('photo')).toBe(false);
  });

  it("follows a redirect only to another of Google's photo servers", async () => {
    const { fetch, calls } = network({
      'https://lh3.googleusercontent.com/to-router': redirect('https://192.168.1.1/admin'),
      'https://lh3.googleusercontent.com/to-elsewhere': redirect('https://evil.example/p'),
      'https://lh3.googleusercontent.com/to-sibling': redirect(
        'https://lh5.googleusercontent.com/p',
      ),
      'https://192.168.1.1/admin': image(JPEG),
      'https://evil.example/p': image(JPEG),
      'https://lh5.googleusercontent.com/p': image(JPEG),
    });
    const subject = card(
      'PHOTO:https://lh3.googleusercontent.com/to-router',
      'PHOTO:https://lh3.googleusercontent.com/to-elsewhere',
      'PHOTO:https://lh3.googleusercontent.com/to-sibling',
    );
    expect(await embedPhotos(subject, { fetch })).toEqual(['refused', 'refused']);
    expect(calls).toEqual([
      'https://lh3.googleusercontent.com/to-router',
      'https://lh3.googleusercontent.com/to-elsewhere',
      'https://lh3.googleusercontent.com/to-sibling',
      'https://lh5.googleusercontent.com/p',
    ]);
    expect(subject.getAllProperties('photo')).toHaveLength(1);
  });

  it.each([
    ['a 404', () => new Response('no', { status: 404 })],
    [
      'a page instead of a picture',
      () => new Response('<html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    ],
    ['a file over the size limit', image(new Uint8Array(2048).fill(0xff))],
    [
      'a server that announces too much',
      () => new Response(JPEG, { status: 200, headers: { 'content-length': '999999' } }),
    ],
  ])('drops the link and reports %s', async (_, route) => {
    const { fetch } = network({ 'https://lh3.googleusercontent.com/p': route });
    const subject = card('PHOTO:https://lh3.googleusercontent.com/p');
    expect(await embedPhotos(subject, { fetch, maxBytes: 1024 })).toEqual(['unreachable']);
    expect(subject.hasProperty('photo')).toBe(false);
  });

  it('gives up on a server that does not answer in time', async () => {
    const { fetch } = network({
      'https://lh3.googleusercontent.com/slow': () => new Promise<Response>(() => undefined),
    });
    const subject = card('PHOTO:https://lh3.googleusercontent.com/slow');
    expect(await embedPhotos(subject, { fetch, timeoutMs: 20 })).toEqual(['unreachable']);
  });

  it('stops the run, not just the photo, when the run is cancelled', async () => {
    const controller = new AbortController();
    const { fetch } = network({
      'https://lh3.googleusercontent.com/slow': () => {
        controller.abort();
        return new Promise<Response>(() => undefined);
      },
    });
    await expect(
      embedPhotos(card('PHOTO:https://lh3.googleusercontent.com/slow'), {
        fetch,
        signal: controller.signal,
      }),
    ).rejects.toThrow();
  });

  it('offline, drops remote photos and says so; keeps embedded ones', async () => {
    const subject = card(
      'PHOTO:https://lh3.googleusercontent.com/p',
      `PHOTO;ENCODING=b;TYPE=JPEG:${Buffer.from(JPEG).toString('base64')}`,
    );
    expect(await embedPhotos(subject, undefined)).toEqual(['unreachable']);
    expect(subject.getAllProperties('photo')).toHaveLength(1);
  });
});

describe('imageType', () => {
  it.each([
    [JPEG, 'JPEG'],
    [PNG, 'PNG'],
    [Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61]), 'GIF'],
    [Uint8Array.from([...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBP')]), 'WEBP'],
    [Uint8Array.from(Buffer.from('<html>')), undefined],
  ])('%#', (bytes, type) => {
    expect(imageType(bytes)).toBe(type);
  });
});
