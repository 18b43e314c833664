// The stand-in follows the documented protocol, and refuses what Nextcloud documents it refuses:
// these tests keep it honest, so that tests passing against it mean something.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNextcloudStandIn } from './nextcloud-chunked-upload.ts';
import type { NextcloudStandIn } from './nextcloud-chunked-upload.ts';

let standIn: NextcloudStandIn;
beforeAll(async () => {
  standIn = await startNextcloudStandIn();
});
afterAll(async () => {
  await standIn.close();
});

const MiB = 1024 * 1024;

function call(
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body?: Buffer | string,
): Promise<{ status: number; headers: Headers; text: string }> {
  const auth = `Basic ${Buffer.from(`${standIn.user.name}:${standIn.user.password}`).toString('base64')}`;
  return fetch(url, { method, headers: { authorization: auth, ...headers }, body }).then(
    async (answer) => ({
      status: answer.status,
      headers: answer.headers,
      text: await answer.text(),
    }),
  );
}

const upload = (id: string, name = '') => `${standIn.uploadsRoot}${id}/${name}`;
const file = (path: string) => `${standIn.filesRoot}${path}`;

describe('Nextcloud stand-in: files', () => {
  it('asks for a password', async () => {
    const answer = await fetch(file(''), { method: 'PROPFIND', headers: { depth: '0' } });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toMatch(/^Basic/);
  });

  it('makes folders once, and only inside an existing one', async () => {
    expect((await call('MKCOL', file('A/'))).status).toBe(201);
    expect((await call('MKCOL', file('A/'))).status).toBe(405);
    expect((await call('MKCOL', file('B/C/'))).status).toBe(409);
  });

  it('PUT honours If-None-Match, keeps X-OC-Mtime, hashes on request', async () => {
    const body = Buffer.from('bonjour');
    const first = await call(
      'PUT',
      file('A/x.txt'),
      { 'if-none-match': '*', 'x-oc-mtime': '1000000000', 'x-hash': 'sha256' },
      body,
    );
    expect(first.status).toBe(201);
    expect(first.headers.get('x-oc-mtime')).toBe('accepted');
    expect(first.headers.get('x-hash-sha256')).toBe(
      createHash('sha256').update(body).digest('hex'),
    );
    expect(first.headers.get('etag')).toMatch(/^"[0-9a-f]+"$/);
    expect(statSync(join(standIn.filesDir, 'A/x.txt')).mtimeMs).toBe(1_000_000_000_000);
    expect((await call('PUT', file('A/x.txt'), { 'if-none-match': '*' }, body)).status).toBe(412);
    expect((await call('PUT', file('A/x.txt'), { 'if-match': '"nope"' }, body)).status).toBe(412);
    expect(
      (await call('PUT', file('A/x.txt'), { 'if-match': first.headers.get('etag') ?? '' }, body))
        .status,
    ).toBe(204);
  });

  it('refuses Depth: infinity, tells the quota', async () => {
    expect((await call('PROPFIND', file(''), { depth: 'infinity' })).status).toBe(403);
    const answer = await call('PROPFIND', file(''), { depth: '0' });
    expect(answer.text).toContain('<d:quota-available-bytes>-3</d:quota-available-bytes>');
  });
});

