// The web server over real HTTP on loopback: what it serves, and what it refuses.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService } from '../../src/service/create-service.ts';
import { uploadSpareBytes } from '../../src/web/uploads.ts';
import { startWebServer } from '../../src/web/web-server.ts';
import type { WebServer } from '../../src/web/web-server.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

let root: string;
let server: WebServer;
let port: number;
let now = 0;
/** What the disk has free, as the server is told (the real disk is never filled by a test). */
let free = 1024 ** 4;
/** The Cookie header a browser sends once it came in through an entry address. */
let cookie: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'baluchon-web-'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>t</title>');
  const service = createService({ mode: 'web', locale: 'en', dataDir: root });
  server = await startWebServer({
    service,
    rendererDir: root,
    uploadsDir: join(root, 'uploads'),
    now: () => now,
    entryLifetimeMs: 60_000,
    entryRefused: 'Already used: press Enter in the terminal.',
    freeSpace: () => Promise.resolve(free),
    uploadIdleMs: 1000,
  });
  port = server.port;
  const entered = await enter(server.entryAddress());
  cookie = String(entered.headers['set-cookie']?.[0]).split(';')[0] ?? '';
});

afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

const host = (): Record<string, string> => ({ Host: `127.0.0.1:${port}` });
const signedIn = (): Record<string, string> => ({ ...host(), Cookie: cookie });

/** Opens an entry address as a browser does when Baluchon opens it (typed, not from a page). */
function enter(address: string, headers: Record<string, string> = {}): Promise<Reply> {
  const url = new URL(address);
  return send(port, `${url.pathname}${url.search}`, {
    headers: { ...host(), 'Sec-Fetch-Site': 'none', ...headers },
  });
}

