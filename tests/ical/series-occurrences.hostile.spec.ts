// Issue 12, point 1: a repeating event whose rule no date satisfies hung the whole process inside
// ical.js (one core at 100 %, memory growing, Ctrl-C ignored). Run in a child process with a
// deadline, so that a regression shows as a failure rather than a test run that never ends.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { IMPOSSIBLE_EVENT, impossibleRuleCalendar } from '../fixtures/takeout/hostile-fixtures.ts';

const tsxCli = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));
const childScript = fileURLToPath(new URL('./support/prepare-child.ts', import.meta.url));
/** Far above the few hundred milliseconds the child needs (tsx start included). */
const DEADLINE_MS = 20_000;

const dir = mkdtempSync(join(tmpdir(), 'baluchon-impossible-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface ChildRun {
  readonly lines: string[];
  readonly timedOut: boolean;
  readonly code: number | null;
}

function runChild(icsPath: string): Promise<ChildRun> {
  // tsx runs the script in a second node process: the group is killed at the deadline.
  const child = spawn(process.execPath, [tsxCli, childScript, icsPath], {
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  let out = '';
  let timedOut = false;
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }, DEADLINE_MS);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ lines: out.split('\n').filter(Boolean), timedOut, code });
    });
  });
}

describe('a calendar holding a rule no date satisfies', () => {
  it(
    'finishes, names that event as never happening, and keeps the others',
    async () => {
      const path = join(dir, 'Club.ics');
      writeFileSync(path, impossibleRuleCalendar);
      const run = await runChild(path);
      expect(run.timedOut).toBe(false);
      expect(run.code).toBe(0);
      expect(run.lines.at(-1)).toBe('done');
      const outcomes = run.lines.slice(0, -1).map((line) => JSON.parse(line) as unknown);
      expect(outcomes).toEqual([
        { status: 'ready', where: expect.stringContaining('Avant') as string, problems: [] },
        {
          status: 'not-sent',
          where: expect.stringContaining(IMPOSSIBLE_EVENT) as string,
          problems: ['items.event-rule-never-happens'],
        },
        { status: 'ready', where: expect.stringContaining('Après') as string, problems: [] },
      ]);
    },
    DEADLINE_MS + 10_000,
  );
});
