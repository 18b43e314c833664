// `baluchon scan <archive|folder>... [--json]`: reads a Takeout export and tells what it holds.
// With --json, standard output carries exactly one JSON document (the ScanReport); progress goes
// to standard error, and only when it is a terminal (a log file gets no progress lines).
// Exit codes: 0 when the scan ran to its end (problems are listed, they do not fail it), 2 for a
// wrong command line or a path that does not exist, 3 when nothing could be read, 130 on Ctrl+C.
import { resolve } from 'node:path';
import type { BaluchonEvent, Problem } from '../../contract/index.ts';
import { detectLocale } from '../../i18n/detect-locale.ts';
import type { CliCommand, CliContext } from '../cli-command.ts';
import { exitCode } from '../cli-command.ts';
import { formatScanSummary } from './scan-summary.ts';

type JobEnd = Extract<BaluchonEvent, { type: 'job.end' }>;

export const scanCommand: CliCommand = {
  name: 'scan',
  options: { json: { type: 'boolean' } },
  positionals: true,
  async run(ctx, args) {
    const json = args.values['json'] === true;
    if (args.positionals.length === 0) {
      ctx.stderr.write(`${ctx.t('cli:commands.scan.missingPaths')}\n${ctx.t('cli:helpHint')}\n`);
      return exitCode.usage;
    }
    const paths = args.positionals.map((path) => resolve(ctx.cwd, path));
    const progress = progressLine(ctx);
    const problems: Problem[] = [];
    let jobId: string | null = null;
    const early: BaluchonEvent[] = [];
    let ended: (event: JobEnd) => void = () => undefined;
    const end = new Promise<JobEnd>((done) => (ended = done));
    const onEvent = (event: BaluchonEvent): void => {
      if (event.type === 'job.progress') {
        const { bytesDone, bytesTotal } = event.progress;
        progress.show(bytesTotal === 0 ? 0 : Math.floor((100 * bytesDone) / bytesTotal));
      } else if (event.type === 'job.problem') problems.push(event.problem);
      else ended(event);
    };
    // Events may arrive before startScan's answer does: keep them until the job's id is known.
    const unsubscribe = ctx.service.subscribe((event) => {
      if (jobId === null) early.push(event);
      else if (event.jobId === jobId) onEvent(event);
    });
    const stop = (): void => {
      if (jobId !== null) void ctx.service.call('cancelJob', { jobId });
    };
    try {
      const started = await ctx.service.call('startScan', { paths });
      if (!started.ok) {
        ctx.stderr.write(`${started.error.message}\n`);
        const wrongRequest = ['path-not-found', 'invalid-input'].includes(started.error.code);
        return wrongRequest ? exitCode.usage : exitCode.failed;
      }
      const { jobId: id } = started.value as { jobId: string };
      jobId = id;
      for (const event of early.splice(0)) if (event.jobId === id) onEvent(event);
      ctx.interrupted.addEventListener('abort', stop, { once: true });
      if (ctx.interrupted.aborted) stop();
      const outcome = await end;
      progress.clear();
      if (outcome.outcome === 'done') {
        const report = outcome.result;
        if (json) ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        else ctx.stdout.write(formatScanSummary(report, ctx.t, detectLocale(ctx.env)));
        return exitCode.ok;
      }
      if (outcome.outcome === 'cancelled') {
        ctx.stderr.write(`${ctx.t('cli:commands.scan.cancelled')}\n`);
        return exitCode.interrupted;
      }
      // Nothing could be read: say why, with the problems met on the way.
      for (const problem of problems) ctx.stderr.write(`• ${problem.where}: ${problem.reason}\n`);
      ctx.stderr.write(`${outcome.error.message}\n`);
      return exitCode.failed;
    } finally {
      ctx.interrupted.removeEventListener('abort', stop);
      unsubscribe();
      progress.clear();
    }
  },
};

/** One line on standard error, rewritten in place, only when standard error is a terminal. */
function progressLine(ctx: CliContext): { show(percent: number): void; clear(): void } {
  const tty = (ctx.stderr as { isTTY?: boolean }).isTTY === true;
  let shown = false;
  let last = -1;
  return {
    show(percent) {
      if (!tty || percent === last) return;
      last = percent;
      shown = true;
      ctx.stderr.write(`\r${ctx.t('cli:commands.scan.reading', { percent })}\u001b[K`);
    },
    clear() {
      if (!shown) return;
      shown = false;
      ctx.stderr.write('\r\u001b[K');
    },
  };
}
