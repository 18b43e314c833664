// One cold load of the gazetteer and the directory snapshot, in a fresh process (run.ts spawns
// this several times). Prints JSON: milliseconds for each step.
import { performance } from 'node:perf_hooks';

const start = performance.now();
const { loadGazetteer, geocode } = await import('../../src/hosts/geo/gazetteer.ts');
const { DirectoryStore } = await import('../../src/hosts/directory/directory-store.ts');
const imported = performance.now();
const cpu = process.cpuUsage();
const gazetteer = loadGazetteer();
const loaded = performance.now();
const cpuUsed = process.cpuUsage(cpu);
const first = geocode(gazetteer, '69007');
const firstLookup = performance.now();
const store = new DirectoryStore({ dataDir: '/nonexistent-baluchon-bench', now: () => new Date() });
const directory = store.current().directory;
const directoryLoaded = performance.now();
process.stdout.write(
  `${JSON.stringify({
    importMs: imported - start,
    gazetteerMs: loaded - imported,
    // CPU time of the load: what it costs on a machine that is not shared with other work.
    gazetteerCpuMs: (cpuUsed.user + cpuUsed.system) / 1000,
    firstLookupMs: firstLookup - loaded,
    directoryMs: directoryLoaded - firstLookup,
    ok: first.ok && directory.hosts.length > 0,
  })}\n`,
);