describe('Nextcloud stand-in: chunked upload v2', () => {
  it('assembles chunks in name order, with the date and the hash asked for', async () => {
    const target = file('A/big.bin');
    const content = randomBytes(6 * MiB);
    const headers = { destination: target, 'oc-total-length': String(content.length) };
    expect((await call('MKCOL', upload('u1'), { destination: target })).status).toBe(201);
    expect(
      (await call('PUT', upload('u1', '00002'), headers, content.subarray(5 * MiB))).status,
    ).toBe(201);
    expect(
      (await call('PUT', upload('u1', '00001'), headers, content.subarray(0, 5 * MiB))).status,
    ).toBe(201);
    const listing = await call('PROPFIND', upload('u1'), { ...headers, depth: '1' });
    expect(listing.text).toContain(`<d:getcontentlength>${5 * MiB}</d:getcontentlength>`);
    const moved = await call('MOVE', upload('u1', '.file'), {
      ...headers,
      'x-oc-mtime': '1200000000',
      'x-hash': 'sha256',
      overwrite: 'F',
    });
    expect(moved.status).toBe(201);
    expect(moved.headers.get('x-oc-mtime')).toBe('accepted');
    expect(moved.headers.get('x-hash-sha256')).toBe(
      createHash('sha256').update(content).digest('hex'),
    );
    expect(readFileSync(join(standIn.filesDir, 'A/big.bin')).equals(content)).toBe(true);
    expect((await call('PROPFIND', upload('u1'), { ...headers, depth: '1' })).status).toBe(404);
  });

  it('refuses what the protocol refuses', async () => {
    const headers = { destination: file('A/other.bin'), 'oc-total-length': String(6 * MiB) };
    // Every request carries the Destination.
    expect((await call('MKCOL', upload('u2'))).status).toBe(400);
    expect((await call('MKCOL', upload('u2'), { destination: file('A/other.bin') })).status).toBe(
      201,
    );
    expect((await call('PUT', upload('u2', '00001'), {}, 'x')).status).toBe(400);
    // …and the same one.
    expect(
      (
        await call(
          'PUT',
          upload('u2', '00001'),
          { ...headers, destination: file('A/else.bin') },
          'x',
        )
      ).status,
    ).toBe(400);
    // Chunks are numbered 1 to 10000.
    expect((await call('PUT', upload('u2', '10001'), headers, 'x')).status).toBe(400);
    // A chunk other than the last below 5 MB.
    await call('PUT', upload('u2', '00001'), headers, randomBytes(MiB));
    await call('PUT', upload('u2', '00002'), headers, randomBytes(5 * MiB));
    expect((await call('MOVE', upload('u2', '.file'), headers)).status).toBe(400);
    // A total that is not the sum of the chunks.
    await call('PUT', upload('u2', '00001'), headers, randomBytes(5 * MiB));
    expect(
      (await call('MOVE', upload('u2', '.file'), { ...headers, 'oc-total-length': '1' })).status,
    ).toBe(400);
  });

  it('Overwrite: F keeps an existing target', async () => {
    const headers = { destination: file('A/x.txt'), 'oc-total-length': '3' };
    await call('MKCOL', upload('u3'), { destination: file('A/x.txt') });
    await call('PUT', upload('u3', '00001'), headers, 'abc');
    expect((await call('MOVE', upload('u3', '.file'), { ...headers, overwrite: 'F' })).status).toBe(
      412,
    );
  });

  it('a chunk cut short by a broken connection is not kept', async () => {
    const headers = { destination: file('A/cut.bin'), 'oc-total-length': String(6 * MiB) };
    await call('MKCOL', upload('u4'), { destination: file('A/cut.bin') });
    const auth = `Basic ${Buffer.from(`${standIn.user.name}:${standIn.user.password}`).toString('base64')}`;
    await new Promise<void>((resolve) => {
      const cut = request(upload('u4', '00001'), {
        method: 'PUT',
        headers: { ...headers, authorization: auth, 'content-length': String(5 * MiB) },
      });
      cut.on('error', () => {
        resolve();
      });
      cut.write(randomBytes(MiB), () => {
        cut.destroy();
        setTimeout(resolve, 200);
      });
    });
    const listing = await call('PROPFIND', upload('u4'), { ...headers, depth: '1' });
    expect(listing.status).toBe(207);
    expect(listing.text).not.toContain('00001');
  });
});

describe('Nextcloud stand-in without an upload area', () => {
  it.each([
    ['missing', 404],
    [405, 405],
    [409, 409],
    [501, 501],
  ] as const)('uploads %s: the area answers %i, files still work', async (uploads, status) => {
    const bare = await startNextcloudStandIn({ uploads });
    try {
      const auth = `Basic ${Buffer.from(`${bare.user.name}:${bare.user.password}`).toString('base64')}`;
      const target = `${bare.filesRoot}x.txt`;
      const made = await fetch(`${bare.uploadsRoot}u1/`, {
        method: 'MKCOL',
        headers: { authorization: auth, destination: target },
      });
      expect(made.status).toBe(status);
      const put = await fetch(target, {
        method: 'PUT',
        headers: { authorization: auth },
        body: 'abc',
      });
      expect(put.status).toBe(201);
      expect(readFileSync(join(bare.filesDir, 'x.txt'), 'utf8')).toBe('abc');
    } finally {
      await bare.close();
    }
  });
});
