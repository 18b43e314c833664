// The real CLI killed with SIGKILL in the middle of a migration to Radicale, then run again: it
// resumes the same run and ends with every item on the server once. The fault proxy makes the
// kill land at a known point: the first two events of the "Famille" calendar get through, the
// next ones are carried out by the server but their answers are held — then the process dies.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MigrationReport } from '../../src/contract/index.ts';
import { journalPath, openJournal } from '../../src/journal/index.ts';
import { defaultMigrateDeps } from '../../src/service/migrate-handlers.ts';
import { buildTakeout } from '../fixtures/takeout/build-takeout.ts';
import { familySpec } from '../fixtures/takeout/family-spec.ts';
import { fault, startRadicale, useFaultProxy, useServer } from '../harness/index.ts';
import { testDavClient } from '../support/dav-client.ts';
import { calendarObjectsOf, cardsOf } from '../migration/support/read-server.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsxCli = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

let dir: string;
let parts: string[];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-sigkill-cli-'));
  parts = await buildTakeout(join(dir, 'export'), familySpec('fr'), { format: 'zip', parts: 2 });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Child {
  readonly done: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly stdout: () => string;
  readonly stderr: () => string;
  kill(): void;
}

/** The CLI as a user runs it, in a process group of its own: tsx runs the script in a second
 * node process, and SIGKILL cannot be relayed, so the whole group is killed at once. */
function cli(args: readonly string[], password: string): Child {
  const child = spawn(process.execPath, [tsxCli, 'src/cli/main.ts', 'migrate', ...args], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      LANG: 'fr_FR.UTF-8',
      BALUCHON_DATA_DIR: join(dir, 'data'),
      FAMILY_PASSWORD: password,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    done: new Promise((resolve) => {
      child.on('close', (code, signal) => {
        resolve({ code, signal });
      });
    }),
    stdout: () => stdout,
    stderr: () => stderr,
    kill: () => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    },
  };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 50) {
    if (waited > 60_000) throw new Error(`still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('migrate killed with SIGKILL', () => {
  const server = useServer(() => startRadicale());
  const proxy = useFaultProxy(() => server().url);

  it('resumes the same run and ends with every item on the server once', async () => {
    const stateDir = join(dir, 'state');
    const args = [
      ...parts,
      '--server',
      proxy().url,
      '--user',
      server().user.name,
      '--password-env',
      'FAMILY_PASSWORD',
      '--state',
      stateDir,
      '--json',
      // Radicale has no room for the family's Drive files.
      '--only',
      'calendars,tasks,contacts',
    ];
    const inFamille = (path: string): boolean => path.includes('/famille-google/');
    let famillePuts = 0;
    proxy().addRule({
      name: 'held',
      match: (r) => r.method === 'PUT' && inFamille(r.path) && ++famillePuts > 2,
      action: fault.hold(new Promise(() => undefined), 'response'),
    });

    const first = cli(args, server().user.password);
    // "Famille" has 6 events: 2 get through, then as many as the CLI sends at once are held,
    // each carried out by the server.
    const inFlight = Math.min(defaultMigrateDeps.concurrency, 4);
    const held = () =>
      proxy().requests.filter(
        (r) => r.rule === 'held' && r.reachedServer && r.outcome === 'pending',
      );
    await until(() => held().length === inFlight, 'the held answers');
    first.kill();
    const killed = await first.done;
    expect(killed.signal, first.stderr()).toBe('SIGKILL');
    expect(first.stdout()).toBe('');

    // The journal, as the killed process left it: one run, the held items `sending`.
    const journal = openJournal({ path: journalPath(stateDir), now: () => new Date() });
    let runId: number;
    try {
      const target = { server: proxy().url, account: server().user.name };
      const [run, ...others] = journal.runs(target);
      expect(others).toEqual([]);
      expect(run?.state).toBe('interrupted');
      runId = run?.id ?? -1;
      const famille = journal.collections(target).find((c) => inFamille(c.href));
      if (famille === undefined) throw new Error('the Famille calendar is not in the journal');
      const states = journal.collectionItems(famille.id).map((i) => i.state);
      expect(states.filter((s) => s === 'sending')).toHaveLength(inFlight);
    } finally {
      journal.close();
    }

    proxy().clearRules();
    const second = cli(args, server().user.password);
    const ended = await second.done;
    expect(ended.code, second.stderr()).toBe(0);
    const report = MigrationReport.parse(JSON.parse(second.stdout()));
    expect(report).toMatchObject({ runId, state: 'finished', complete: true });
    expect(report.calendars).toMatchObject({ found: 10, created: 10, verified: 10, failed: 0 });
    expect(report.tasks).toMatchObject({ found: 4, verified: 4 });
    // The family's 4 saved contacts; Google's one "other contact" stays out.
    expect(report.contacts).toMatchObject({ found: 4, verified: 4 });

    // On the server: each item once, in the one calendar made for its Google calendar.
    const reader = testDavClient(server().user);
    try {
      const seen = new Set<string>();
      let resources = 0;
      for (const collection of report.collections) {
        const url = new URL(new URL(collection.url).pathname, server().url).href;
        if (collection.kind === 'contacts') {
          const cards = await cardsOf(reader.client, url);
          resources += cards.length;
          for (const card of cards) seen.add(String(card.card.getFirstPropertyValue('uid')));
        } else {
          const objects = await calendarObjectsOf(reader.client, url);
          resources += objects.length;
          for (const object of objects) for (const uid of object.uids) seen.add(uid);
        }
      }
      expect(report.collections).toHaveLength(6);
      expect(resources).toBe(10 + 4 + 4);
      expect(seen.size).toBe(resources);
    } finally {
      await reader.http.close();
    }
  }, 120_000);
});
