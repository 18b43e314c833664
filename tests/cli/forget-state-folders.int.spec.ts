// "Forget means everything": two moves with `--state` into two folders (a USB stick, a shared
// folder), then `forget` without naming either — both journals and their reports go, and so
// does the list that named them (src/service/state-folders.ts). Against Radicale.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Capture } from '../support/capture.ts';
import { exitCode } from '../../src/cli/cli-command.ts';
import { runCli } from '../../src/cli/run-cli.ts';
import { stateFoldersFileName } from '../../src/service/state-folders.ts';
import { buildTakeout } from '../fixtures/takeout/build-takeout.ts';
import { familySpec } from '../fixtures/takeout/family-spec.ts';
import { startRadicale, useServer } from '../harness/index.ts';

let dir: string;
let family: string[];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-cli-forget-state-'));
  family = await buildTakeout(join(dir, 'family'), familySpec('fr'), { format: 'zip', parts: 1 });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('baluchon forget, after moves kept in other folders', () => {
  const server = useServer(() => startRadicale());
  const dataDir = () => join(dir, 'data');

  async function run(args: string[]) {
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await runCli(args, {
      stdout,
      stderr,
      env: {
        LANG: 'en_US.UTF-8',
        BALUCHON_DATA_DIR: dataDir(),
        FAMILY_PASSWORD: server().user.password,
      },
      cwd: dir,
      interrupted: new AbortController().signal,
    });
    return { code, stdout: stdout.text, stderr: stderr.text };
  }

  it('wipes the journal and reports of every --state folder, and the list of them', async () => {
    const account = ['--server', server().url, '--user', server().user.name];
    for (const state of ['usb-stick', 'shared']) {
      const moved = await run([
        'migrate',
        ...family,
        ...account,
        '--password-env',
        'FAMILY_PASSWORD',
        '--only',
        'contacts',
        '--json',
        '--state',
        state,
      ]);
      expect(moved.code, moved.stderr).toBe(exitCode.ok);
      expect(readdirSync(join(dir, state))).toEqual(
        expect.arrayContaining(['journal.sqlite', 'reports']),
      );
    }
    expect(existsSync(join(dataDir(), stateFoldersFileName))).toBe(true);

    const forgot = await run(['forget']);
    expect(forgot.code).toBe(exitCode.ok);
    for (const state of ['usb-stick', 'shared']) {
      expect(readdirSync(join(dir, state))).toEqual([]);
      expect(forgot.stdout).toContain(join(dir, state));
    }
    expect(existsSync(join(dataDir(), stateFoldersFileName))).toBe(false);
    expect(readdirSync(dataDir())).toEqual([]);
  });
});
