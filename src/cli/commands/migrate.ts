// `baluchon migrate (<archive…> | --from-server … --from-user … --from-password-env VAR |
// --google [--google-client-id ID])
// --server … --user … --password-env VAR [--files-server …
// --files-user … --files-password-env VAR] [--only …] [--with-other-contacts] [--originals-only]
// [--photos-folder NAME] [--notes-folder NAME] [--state DIR]
// [--json]`: moves the export (or the account at another host) to the account, then reads the
// server back. With --json, standard
// output carries exactly one JSON document, also when the run ends badly. Exit code 0 only when
// everything that can move is verified on the server.
import { resolve } from 'node:path';
import type {
  Account,
  MigrationKind,
  MigrationReport,
  MigrationSelection,
  SourceSpec,
} from '../../contract/index.ts';
import { migrationKinds } from '../../contract/index.ts';
import type { Translator } from '../../i18n/create-i18n.ts';
import {
  accountOptions,
  filesAccountOptions,
  readAccountArgs,
  readFilesAccountArgs,
} from '../account-options.ts';
import { detectLocale } from '../../i18n/detect-locale.ts';
import { formatSize } from '../../i18n/format-size.ts';
import {
  headlineKey,
  keptSentences,
  leftSentence,
  sourceContext,
} from '../../migration/report-words.ts';
import type { CliCommand, CliContext } from '../cli-command.ts';
import { exitCode } from '../cli-command.ts';
import { followJob, progressLine } from '../follow-job.ts';
import { readSourceArgs, sourceOptions } from '../source-options.ts';
import { signInWithGoogle } from '../google-sign-in.ts';
import type { GoogleProduct } from '../../google/google-products.ts';
import { migrateProgressText, wallClockOf } from '../progress-words.ts';
import { closingAdvice, countsLine } from './migrate-words.ts';

export const migrateCommand: CliCommand = {
  name: 'migrate',
  positionals: true,
  options: {
    ...sourceOptions,
    ...accountOptions,
    ...filesAccountOptions,
    only: { type: 'string' },
    'with-other-contacts': { type: 'boolean' },
    'originals-only': { type: 'boolean' },
    'photos-folder': { type: 'string' },
    'notes-folder': { type: 'string' },
    state: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(ctx, args) {
    const json = args.values['json'] === true;
    const from = readSourceArgs(ctx, args, ctx.t('cli:commands.migrate.missingPaths'));
    if ('problem' in from) {
      ctx.stderr.write(`${from.problem}\n`);
      return exitCode.usage;
    }
    const folder = (name: string): { [key: string]: string } => {
      const value = args.values[`${name}-folder`];
      return typeof value === 'string' && value.trim() !== ''
        ? { [`${name}Folder`]: value.trim() }
        : {};
    };
    const selection = readSelection(args.values['only'], {
      otherContacts: args.values['with-other-contacts'] === true,
      editedPhotos: args.values['originals-only'] !== true,
      ...folder('photos'),
      ...folder('notes'),
    });
    if (typeof selection === 'string') {
      ctx.stderr.write(
        `${ctx.t('cli:commands.migrate.badOnly', { value: selection, kinds: migrationKinds.join(',') })}\n`,
      );
      return exitCode.usage;
    }
    const accountArgs = readAccountArgs(ctx, args);
    if ('problem' in accountArgs) {
      ctx.stderr.write(`${accountArgs.problem}\n`);
      return exitCode.usage;
    }
    const filesArgs = readFilesAccountArgs(ctx, args);
    if (filesArgs !== null && 'problem' in filesArgs) {
      ctx.stderr.write(`${filesArgs.problem}\n`);
      return exitCode.usage;
    }
    const fail = (document: Record<string, unknown>, message: string, code: number): number => {
      if (json) ctx.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
      ctx.stderr.write(`${message}\n`);
      return code;
    };

    let source: SourceSpec;
    if (from.kind === 'takeout') {
      source = { kind: 'takeout', paths: from.paths.map((path) => resolve(ctx.cwd, path)) };
    } else if (from.kind === 'google') {
      // Only the products the family moves are asked of Google.
      const signed = await signInWithGoogle(ctx, from.clientId, productsFor(selection));
      if ('error' in signed) {
        return fail(
          { state: 'failed', error: signed.error },
          signed.error.message,
          exitCode.failed,
        );
      }
      source = { kind: 'google', sessionId: signed.session.sessionId };
    } else {
      // The account the data is at, connected first: a wrong password there is told before
      // anything is asked of the new host.
      const old = await ctx.service.call('connect', from.account);
      if (!old.ok) {
        return fail({ state: 'failed', error: old.error }, old.error.message, exitCode.failed);
      }
      source = { kind: 'dav', accountId: (old.value as Account).accountId };
    }
    const connected = await ctx.service.call('connect', accountArgs);
    if (!connected.ok) {
      return fail(
        { state: 'failed', error: connected.error },
        connected.error.message,
        exitCode.failed,
      );
    }
    const account = connected.value as Account;
    let filesAccount: Account | null = null;
    if (filesArgs !== null) {
      const files = await ctx.service.call('connect', filesArgs);
      if (!files.ok) {
        return fail({ state: 'failed', error: files.error }, files.error.message, exitCode.failed);
      }
      filesAccount = files.value as Account;
    }
    const state = args.values['state'];
    const progress = progressLine(ctx);
    const clock = wallClockOf(ctx);
    try {
      const outcome = await followJob(
        ctx,
        'migrate',
        () =>
          ctx.service.call('startMigration', {
            source,
            accountId: account.accountId,
            ...(filesAccount === null ? {} : { filesAccountId: filesAccount.accountId }),
            selection,
            ...(typeof state === 'string' ? { stateDir: resolve(ctx.cwd, state) } : {}),
          }),
        {
          onProgress: (p) => {
            progress.show(migrateProgressText(ctx.t, p, clock, source.kind));
          },
        },
      );
      progress.clear();
      switch (outcome.type) {
        case 'done': {
          const report = outcome.result;
          ctx.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : summary(ctx, report));
          if (report.stopMessage !== null) ctx.stderr.write(`${report.stopMessage}\n`);
          if (report.state === 'cancelled') {
            ctx.stderr.write(`${ctx.t('cli:commands.migrate.cancelled')}\n`);
            return exitCode.interrupted;
          }
          return report.complete ? exitCode.ok : exitCode.incomplete;
        }
        case 'refused':
          return fail(
            { state: 'failed', error: outcome.error },
            outcome.error.message,
            outcome.error.code === 'path-not-found' ? exitCode.usage : exitCode.failed,
          );
        case 'cancelled':
          return fail(
            { state: 'cancelled', error: outcome.error, problems: outcome.problems },
            ctx.t('cli:commands.migrate.cancelled'),
            exitCode.interrupted,
          );
        case 'failed':
          return fail(
            { state: 'failed', error: outcome.error, problems: outcome.problems },
            outcome.error.message,
            exitCode.failed,
          );
      }
    } finally {
      progress.clear();
    }
  },
};

