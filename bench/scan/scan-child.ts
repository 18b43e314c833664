// Runs inside a child process so its memory high-water mark is its own: `scan <parts…>` scans
// and prints how long the scan itself took and what it found; `noop` only loads the same modules
// (what starting Node with tsx costs before any work).
import { scanTakeout } from '../../src/takeout/scan-takeout.ts';

const [mode, ...paths] = process.argv.slice(2);
if (mode === 'scan') {
  const start = performance.now();
  const report = await scanTakeout(paths);
  const ms = performance.now() - start;
  process.stdout.write(
    JSON.stringify({
      ms,
      maxRssKiB: process.resourceUsage().maxRSS,
      events: report.calendars.reduce((sum, calendar) => sum + calendar.events, 0),
      people: report.contacts.count,
      files: report.files.count,
      bytes: report.files.bytes,
      problems: report.problems.length,
    }),
  );
} else {
  process.stdout.write(JSON.stringify({ ms: 0, maxRssKiB: process.resourceUsage().maxRSS }));
}
