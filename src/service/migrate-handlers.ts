// The migration job and what surrounds it: going on with an unfinished move after the app was
// closed, and reading a saved report.
import { googlePhotoFetch } from '../sources/google/contacts/photo-fetch.ts';
import { readFile, stat } from 'node:fs/promises';
import { basename, join, resolve, sep } from 'node:path';
import type { Account, Handlers, MigrationSelection, Problem } from '../contract/index.ts';
import { journalPath, openJournal } from '../journal/index.ts';
import { moveReport } from '../migration/move-report.ts';
import { runMigration } from '../migration/run-migration.ts';
import { undoImport } from '../migration/undo-import.ts';
import type { FetchLike } from '../net/fetch-like.ts';
import { openSource } from '../sources/open-source.ts';
import { sourceSpecOf } from '../sources/source-spec.ts';
import type { SourceSpec } from '../sources/source-spec.ts';
import { BaluchonError } from '../errors/baluchon-error.ts';
import type { ServiceContext } from './service-context.ts';
import { LastMoveFile } from './last-move.ts';
import { removeReceivedCopies, uploadsDirOf } from './received-copies.ts';
import { sourceOpeners } from './source-openers.ts';
import { registerStateFolder } from './state-folders.ts';
import { UnfinishedMoves } from './unfinished-moves.ts';

export interface MigrateDeps {
  /** Items sent at once to one server. */
  concurrency: number;
  /** Downloads contact photos (null: offline, links are reported instead). */
  fetchPhoto: FetchLike | null;
  /** better-sqlite3's addon built for Electron, when running in the desktop app. */
  sqliteNativeBinding?: string;
}

export const defaultMigrateDeps: MigrateDeps = {
  concurrency: 4,
  fetchPhoto: (url, init) => fetch(url, init),
};

interface FilesDestination {
  account: Account;
  credentials: { username: string; password: string };
}

type MigrateHandlers = Pick<
  Handlers,
  | 'startMigration'
  | 'listUnfinishedMoves'
  | 'resumeMove'
  | 'listMoves'
  | 'lastMove'
  | 'readReport'
  | 'startUndo'
>;

