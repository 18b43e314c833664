// Runs a child process and samples its memory while it runs, from /proc/<pid>/status (Linux):
// VmRSS (resident now) every `intervalMs`, and VmHWM, the kernel's own high-water mark of the
// resident set — so the peak is exact even between samples, up to the last sample before exit.
// Also its CPU time (user + system, /proc/<pid>/stat), which a loaded machine does not inflate
// the way it inflates the wall clock.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface SampledRun {
  readonly stdout: string;
  readonly wallMs: number;
  /** The highest VmHWM read, MiB. */
  readonly peakRssMiB: number;
  /** VmRSS at each sample, MiB (for the shape: flat, or growing with the work). */
  readonly samplesMiB: readonly number[];
  /** CPU seconds (user + system) at the last sample: within one interval of the total. */
  readonly cpuS: number;
  /** When each sample was taken, ms since the spawn (timers run late on a loaded machine). */
  readonly sampledAtMs: readonly number[];
}

const MIB = 1024;

function statusKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match === null ? null : Number(match[1]);
  } catch {
    // Gone between two samples.
    return null;
  }
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on Linux for every architecture). */
const TICKS = 100;

/** User + system CPU seconds of a process, or null when it is gone. */
function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces), from field 3 (state) on.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return null;
  }
}

export function runSampled(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; intervalMs?: number },
): Promise<SampledRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const pid = child.pid;
    if (pid === undefined) {
      reject(new Error(`${command} did not start`));
      return;
    }
    let peakKiB = 0;
    let cpuS = 0;
    const samples: number[] = [];
    const sampledAt: number[] = [];
    const sample = (): void => {
      const rss = statusKiB(pid, 'VmRSS');
      const hwm = statusKiB(pid, 'VmHWM');
      if (rss !== null) {
        samples.push(rss / MIB);
        sampledAt.push(performance.now() - started);
      }
      if (hwm !== null) peakKiB = Math.max(peakKiB, hwm);
      cpuS = cpuSeconds(pid) ?? cpuS;
    };
    const timer = setInterval(sample, options.intervalMs ?? 100);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0) {
        reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${stderr}`));
        return;
      }
      resolve({
        stdout,
        wallMs: performance.now() - started,
        peakRssMiB: peakKiB / MIB,
        cpuS,
        samplesMiB: samples,
        sampledAtMs: sampledAt,
      });
    });
  });
}