describe('baluchon web', () => {
  it('listens on 127.0.0.1 only, and no secret is ever in an address', () => {
    expect(server.url).toBe(`http://127.0.0.1:${port}/`);
    const address = server.entryAddress();
    expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/enter\?code=[A-Za-z0-9_-]{43}$/);
    const secret = cookie.split('=')[1] ?? '';
    expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(address).not.toContain(secret);
  });

  it('trades an entry address once for a private cookie, and refuses it a second time', async () => {
    const address = server.entryAddress();
    const first = await enter(address);
    expect(first.status).toBe(303);
    expect(first.headers['location']).toBe('/');
    expect(first.headers['set-cookie']).toEqual([
      `baluchon-${port}=${cookie.split('=')[1] ?? ''}; Path=/; HttpOnly; SameSite=Strict`,
    ]);
    const again = await enter(address);
    expect(again.status).toBe(403);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.body).toBe('Already used: press Enter in the terminal.\n');
  });

  it('spends a code on a navigation (GET) only', async () => {
    const address = new URL(server.entryAddress());
    const posted = await send(port, `${address.pathname}${address.search}`, {
      method: 'POST',
      headers: host(),
    });
    expect(posted.headers['set-cookie']).toBeUndefined();
    expect((await enter(address.href)).status).toBe(303);
  });

  it('refuses an entry address past its few minutes', async () => {
    const address = server.entryAddress();
    now += 60_000;
    const late = await enter(address);
    expect(late.status).toBe(403);
    expect(late.headers['set-cookie']).toBeUndefined();
  });

  it('lets a browser that is already in go on from an old entry address (a restored tab)', async () => {
    const address = server.entryAddress();
    expect((await enter(address)).status).toBe(303);
    const restored = await enter(address, { Cookie: cookie });
    expect(restored.status).toBe(303);
    expect(restored.headers['set-cookie']).toBeUndefined();
  });

  it('serves the page with its security headers, to a browser that came in', async () => {
    const reply = await send(port, '/', { headers: signedIn() });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>t</title>');
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers['x-frame-options']).toBe('DENY');
  });

  it('answers a command as a Result', async () => {
    const reply = await send(port, '/api/appInfo', {
      method: 'POST',
      headers: {
        ...signedIn(),
        Origin: `http://127.0.0.1:${port}`,
        'Content-Type': 'application/json',
      },
      body: '{}',
    });
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { mode: 'web' } });
  });

  it('refuses without the cookie, with a foreign host, or with a foreign origin', async () => {
    expect((await send(port, '/', { headers: host() })).status).toBe(403);
    expect((await send(port, '/api/appInfo', { method: 'POST', headers: host() })).status).toBe(
      403,
    );
    expect(
      (await send(port, '/', { headers: { Cookie: cookie, Host: `attacker.example:${port}` } }))
        .status,
    ).toBe(421);
    const foreign = await send(port, '/api/appInfo', {
      method: 'POST',
      headers: {
        ...signedIn(),
        Origin: 'https://attacker.example',
        'Content-Type': 'application/json',
      },
      body: '{}',
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body).not.toContain('Baluchon"');
  });

  it('refuses a command sent as a form (what another page could send without asking)', async () => {
    const reply = await send(port, '/api/appInfo', {
      method: 'POST',
      headers: { ...signedIn(), 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('never serves files outside the renderer folder', async () => {
    const reply = await send(port, '/..%2f..%2fetc%2fpasswd', { headers: signedIn() });
    expect(reply.status).toBe(404);
  });

  it('stores an upload under the uploads folder with a harmless name', async () => {
    const reply = await send(port, `/upload?name=${encodeURIComponent('../../evil.zip')}`, {
      method: 'POST',
      headers: { ...signedIn(), Origin: `http://127.0.0.1:${port}` },
      body: 'PK-not-really',
    });
    const result = JSON.parse(reply.body) as { ok: true; value: { path: string } };
    expect(result.value.path.startsWith(join(root, 'uploads'))).toBe(true);
    expect(result.value.path.endsWith('evil.zip')).toBe(true);
    expect(await readdir(join(root, 'uploads'))).toHaveLength(1);
  });

  it('refuses with 507 and plain words a part larger than the free space, keeping nothing', async () => {
    free = uploadSpareBytes + 1024 * 1024;
    try {
      const big = 3 * 1024 ** 3;
      const reply = await new Promise<Reply>((resolve, reject) => {
        // Announces 3 GiB and sends only a first piece: the answer must come before the rest.
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: '/upload?name=takeout-001.zip',
            method: 'POST',
            headers: { ...signedIn(), 'Content-Length': String(big) },
          },
          (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (body += chunk));
            res.on('end', () => {
              resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
              req.destroy();
            });
          },
        );
        req.on('error', reject);
        req.write(Buffer.alloc(64 * 1024));
      });
      expect(reply.status).toBe(507);
      const answer = JSON.parse(reply.body) as {
        ok: boolean;
        error: { code: string; message: string };
      };
      expect(answer).toMatchObject({ ok: false, error: { code: 'upload-no-space' } });
      expect(answer.error.message).toContain('takeout-001.zip');
      expect(await incomingFiles()).toEqual([]);
    } finally {
      free = 1024 ** 4;
    }
  });

  it('cuts an upload that stops arriving, and removes what had come', async () => {
    const closed = await new Promise<string>((resolve) => {
      const req = request({
        host: '127.0.0.1',
        port,
        path: '/upload?name=silent.zip',
        method: 'POST',
        headers: { ...signedIn(), 'Content-Length': '1000000' },
      });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => {
          resolve(`answered ${String(res.statusCode)}`);
        });
      });
      req.on('error', () => {
        resolve('closed');
      });
      req.write(Buffer.from('PK the first bytes, then nothing'));
    });
    // The server answers 408 or just closes, depending on who notices first.
    expect(['closed', 'answered 408']).toContain(closed);
    expect(await incomingFiles()).toEqual([]);
  });
});

/** Files being received (or left half-received) in the uploads folder. */
async function incomingFiles(): Promise<string[]> {
  const entries = await readdir(join(root, 'uploads')).catch(() => [] as string[]);
  return entries.filter((entry) => entry.startsWith('.incoming'));
}
