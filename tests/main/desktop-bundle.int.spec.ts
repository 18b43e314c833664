// The desktop app's bundles, as `npm start` builds them, checked without Electron (whose binary
// cannot be downloaded here): the service process answers over its port under plain Node, the
// preload needs nothing but `electron`, and the window's page is built.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
let out: string;

beforeAll(async () => {
  // Inside the project, as dist/ is: the bundles find better-sqlite3 in node_modules from there.
  await mkdir('dist', { recursive: true });
  out = await mkdtemp(join('dist', 'test-desktop-'));
  await run(process.execPath, ['scripts/desktop.mjs', '--build-only', '--out', out]);
}, 120_000);

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('the desktop bundles', () => {
  it('runs the service in its own process, answering over the utility-process port', async () => {
    // A stand-in for Electron's process.parentPort: messages in, messages out.
    const script = `
      const messages = [];
      let deliver;
      process.parentPort = { on: (_event, listener) => { deliver = listener; }, postMessage: (m) => messages.push(m) };
      process.argv.push('--data-dir', ${JSON.stringify(join(out, 'data-dir'))}, '--locale', 'fr');
      await import(${JSON.stringify(resolve(out, 'main/service-host.js'))});
      deliver({ data: { type: 'call', id: 1, name: 'appInfo', input: {} } });
      deliver({ data: { type: 'call', id: 2, name: 'findPlace', input: { query: '13001' } } });
      const wait = () => new Promise((resolve) => setTimeout(resolve, 50));
      for (let i = 0; i < 100 && messages.length < 2; i++) await wait();
      console.log(JSON.stringify(messages));
      process.exit(0);
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script]);
    const messages = JSON.parse(stdout) as {
      id: number;
      result: { ok: boolean; value: Record<string, unknown> };
    }[];
    const byId = new Map(messages.map((message) => [message.id, message.result]));
    expect(byId.get(1)).toMatchObject({ ok: true, value: { mode: 'desktop', locale: 'fr' } });
    expect(byId.get(2)).toMatchObject({
      ok: true,
      value: { found: true, place: { name: 'Marseille 1er Arrondissement' } },
    });
  });

  it('builds a preload that needs nothing but electron, and the window page', async () => {
    const preload = await readFile(join(out, 'main/preload.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(existsSync(join(out, 'renderer/index.html'))).toBe(true);
    expect(existsSync(join(out, 'main/main.js'))).toBe(true);
  });
});
