// How long each server takes to start (until it answers as ready) and to stop (processes gone,
// folder removed). Not a test: a measurement to keep CI time in view.
//
//   node --import tsx tests/harness/measure-startup.ts [rounds]
import { startApache } from './apache.ts';
import type { StartServer } from './dav-server.ts';
import { startRadicale } from './radicale.ts';
import { startXandikos } from './xandikos.ts';

const rounds = Number(process.argv[2] ?? 5);
const starters: [string, StartServer][] = [
  ['radicale', startRadicale],
  ['xandikos (+ apache proxy)', startXandikos],
  ['apache', startApache],
];

function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  const min = sorted[0] ?? NaN;
  const max = sorted[sorted.length - 1] ?? NaN;
  return `median ${median.toFixed(0)} ms (min ${min.toFixed(0)}, max ${max.toFixed(0)})`;
}

for (const [name, start] of starters) {
  const starts: number[] = [];
  const stops: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const t0 = performance.now();
    const server = await start();
    const t1 = performance.now();
    await server.stop();
    const t2 = performance.now();
    starts.push(t1 - t0);
    stops.push(t2 - t1);
  }
  console.log(`${name.padEnd(26)} start: ${summary(starts)}; stop: ${summary(stops)}`);
}