export function createMigrateHandlers(
  context: ServiceContext,
  overrides: Partial<MigrateDeps> = {},
): MigrateHandlers {
  const deps: MigrateDeps = { ...defaultMigrateDeps, ...overrides };
  const unfinished = new UnfinishedMoves(context.deps.dataDir);
  const lastMove = new LastMoveFile(context.deps.dataDir);

  const start = async (
    spec: SourceSpec,
    sourceAccount: Account | null,
    account: Account,
    credentials: { username: string; password: string },
    selection: MigrationSelection,
    directory: string,
    files: FilesDestination | null,
  ): Promise<{ jobId: string }> => {
    // One move per account at a time: a second window (or a reloaded page) that asks again
    // follows the move already running instead of starting another on the same journal.
    const running = context.moves.running(account.accountId);
    if (running !== undefined) return { jobId: running };
    const paths = spec.kind === 'takeout' ? spec.paths : [];
    for (const path of paths) {
      if ((await stat(path).catch(() => undefined)) === undefined) {
        throw new BaluchonError('path-not-found', { path });
      }
    }
    const startedAt = context.deps.now().toISOString();
    // Listed before its journal is written there, so that "Forget everything" finds it.
    await registerStateFolder(context.deps.dataDir, directory);
    await unfinished.remember({
      paths,
      ...(sourceAccount === null ? {} : { sourceAccount }),
      ...(spec.kind === 'google'
        ? {
            sourceGoogle: {
              sessionId: spec.sessionId,
              email: (await context.google.sessions.get(spec.sessionId)).session.email,
            },
          }
        : {}),
      account,
      ...(files === null ? {} : { filesAccount: files.account }),
      selection,
      stateDir: directory,
      startedAt,
    });
    const jobId = context.jobs.start('migrate', async (job) => {
      const journal = openJournal({
        path: journalPath(directory),
        now: context.deps.now,
        ...(deps.sqliteNativeBinding === undefined
          ? {}
          : { nativeBinding: deps.sqliteNativeBinding }),
      });
      const report = moveReport({
        t: context.t(),
        language: context.locale(),
        reportsDir: join(directory, 'reports'),
      });
      // Opened in the job: reading the source is the move's first phase, and can be paused.
      const source = await openSource(
        spec,
        sourceOpeners(context, { signal: job.signal, t: context.t() }),
      ).catch((error: unknown) => {
        journal.close();
        throw error;
      });
      try {
        const outcome = await runMigration(source, selection, {
          journal,
          client: context.dav.client(credentials),
          retry: context.dav.retry,
          retryPolicy: context.dav.retryPolicy,
          account,
          ...(files === null
            ? {}
            : {
                files: {
                  account: files.account,
                  client: context.dav.client(files.credentials),
                },
              }),
          t: context.t(),
          signal: job.signal,
          now: context.deps.now,
          concurrency: deps.concurrency,
          onProgress: (progress) => {
            job.progress(progress);
          },
          onProblem: (kind, fact) => {
            report.problem(kind, fact);
            job.problem(fact);
          },
          // Contact photos live on Google's photo hosts (the stand-in serves them in tests).
          ...(deps.fetchPhoto === null
            ? {}
            : { fetchPhoto: googlePhotoFetch(context.google.endpoints, deps.fetchPhoto) }),
        });
        const kept = await report.finish(outcome, {
          account,
          // Named only when the files went (or were to go) there.
          filesAccount:
            selection.files || selection.photos || selection.notes
              ? (files?.account ?? null)
              : null,
        });
        // A paused move is offered again on Welcome; any other end is the report to see again.
        if (kept.state !== 'cancelled') await lastMove.save({ account, report: kept });
        if (kept.complete) {
          // Nothing left to go on with once everything arrived, nor any reason to keep the
          // copies of the archive received in a browser.
          await unfinished.forget(account.accountId);
          await removeReceivedCopies(uploadsDirOf(context.deps.dataDir), paths);
        }
        return kept;
      } finally {
        await source.close();
        journal.close();
      }
    });
    context.moves.track(jobId, account, startedAt);
    return { jobId };
  };

  /** The second account for the files, when one is given and differs from the main one. */
  const filesDestination = async (
    accountId: string,
    filesAccountId: string | undefined,
  ): Promise<FilesDestination | null> => {
    if (filesAccountId === undefined || filesAccountId === accountId) return null;
    const { account, credentials } = await context.accounts.get(filesAccountId);
    return { account, credentials };
  };

  /**
   * A remembered account connected again: with the password typed again, else the one the vault
   * kept (connect.password-needed when neither).
   */
  const reconnect = async (
    account: Account,
    typed: string | undefined,
  ): Promise<{ username: string; password: string }> => {
    const credentials = {
      username: account.username,
      password: await context.accounts.password(account.server, account.username, typed),
    };
    await context.accounts.add(account, credentials);
    return credentials;
  };

  /** Where the data comes from, checked before anything is remembered or started. */
  const sourceOf = async (
    spec: SourceSpec,
    destinations: readonly (string | undefined)[],
  ): Promise<Account | null> => {
    if (spec.kind === 'takeout') return null;
    if (spec.kind === 'google') {
      await context.google.sessions.get(spec.sessionId);
      return null;
    }
    // Reading and writing one account would copy everything into it a second time.
    if (destinations.includes(spec.accountId)) throw new BaluchonError('source.same-account');
    const { account } = await context.accounts.get(spec.accountId);
    return account;
  };

  return {
    startMigration: async (input) => {
      const { accountId, filesAccountId, selection, stateDir } = input;
      const spec = sourceSpecOf(input);
      const sourceAccount = await sourceOf(spec, [accountId, filesAccountId]);
      const { account, credentials } = await context.accounts.get(accountId);
      const files = await filesDestination(accountId, filesAccountId);
      return start(
        spec,
        sourceAccount,
        account,
        credentials,
        selection,
        stateDir ?? context.deps.dataDir,
        files,
      );
    },

    listUnfinishedMoves: async () => {
      const moves = await unfinished.list();
      return Promise.all(
        moves.map(async (move) => {
          const present = await Promise.all(
            move.paths.map((path) =>
              stat(path).then(
                () => true,
                () => false,
              ),
            ),
          );
          const known = (account: Account): Promise<boolean> =>
            context.accounts.password(account.server, account.username, undefined).then(
              () => true,
              () => false,
            );
          const source = move.sourceAccount;
          const google = move.sourceGoogle;
          // Read from Google live: known while this service's session holds, else the family
          // signs in again; from another host: its password kept; a Takeout has none to know.
          const sourceKnown =
            google !== undefined
              ? context.google.sessions.get(google.sessionId).then(
                  () => true,
                  () => false,
                )
              : source === undefined
                ? Promise.resolve(true)
                : known(source);
          return {
            accountId: move.account.accountId,
            server: move.account.server,
            username: move.account.username,
            filesServer: move.filesAccount?.server ?? null,
            filesUsername: move.filesAccount?.username ?? null,
            fromServer: source?.server ?? null,
            fromUsername: source?.username ?? null,
            ...(google === undefined ? {} : { fromGoogle: google.email ?? '' }),
            startedAt: move.startedAt,
            archives: move.paths.map((path) => basename(path)),
            archivesPresent: present.every(Boolean),
            passwordKnown: await known(move.account),
            sourcePasswordKnown: await sourceKnown,
          };
        }),
      );
    },

    resumeMove: async ({ accountId, password, sourcePassword, filesAccountId }) => {
      const running = context.moves.running(accountId);
      if (running !== undefined) return { jobId: running };
      const move = (await unfinished.list()).find(
        (candidate) => candidate.account.accountId === accountId,
      );
      if (move === undefined) throw new BaluchonError('migration.unknown-move', { accountId });
      const credentials = await reconnect(move.account, password);
      // A files account newly connected (from Done, after a calendar-only move), else the one
      // the move already had.
      let files = await filesDestination(accountId, filesAccountId);
      if (files === null && move.filesAccount !== undefined) {
        files = {
          account: move.filesAccount,
          credentials: await reconnect(move.filesAccount, undefined),
        };
      }
      for (const path of move.paths) {
        if ((await stat(path).catch(() => undefined)) === undefined) {
          throw new BaluchonError('migration.archives-gone', { path: basename(path) });
        }
      }
      // Another host's account: connected again with the password typed again, else the one the
      // vault kept for it.
      let spec: SourceSpec = { kind: 'takeout', paths: move.paths };
      if (move.sourceGoogle !== undefined) {
        // Refused with google.signed-out when the session ended: the family signs in again.
        await context.google.sessions.get(move.sourceGoogle.sessionId);
        spec = { kind: 'google', sessionId: move.sourceGoogle.sessionId };
      } else if (move.sourceAccount !== undefined) {
        await reconnect(move.sourceAccount, sourcePassword);
        spec = { kind: 'dav', accountId: move.sourceAccount.accountId };
      }
      // Files newly given a place go with the rest, even if they were set aside for lack of one.
      const selection =
        filesAccountId === undefined ? move.selection : { ...move.selection, files: true };
      return start(
        spec,
        move.sourceAccount ?? null,
        move.account,
        credentials,
        selection,
        move.stateDir,
        files,
      );
    },

    listMoves: () => Promise.resolve(context.moves.list()),

    lastMove: async () => {
      const last = await lastMove.read();
      if (last === null) return null;
      // Its Done screen offers "undo this import": the account must be known for that.
      context.accounts.remember(last.account);
      return { accountId: last.account.accountId, report: last.report };
    },

    startUndo: async ({ accountId, filesAccountId, stateDir }) => {
      const { account, credentials } = await context.accounts.get(accountId);
      if (stateDir !== undefined) await registerStateFolder(context.deps.dataDir, stateDir);
      const files = await filesDestination(accountId, filesAccountId);
      // The main account, then the files account when the move had one: one job, one result.
      const accounts = [{ account, credentials }, ...(files === null ? [] : [files])];
      const jobId = context.jobs.start('undo', async (job) => {
        const journal = openJournal({
          path: journalPath(stateDir ?? context.deps.dataDir),
          now: context.deps.now,
          ...(deps.sqliteNativeBinding === undefined
            ? {}
            : { nativeBinding: deps.sqliteNativeBinding }),
        });
        const problems: Problem[] = [];
        const total = { deleted: 0, kept: 0, collectionsDeleted: 0, collectionsKept: 0 };
        try {
          for (const [index, one] of accounts.entries()) {
            const outcome = await undoImport({
              journal,
              client: context.dav.client(one.credentials),
              target: { server: one.account.server, account: one.account.username },
              retry: context.dav.retry,
              retryPolicy: context.dav.retryPolicy,
              signal: job.signal,
              concurrency: deps.concurrency,
              onProgress: (done, count) => {
                // Each account's part in turn: the bar starts again for the files account.
                job.progress({ done: done + index * count, total: count * accounts.length });
              },
              onProblem: (fact) => {
                problems.push(context.problem(fact));
                job.problem(fact);
              },
            });
            total.deleted += outcome.deleted;
            total.kept += outcome.kept;
            total.collectionsDeleted += outcome.collectionsDeleted;
            total.collectionsKept += outcome.collectionsKept;
          }
          await unfinished.forget(account.accountId);
          return { ...total, problems };
        } finally {
          journal.close();
        }
      });
      return Promise.resolve({ jobId });
    },

    readReport: async ({ path }) => {
      // Only Baluchon's own reports, in its data folder: this is no general file reader.
      const reports = resolve(context.deps.dataDir, 'reports') + sep;
      const file = resolve(path);
      if (!file.startsWith(reports) || !file.endsWith('.html')) {
        throw new BaluchonError('migration.not-a-report', { path: basename(path) });
      }
      return { html: await readFile(file, 'utf8') };
    },
  };
}
