// `baluchon <command> [options]`: picks the command, parses its options strictly, prints help in
// the user's language, and runs it against a service of its own.
import { homedir } from 'node:os';
import { parseArgs } from 'node:util';
import { createI18n, describeError } from '../i18n/create-i18n.ts';
import type { Translator } from '../i18n/create-i18n.ts';
import { detectLocale } from '../i18n/detect-locale.ts';
import { BaluchonError } from '../errors/baluchon-error.ts';
import { createService } from '../service/create-service.ts';
import { defaultDataDir } from '../service/data-dir.ts';
import type { CliCommand, CliIo } from './cli-command.ts';
import { exitCode } from './cli-command.ts';
import { cliCommands } from './commands/index.ts';

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const locale = detectLocale(io.env);
  const t = createI18n(locale).t;
  const [name, ...rest] = argv;

  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const out = name === undefined ? io.stderr : io.stdout;
    out.write(generalHelp(t));
    return name === undefined ? exitCode.usage : exitCode.ok;
  }
  const command = cliCommands.find((candidate) => candidate.name === name);
  if (command === undefined) {
    io.stderr.write(`${t('cli:unknownCommand', { name })}\n${t('cli:helpHint')}\n`);
    return exitCode.usage;
  }

  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...rest],
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: command.positionals,
      strict: true,
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr.write(`${t('cli:badArguments', { detail })}\n\n${commandHelp(t, command)}`);
    return exitCode.usage;
  }
  if (parsed.values['help'] === true) {
    io.stdout.write(commandHelp(t, command));
    return exitCode.ok;
  }

  const service = createService({
    mode: command.serviceMode ?? 'cli',
    locale,
    dataDir: defaultDataDir(io.env, process.platform, homedir()),
    // The Google client and the stand-in's address come from the command's own environment.
    google: { env: io.env },
  });
  try {
    return await command.run({ ...io, service, t }, parsed);
  } catch (error) {
    // A command reports its own failures; this is the last net, never a stack trace.
    const message =
      error instanceof BaluchonError
        ? describeError(t, error.code, error.details)
        : describeError(t, 'internal', {
            detail: error instanceof Error ? error.message : String(error),
          });
    io.stderr.write(`${message}\n`);
    return exitCode.failed;
  } finally {
    service.close();
  }
}

function generalHelp(t: Translator): string {
  const width = Math.max(...cliCommands.map((command) => command.name.length));
  const lines = cliCommands.map(
    (command) => `  ${command.name.padEnd(width)}  ${t(`cli:commands.${command.name}.summary`)}`,
  );
  return [
    t('cli:usage'),
    '',
    t('cli:intro'),
    '',
    t('cli:commandsTitle'),
    ...lines,
    '',
    t('cli:helpHint'),
    '',
  ].join('\n');
}

function commandHelp(t: Translator, command: CliCommand): string {
  const options = Object.entries(command.options).map(([option, spec]) => {
    const flag = spec.type === 'string' ? `--${option} <…>` : `--${option}`;
    return `  ${flag.padEnd(26)}${t(`cli:commands.${command.name}.options.${option}`)}`;
  });
  // A longer word on what the command is for, when its summary cannot say enough.
  const about = t(`cli:commands.${command.name}.about`, { defaultValue: '' });
  return [
    `${t('cli:usagePrefix')} npm run --silent baluchon -- ${t(`cli:commands.${command.name}.usage`)}`,
    '',
    t(`cli:commands.${command.name}.summary`),
    ...(about === '' ? [] : ['', about]),
    ...(options.length > 0 ? ['', t('cli:optionsTitle'), ...options] : []),
    `  ${'--help'.padEnd(26)}${t('cli:helpOption')}`,
    '',
  ].join('\n');
}
