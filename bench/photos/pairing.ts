// The sidecar pairing alone on a 100,000-entry Google Photos listing (50,000 pictures and videos,
// their sidecars named with every shape Google uses), next to a baseline in the same run: one
// pass that only files each name into a per-folder map and looks up the plain `<name>.json` —
// the least any pairing must do. Median of several runs each; nothing is read from disk.
//
//   npx tsx bench/photos/pairing.ts [--runs 7] [--entries 100000]
import { parseArgs } from 'node:util';
import { pairSidecars } from '../../src/photos/pair-sidecars.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    entries: { type: 'string', default: '100000' },
  },
});
const runs = Math.max(1, Number(values.runs));
const media = Math.floor(Number(values.entries) / 2);

/** A listing as exports have it: year folders and albums, plain, cut, numbered, edited, live. */
function listing(count: number): string[] {
  const paths: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const dir = `Takeout/Google Photos/${i % 10 === 0 ? `Album ${i % 97}` : `Photos from ${2005 + (i % 20)}`}/`;
    const shape = i % 8;
    const stem =
      shape === 3
        ? `Screenshot_2024-01-14-14-13-33-16_${i.toString(16).padStart(32, '0')}`
        : `IMG_${20200000 + i}_${i % 1000}`;
    if (shape === 5) {
      paths.push(
        `${dir}${stem}.HEIC`,
        `${dir}${stem}.MP4`,
        `${dir}${stem}.HEIC.supplemental-metadata.json`,
      );
      continue;
    }
    if (shape === 6) {
      paths.push(`${dir}${stem}.jpg`, `${dir}${stem}-modifié.jpg`, `${dir}${stem}.jpg.json`);
      continue;
    }
    const name = `${stem}.jpg`;
    const sidecar =
      shape === 3
        ? `${name.slice(0, 46)}.json`
        : shape === 4
          ? `${`${name}.supplemental-metadata`.slice(0, 46 - (i % 9))}.json`
          : `${name}.supplemental-metadata.json`;
    paths.push(dir + name, dir + sidecar);
  }
  return paths;
}

function baseline(paths: readonly string[]): number {
  const folders = new Map<string, Set<string>>();
  for (const path of paths) {
    const slash = path.lastIndexOf('/');
    const dir = path.slice(0, slash + 1);
    let names = folders.get(dir);
    if (names === undefined) folders.set(dir, (names = new Set()));
    names.add(path.slice(slash + 1));
  }
  let paired = 0;
  for (const names of folders.values()) {
    for (const name of names) {
      if (!name.endsWith('.json') && names.has(`${name}.json`)) paired += 1;
    }
  }
  return paired;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const paths = listing(media);
const times = { baseline: [] as number[], pairing: [] as number[] };
let result = pairSidecars(paths);
for (let run = 0; run < runs; run += 1) {
  let start = performance.now();
  baseline(paths);
  times.baseline.push(performance.now() - start);
  start = performance.now();
  result = pairSidecars(paths);
  times.pairing.push(performance.now() - start);
}
const unpaired = result.pairs.filter((pair) => pair.sidecar === null).length;
const byRule = new Map<string, number>();
for (const pair of result.pairs) byRule.set(pair.rule, (byRule.get(pair.rule) ?? 0) + 1);
console.log(`entries: ${paths.length} (${result.pairs.length} pictures and videos)`);
console.log(`baseline (one map, plain names only): ${median(times.baseline).toFixed(0)} ms`);
console.log(`pairSidecars (every rule):            ${median(times.pairing).toFixed(0)} ms`);
console.log(`unpaired: ${unpaired}, orphans: ${result.orphans.length}`);
console.log(`by rule: ${[...byRule].map(([rule, n]) => `${rule} ${n}`).join(', ')}`);
