// Starting a server on a free port: pick a port, launch, wait until it answers; when the
// process dies before answering (the port was taken between our check and its bind), try again
// on another port. Any other failure stops everything started and says why, with the output.
import { pickFreePort } from './free-port.ts';
import type { ServerProcess } from './server-process.ts';
import { ExitedBeforeReadyError, NotReadyError, waitUntilReady } from './wait-until-ready.ts';

/**
 * Every server the harness starts adds this response header with a random value, so readiness
 * checks know they reached *our* process and not another one that took the port meanwhile.
 */
export const INSTANCE_HEADER = 'x-harness-instance';

const DEFAULT_ATTEMPTS = 3;

export class ServerStartError extends Error {
  override readonly name = 'ServerStartError';
}

export interface LaunchOnPortOptions {
  /** Human name used in errors, e.g. "Radicale". */
  readonly label: string;
  /** `Date.now()` value after which we give up. */
  readonly deadline: number;
  readonly attempts?: number;
  /** Writes the configuration for `port` and starts the processes that listen on it. */
  readonly launch: (port: number, attempt: number) => Promise<readonly ServerProcess[]>;
  /** True once the server answers on `port` as ours (see INSTANCE_HEADER). */
  readonly isReady: (port: number) => Promise<boolean>;
  /** Already running processes this server needs (not restarted on retry). */
  readonly dependencies?: readonly ServerProcess[];
  /** Extra text for failures: e.g. the end of a log file the server writes instead of stderr. */
  readonly diagnostics?: () => Promise<string>;
  /** Chooses the port of each attempt (default pickFreePort; tests hand in a taken one). */
  readonly pickPort?: () => Promise<number>;
}

export async function launchOnFreePort(
  options: LaunchOnPortOptions,
): Promise<{ port: number; processes: readonly ServerProcess[] }> {
  const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
  const dependencies = options.dependencies ?? [];
  for (let attempt = 1; ; attempt++) {
    const port = await (options.pickPort ?? pickFreePort)();
    const processes = await options.launch(port, attempt);
    try {
      await waitUntilReady({
        label: options.label,
        processes: [...dependencies, ...processes],
        isReady: () => options.isReady(port),
        deadline: options.deadline,
      });
      return { port, processes };
    } catch (error) {
      // Only a death of this attempt's own processes hints at a taken port.
      const ownExit = processes.some((p) => p.hasExited());
      const dependencyExit = dependencies.some((p) => p.hasExited());
      const exitedEarly = [...dependencies, ...processes].filter((p) => p.hasExited());
      await Promise.all(processes.map((p) => p.stop()));
      const retry =
        error instanceof ExitedBeforeReadyError &&
        ownExit &&
        !dependencyExit &&
        attempt < attempts &&
        Date.now() < options.deadline;
      if (retry) continue;
      throw await startError(options, error, { attempt, port, exitedEarly, processes });
    }
  }
}

async function startError(
  options: LaunchOnPortOptions,
  cause: unknown,
  context: {
    readonly attempt: number;
    readonly port: number;
    readonly exitedEarly: readonly ServerProcess[];
    readonly processes: readonly ServerProcess[];
  },
): Promise<ServerStartError> {
  const { attempt, port } = context;
  const why =
    cause instanceof NotReadyError
      ? 'it did not answer HTTP in time'
      : cause instanceof ExitedBeforeReadyError
        ? 'it exited before answering HTTP'
        : cause instanceof Error
          ? cause.message
          : String(cause);
  const exits = await Promise.all(
    context.exitedEarly.map(async (p) => describeExit(await p.exited)),
  );
  const dependencies = options.dependencies ?? [];
  const output = [...dependencies, ...context.processes]
    .map((p) => p.outputTail().trim())
    .filter((text) => text !== '');
  const extra = options.diagnostics ? (await options.diagnostics()).trim() : '';
  const sections = [
    `${options.label} did not start on 127.0.0.1:${port} (attempt ${attempt}): ${why}` +
      (exits.length > 0 ? ` (${exits.join(', ')}).` : '.'),
    ...output.map((text) => `Last output:\n${lastLines(text)}`),
    ...(extra === '' ? [] : [lastLines(extra)]),
  ];
  return new ServerStartError(sections.join('\n'), { cause });
}

function describeExit({ code, signal }: { code: number | null; signal: string | null }): string {
  return signal !== null ? `killed by ${signal}` : `exit code ${String(code)}`;
}

function lastLines(text: string, count = 30): string {
  return text
    .split('\n')
    .slice(-count)
    .map((line) => `  ${line}`)
    .join('\n');
}
