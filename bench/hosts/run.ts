// Benchmark of the offline geocoding (run: npx tsx bench/hosts/run.ts).
// - Cold load in fresh processes: the gazetteer (gunzip + JSON.parse + indexes) and the
//   directory snapshot; aim: under 300 ms.
// - Lookups per second, warm, for random French postcodes and random town names (typed the
//   way people do: lower case, no accents, "st" for "saint"), side by side with two baselines
//   over the same data in the same run: a naive linear scan, and a bare Map.get on a key that
//   is already normalised (the floor any index can reach). Aim: every lookup well under 10 ms.
// - Unknown names (a typo): the suggestions' cost, which scans the names of similar length.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { geocode, loadGazetteer } from '../../src/hosts/geo/gazetteer.ts';
import { nameKey } from '../../src/hosts/geo/normalize-name.ts';
import { rankHosts } from '../../src/hosts/ranking/rank-hosts.ts';
import { DirectoryStore } from '../../src/hosts/directory/directory-store.ts';

const COLD_RUNS = 5;
const LOOKUPS = 20_000;
const SCAN_LOOKUPS = 300;

/** A deterministic pseudo-random sequence (mulberry32), so every run measures the same queries. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function stats(samples: number[]): { mean: number; p50: number; p99: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    mean: samples.reduce((sum, x) => sum + x, 0) / samples.length,
    p50: at(0.5),
    p99: at(0.99),
    max: sorted.at(-1) ?? 0,
  };
}

const fmt = (ms: number): string =>
  ms < 0.01 ? `${(ms * 1000).toFixed(2)} µs` : `${ms.toFixed(3)} ms`;

// 1. Cold loads, each in a fresh Node process.
const loadOnce = fileURLToPath(new URL('./load-once.ts', import.meta.url));
const cold: {
  importMs: number;
  gazetteerMs: number;
  gazetteerCpuMs: number;
  firstLookupMs: number;
  directoryMs: number;
}[] = [];
for (let i = 0; i < COLD_RUNS; i++) {
  const child = spawnSync(process.execPath, ['--import', 'tsx', loadOnce], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  cold.push(JSON.parse(child.stdout) as (typeof cold)[number]);
}
const coldGazetteer = stats(cold.map((c) => c.gazetteerMs));
const coldDirectory = stats(cold.map((c) => c.directoryMs));
const coldCpu = stats(cold.map((c) => c.gazetteerCpuMs));
// The machine may be shared (CI, other work): say how busy it was, and give the CPU time too.
console.log(
  `Cold load, ${COLD_RUNS} fresh processes (Node ${process.version}, load average ${(loadavg()[0] ?? 0).toFixed(1)} on ${cpus().length} cores):`,
);
console.log(
  `  gazetteer  mean ${fmt(coldGazetteer.mean)}  max ${fmt(coldGazetteer.max)}   (aim < 300 ms)`,
);
console.log(`  gazetteer, CPU time  mean ${fmt(coldCpu.mean)}  max ${fmt(coldCpu.max)}`);
console.log(`  directory  mean ${fmt(coldDirectory.mean)}  max ${fmt(coldDirectory.max)}`);
console.log(`  first lookup after load  mean ${fmt(stats(cold.map((c) => c.firstLookupMs)).mean)}`);

// 2. Warm lookups.
const gazetteer = loadGazetteer();
const rng = random(2026);
const postcodes = [...gazetteer.postcodes()];
const places = [...Array(gazetteer.size).keys()].map((i) => gazetteer.place(i));
const typed = (name: string): string => {
  const plain = name
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase();
  return rng() < 0.5 ? plain.replace(/^saint-/, 'st ').replace(/-/g, ' ') : name;
};
const postcodeQueries = Array.from(
  { length: LOOKUPS },
  () => postcodes[Math.floor(rng() * postcodes.length)] ?? '75001',
);
const nameQueries = Array.from({ length: LOOKUPS }, () =>
  typed(places[Math.floor(rng() * places.length)]?.name ?? 'Lyon'),
);

function measure(label: string, queries: readonly string[], run: (query: string) => unknown): void {
  const samples: number[] = [];
  const start = performance.now();
  for (const query of queries) {
    const t = performance.now();
    run(query);
    samples.push(performance.now() - t);
  }
  const total = performance.now() - start;
  const s = stats(samples);
  console.log(
    `  ${label.padEnd(34)} ${Math.round((queries.length / total) * 1000)
      .toLocaleString('en')
      .padStart(
        10,
      )} /s   p50 ${fmt(s.p50).padStart(9)}   p99 ${fmt(s.p99).padStart(9)}   max ${fmt(s.max).padStart(9)}`,
  );
}

// Baselines over the same places: a linear scan (what a plain array search costs) and a Map of
// precomputed keys queried with an already-normalised key (no parsing, no homonyms, no notes).
const scanKeys = places.map((place) => nameKey(place.name));
const linearName = (query: string): number => {
  const key = nameKey(query);
  return scanKeys.indexOf(key);
};
const linearPostcode = (query: string): number =>
  places.findIndex((place) => place.postcodes.includes(query));
const bareMap = new Map(scanKeys.map((key, index) => [key, index]));
const postcodeMap = new Map(postcodes.map((code) => [code, code]));
const normalisedNames = nameQueries.map(nameKey);

console.log(
  `\nWarm lookups (${LOOKUPS.toLocaleString('en')} random queries each; scans: ${SCAN_LOOKUPS}):`,
);
measure('geocode(postcode)', postcodeQueries, (q) => geocode(gazetteer, q));
measure('baseline: linear scan, postcode', postcodeQueries.slice(0, SCAN_LOOKUPS), linearPostcode);
measure('baseline: Map.get, postcode', postcodeQueries, (q) => postcodeMap.get(q));
measure('geocode(town name)', nameQueries, (q) => geocode(gazetteer, q));
measure('baseline: linear scan, town name', nameQueries.slice(0, SCAN_LOOKUPS), linearName);
measure('baseline: Map.get, normalised key', normalisedNames, (q) => bareMap.get(q));

// 3. Unknown names: one typo in a random town name, so the suggestions run.
const typos = Array.from({ length: 300 }, () => {
  const name = places[Math.floor(rng() * places.length)]?.name ?? 'Lyon';
  const at = 1 + Math.floor(rng() * Math.max(1, name.length - 2));
  return `${name.slice(0, at)}${name.slice(at + 1)}x`;
});
console.log('\nUnknown names (suggestions computed):');
measure('geocode(typo) → suggestions', typos, (q) => geocode(gazetteer, q));

// 4. Ranking the whole directory for a place.
const directory = new DirectoryStore({
  dataDir: '/nonexistent-baluchon-bench',
  now: () => new Date(),
}).current().directory;
const lyon = { lat: 45.75, lon: 4.85 };
console.log(`\nRanking the ${directory.hosts.length} hosts of the directory:`);
measure(
  'rankHosts',
  Array.from({ length: 2000 }, () => ''),
  () =>
    rankHosts(directory.hosts, lyon, {
      needs: ['files', 'calendars', 'contacts'],
      now: new Date(),
    }),
);
