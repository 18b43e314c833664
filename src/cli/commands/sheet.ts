// `baluchon sheet [--state DIR] --run N [--out file.html]`: the one-page sheet a family takes
// home (their host and account, never the password; what moved; the QR code for the phone; the
// addresses for the computer; what to do in a few weeks), in the language of the command line,
// made from the report the move saved (DIR/reports, Baluchon's data folder by default). Written
// to the file given, else to standard output; print it from any browser (A4, one page).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { MigrationReport } from '../../contract/index.ts';
import { takeHomeSheetPage } from '../../devices/take-home-sheet.ts';
import { detectLocale } from '../../i18n/detect-locale.ts';
import type { CliCommand } from '../cli-command.ts';
import { exitCode } from '../cli-command.ts';

export const sheetCommand: CliCommand = {
  name: 'sheet',
  positionals: false,
  options: { state: { type: 'string' }, run: { type: 'string' }, out: { type: 'string' } },
  async run(ctx, args) {
    const run = Number(args.values['run']);
    if (!Number.isInteger(run) || run <= 0) {
      ctx.stderr.write(`${ctx.t('cli:commands.sheet.missingRun')}\n${ctx.t('cli:helpHint')}\n`);
      return exitCode.usage;
    }
    const state = args.values['state'];
    const dir = typeof state === 'string' ? resolve(ctx.cwd, state) : ctx.service.dataDir;
    const report = await savedReport(join(dir, 'reports'), run);
    if (report === null) {
      ctx.stderr.write(`${ctx.t('cli:commands.sheet.noReport', { run, dir })}\n`);
      return exitCode.failed;
    }
    const page = takeHomeSheetPage(report, {
      t: ctx.t,
      language: detectLocale(ctx.env),
      now: new Date(),
    });
    const out = args.values['out'];
    if (typeof out === 'string') {
      const path = resolve(ctx.cwd, out);
      await writeFile(path, page, { mode: 0o600 });
      ctx.stderr.write(`${ctx.t('cli:commands.sheet.written', { path })}\n`);
    } else ctx.stdout.write(page);
    return exitCode.ok;
  },
};

/** The report the move saved for this run (`baluchon-<date>-<run>.json`), the latest if several. */
async function savedReport(dir: string, run: number): Promise<MigrationReport | null> {
  const names = (await readdir(dir).catch(() => [] as string[]))
    .filter((name) => name.startsWith('baluchon-') && name.endsWith(`-${run}.json`))
    .sort();
  const latest = names.at(-1);
  if (latest === undefined) return null;
  try {
    const parsed = MigrationReport.safeParse(JSON.parse(await readFile(join(dir, latest), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