/** The Google products a selection reads (their read-only scopes are what Google is asked). */
function productsFor(selection: MigrationSelection): GoogleProduct[] {
  return [
    ...(selection.calendars === undefined || selection.calendars.length > 0
      ? (['calendar'] as const)
      : []),
    ...(selection.contacts ? (['contacts'] as const) : []),
    ...(selection.contacts && selection.otherContacts ? (['other-contacts'] as const) : []),
    ...(selection.tasks ? (['tasks'] as const) : []),
    ...(selection.files ? (['drive'] as const) : []),
  ];
}

/**
 * `otherContacts`: Google's "other contacts" come along only when asked (--with-other-contacts);
 * the photos' edited copies unless --originals-only; the folders' names when given.
 */
function readSelection(
  only: unknown,
  extras: Pick<
    MigrationSelection,
    'otherContacts' | 'editedPhotos' | 'photosFolder' | 'notesFolder'
  >,
): MigrationSelection | string {
  if (only === undefined) {
    return { contacts: true, tasks: true, files: true, photos: true, notes: true, ...extras };
  }
  if (typeof only !== 'string') return '';
  const kinds = only
    .split(',')
    .map((kind) => kind.trim())
    .filter((kind) => kind !== '');
  const unknown = kinds.find((kind) => !(migrationKinds as readonly string[]).includes(kind));
  if (unknown !== undefined || kinds.length === 0) return only;
  const chosen = new Set(kinds as MigrationKind[]);
  return {
    ...(chosen.has('calendars') ? {} : { calendars: [] }),
    contacts: chosen.has('contacts'),
    tasks: chosen.has('tasks'),
    files: chosen.has('files'),
    photos: chosen.has('photos'),
    notes: chosen.has('notes'),
    ...extras,
  };
}

function summary(ctx: CliContext, report: MigrationReport): string {
  const t: Translator = ctx.t;
  const language = detectLocale(ctx.env);
  const lines = [
    report.complete ? t(headlineKey(report), sourceContext(report)) : closingAdvice(t, report),
  ];
  if (report.filesServer !== null && report.filesAccount !== null) {
    lines.push(
      t('migration:report.to', { account: report.account, server: report.server }),
      t('migration:report.filesTo', { account: report.filesAccount, server: report.filesServer }),
    );
  }
  lines.push('');
  for (const kind of migrationKinds) {
    const counts = report[kind];
    if (counts.found === 0 && counts.problems.length === 0) continue;
    lines.push(`${t(`migration:report.kind.${kind}`)}: ${countsLine(t, counts)}`);
    for (const left of counts.left) {
      const size = (bytes: number): string => formatSize(bytes, t, language);
      lines.push(`  ${leftSentence(t, report, kind, left, size, language)}`);
    }
    for (const problem of counts.problems) lines.push(`  • ${problem.where}: ${problem.reason}`);
  }
  for (const problem of report.problems) lines.push(`• ${problem.where}: ${problem.reason}`);
  const kept = keptSentences(t, report, (value) => new Intl.NumberFormat(language).format(value));
  if (kept.length > 0) lines.push('', ...kept);
  if (report.birthdaysLeftOut) lines.push('', t('migration:report.birthdays'));
  if (report.holidayFeeds !== null) {
    lines.push('', t('migration:report.holidays'));
    for (const feed of report.holidayFeeds) lines.push(`  ${feed.zone}: ${feed.url}`);
  }
  if (report.reportFile !== null)
    lines.push('', t('cli:commands.migrate.reportFile', { path: report.reportFile }));
  lines.push('');
  return lines.join('\n');
}
