// `baluchon scan <archive|folder>... [--json]`: reads a Takeout export and tells what it holds;
// `baluchon scan --from-server … --from-user … --from-password-env VAR`: the same for the account
// the family's data is at now (another host), connected first as a destination would be.
// With --json, standard output carries exactly one JSON document: the ScanReport, or, when the
// scan could not run or read nothing, `{ state, error, problems }` (as `migrate --json` does);
// progress goes to standard error, and only when it is a terminal (a log file gets no progress
// lines).
// Exit codes: 0 when the scan ran to its end (problems are listed, they do not fail it), 2 for a
// wrong command line or a path that does not exist, 3 when nothing could be read, 130 on Ctrl+C.
import { resolve } from 'node:path';
import type { Account, ErrorData, Problem, SourceSpec } from '../../contract/index.ts';
import { detectLocale } from '../../i18n/detect-locale.ts';
import type { CliCommand } from '../cli-command.ts';
import { exitCode } from '../cli-command.ts';
import { followJob, progressLine } from '../follow-job.ts';
import { readSourceArgs, sourceOptions } from '../source-options.ts';
import { signInWithGoogle } from '../google-sign-in.ts';
import { formatScanSummary } from './scan-summary.ts';
import type { ScannedSource } from './scan-summary.ts';

export const scanCommand: CliCommand = {
  name: 'scan',
  options: { ...sourceOptions, json: { type: 'boolean' } },
  positionals: true,
  async run(ctx, args) {
    const json = args.values['json'] === true;
    const from = readSourceArgs(ctx, args, ctx.t('cli:commands.scan.missingPaths'));
    if ('problem' in from) {
      ctx.stderr.write(`${from.problem}\n`);
      return exitCode.usage;
    }
    const progress = progressLine(ctx);
    const failure = (
      state: 'failed' | 'cancelled',
      error: ErrorData,
      problems: readonly Problem[],
    ): void => {
      if (json) ctx.stdout.write(`${JSON.stringify({ state, error, problems }, null, 2)}\n`);
    };
    let source: SourceSpec;
    let read: ScannedSource = { kind: 'takeout' };
    if (from.kind === 'takeout') {
      source = { kind: 'takeout', paths: from.paths.map((path) => resolve(ctx.cwd, path)) };
    } else if (from.kind === 'google') {
      // Every product is asked for a scan but Google's "other contacts" (asked only to move them).
      const signed = await signInWithGoogle(ctx, from.clientId, [
        'calendar',
        'contacts',
        'tasks',
        'drive',
      ]);
      if ('error' in signed) {
        failure('failed', signed.error, []);
        ctx.stderr.write(`${signed.error.message}
`);
        return exitCode.failed;
      }
      source = { kind: 'google', sessionId: signed.session.sessionId };
      read = { kind: 'google', name: `Google (${signed.session.email ?? '?'})` };
    } else {
      // Connected as a destination is (discovery, the password kept for this session), then
      // named by its id.
      const connected = await ctx.service.call('connect', from.account);
      if (!connected.ok) {
        failure('failed', connected.error, []);
        ctx.stderr.write(`${connected.error.message}\n`);
        return exitCode.failed;
      }
      const account = connected.value as Account;
      source = { kind: 'dav', accountId: account.accountId };
      read = { kind: 'dav', name: `${account.server} (${account.username})` };
    }
    try {
      const outcome = await followJob(
        ctx,
        'scan',
        () => ctx.service.call('startScan', { source }),
        {
          onProgress: ({ bytesDone, bytesTotal }) => {
            const percent = bytesTotal === 0 ? 0 : Math.floor((100 * bytesDone) / bytesTotal);
            progress.show(ctx.t('cli:commands.scan.reading', { percent, context: source.kind }));
          },
        },
      );
      progress.clear();
      switch (outcome.type) {
        case 'refused': {
          failure('failed', outcome.error, []);
          ctx.stderr.write(`${outcome.error.message}\n`);
          const wrongRequest = ['path-not-found', 'invalid-input'].includes(outcome.error.code);
          return wrongRequest ? exitCode.usage : exitCode.failed;
        }
        case 'done':
          if (json) ctx.stdout.write(`${JSON.stringify(outcome.result, null, 2)}\n`);
          else
            ctx.stdout.write(formatScanSummary(outcome.result, ctx.t, detectLocale(ctx.env), read));
          return exitCode.ok;
        case 'cancelled':
          failure('cancelled', outcome.error, outcome.problems);
          ctx.stderr.write(`${ctx.t('cli:commands.scan.cancelled')}\n`);
          return exitCode.interrupted;
        case 'failed':
          // Nothing could be read: say why, with the problems met on the way.
          failure('failed', outcome.error, outcome.problems);
          for (const problem of outcome.problems) {
            ctx.stderr.write(`• ${problem.where}: ${problem.reason}\n`);
          }
          ctx.stderr.write(`${outcome.error.message}\n`);
          return exitCode.failed;
      }
    } finally {
      progress.clear();
    }
  },
};
