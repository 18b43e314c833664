// Runs inside a child process so its memory high-water mark is its own: `scan <parts…>` scans
// (the Takeout source's one reading, as `scan` does) and prints how long it took, what it found
// and what it read from the archive; `noop` only loads the same modules (what starting Node with
// tsx costs before any work).
import { openTakeoutSource } from '../../src/sources/takeout/open-takeout-source.ts';

const [mode, ...paths] = process.argv.slice(2);
if (mode === 'scan') {
  const start = performance.now();
  const source = await openTakeoutSource(paths, { tmpDir: null });
  let problems = 0;
  const { facts: report } = await source.read({
    signal: new AbortController().signal,
    onProblem: () => {
      problems += 1;
    },
  });
  await source.close();
  const ms = performance.now() - start;
  process.stdout.write(
    JSON.stringify({
      ms,
      maxRssKiB: process.resourceUsage().maxRSS,
      events: report.calendars.reduce((sum, calendar) => sum + calendar.events, 0),
      people: report.contacts.count,
      files: report.files.count,
      bytes: report.files.bytes,
      problems,
      entriesOpened: source.reads.entriesOpened,
      partsInflated: source.reads.partsInflated,
    }),
  );
} else {
  process.stdout.write(JSON.stringify({ ms: 0, maxRssKiB: process.resourceUsage().maxRSS }));
}
