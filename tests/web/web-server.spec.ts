// The web server over real HTTP on loopback: what it serves, and what it refuses.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService } from '../../src/service/create-service.ts';
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
let base: string;
let port: number;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'baluchon-web-'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>t</title>');
  const service = createService({ mode: 'web', locale: 'en', dataDir: root });
  server = await startWebServer({ service, rendererDir: root, uploadsDir: join(root, 'uploads') });
  port = server.port;
  base = new URL(server.url).pathname;
});

afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

const host = (): Record<string, string> => ({ Host: `127.0.0.1:${port}` });

describe('baluchon web', () => {
  it('listens on 127.0.0.1 only, with a long random token in the address', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]{32}\/$/);
  });

  it('serves the page with its security headers', async () => {
    const reply = await send(port, base, { headers: host() });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>t</title>');
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers['x-frame-options']).toBe('DENY');
  });

  it('answers a command as a Result', async () => {
    const reply = await send(port, `${base}api/appInfo`, {
      method: 'POST',
      headers: {
        ...host(),
        Origin: `http://127.0.0.1:${port}`,
        'Content-Type': 'application/json',
      },
      body: '{}',
    });
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { mode: 'web' } });
  });

  it('refuses without the token, with a foreign host, or with a foreign origin', async () => {
    expect((await send(port, '/', { headers: host() })).status).toBe(403);
    expect((await send(port, base, { headers: { Host: `attacker.example:${port}` } })).status).toBe(
      421,
    );
    const foreign = await send(port, `${base}api/appInfo`, {
      method: 'POST',
      headers: {
        ...host(),
        Origin: 'https://attacker.example',
        'Content-Type': 'application/json',
      },
      body: '{}',
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body).not.toContain('Baluchon"');
  });

  it('refuses a command sent as a form (what another page could send without asking)', async () => {
    const reply = await send(port, `${base}api/appInfo`, {
      method: 'POST',
      headers: { ...host(), 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('never serves files outside the renderer folder', async () => {
    const reply = await send(port, `${base}..%2f..%2fetc%2fpasswd`, { headers: host() });
    expect(reply.status).toBe(404);
  });

  it('stores an upload under the uploads folder with a harmless name', async () => {
    const reply = await send(port, `${base}upload?name=${encodeURIComponent('../../evil.zip')}`, {
      method: 'POST',
      headers: { ...host(), Origin: `http://127.0.0.1:${port}` },
      body: 'PK-not-really',
    });
    const result = JSON.parse(reply.body) as { ok: true; value: { path: string } };
    expect(result.value.path.startsWith(join(root, 'uploads'))).toBe(true);
    expect(result.value.path.endsWith('evil.zip')).toBe(true);
    expect(await readdir(join(root, 'uploads'))).toHaveLength(1);
  });
});
