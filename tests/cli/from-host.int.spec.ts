// `baluchon scan|migrate --from-server … --from-user … --from-password-env …` against a real
// Radicale: the account the data is at is connected (discovery, the password checked) before
// anything else, then named to the service by its id as a 'dav' source. Until the DAV reader is
// plugged into the source port, the service answers source.unavailable, in the family's words.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitCode } from '../../src/cli/cli-command.ts';
import { runCli } from '../../src/cli/run-cli.ts';
import { startRadicale, useServer } from '../harness/index.ts';
import type { DavServer, ServerUser } from '../harness/index.ts';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString('utf8');
    callback();
  }
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-cli-from-host-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function user(server: DavServer, name: string): ServerUser {
  const found = server.users.find((one) => one.name === name);
  if (found === undefined) throw new Error(`no user ${name}`);
  return found;
}

describe('scan and migrate from another host (Radicale)', () => {
  // One server, two accounts: the one the family leaves and the one they move to.
  const radicale = useServer(() =>
    startRadicale({ users: [{ name: 'ancien' }, { name: 'nouveau' }] }),
  );

  async function run(args: string[], password?: string) {
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await runCli(args, {
      stdout,
      stderr,
      env: {
        LANG: 'fr_FR.UTF-8',
        BALUCHON_DATA_DIR: join(dir, 'data'),
        OLD_PASSWORD: password ?? user(radicale(), 'ancien').password,
        NEW_PASSWORD: user(radicale(), 'nouveau').password,
      },
      cwd: dir,
      interrupted: new AbortController().signal,
    });
    return { code, stdout: stdout.text, stderr: stderr.text };
  }
  const from = () => [
    '--from-server',
    radicale().url,
    '--from-user',
    'ancien',
    '--from-password-env',
    'OLD_PASSWORD',
  ];
  const to = () => [
    '--server',
    radicale().url,
    '--user',
    'nouveau',
    '--password-env',
    'NEW_PASSWORD',
  ];

  it('scan connects to the old host, then asks for a scan of that account', async () => {
    const { code, stdout, stderr } = await run(['scan', ...from(), '--json']);
    const document = JSON.parse(stdout) as { state: string; error: { code: string } };
    // MERGE: expect exit 0 and a ScanReport of the account's calendars and contacts.
    expect(document).toMatchObject({ state: 'failed', error: { code: 'source.unavailable' } });
    expect(code).toBe(exitCode.failed);
    expect(stderr).toContain('chez un autre hébergeur');
  });

  it('scan says when the old host refuses the password, before any scan', async () => {
    const { code, stdout } = await run(['scan', ...from(), '--json'], 'pas-le-bon');
    const document = JSON.parse(stdout) as { state: string; error: { code: string } };
    expect(document).toMatchObject({ state: 'failed', error: { code: 'connect.wrong-password' } });
    expect(code).toBe(exitCode.failed);
  });

  it('migrate connects to both accounts, then asks to move from the old one', async () => {
    const { code, stdout } = await run(['migrate', ...from(), ...to(), '--json']);
    const document = JSON.parse(stdout) as { state: string; error: { code: string } };
    // MERGE: expect a MigrationReport whose items are verified on the new account.
    expect(document).toMatchObject({ state: 'failed', error: { code: 'source.unavailable' } });
    expect(code).toBe(exitCode.failed);
  });

  it('migrate refuses to move an account into itself, in plain words', async () => {
    const same = ['--server', radicale().url, '--user', 'ancien', '--password-env', 'OLD_PASSWORD'];
    const { code, stdout, stderr } = await run(['migrate', ...from(), ...same, '--json']);
    const document = JSON.parse(stdout) as { state: string; error: { code: string } };
    expect(document).toMatchObject({ state: 'failed', error: { code: 'source.same-account' } });
    expect(code).toBe(exitCode.failed);
    expect(stderr).toContain('déjà sur ce compte');
  });
});
