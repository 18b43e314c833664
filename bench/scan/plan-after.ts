// The planning path through the source port: one reading of the Takeout source, then the
// planners of src/migration over its handles (no server: an offline client, nothing is sent).
import type { Translator } from '../../src/i18n/create-i18n.ts';
import { DavClient } from '../../src/dav/dav-client.ts';
import { planDriveFiles } from '../../src/files/plan-drive-files.ts';
import { planCalendarJobs, planTaskJobs } from '../../src/migration/plan-calendar-jobs.ts';
import { planContactJob } from '../../src/migration/plan-contact-jobs.ts';
import { openTakeoutSource } from '../../src/sources/takeout/open-takeout-source.ts';
import type { PlanFigures } from './plan-before.ts';

const offline = new DavClient({
  send: () => Promise.reject(new Error('planning sends nothing')),
  credentials: { username: 'bench', password: 'bench' },
  retry: { sleep: () => Promise.resolve(), random: () => 0.5 },
  now: () => new Date(0),
});
const home = 'https://dav.invalid/home/';

export async function planAfter(
  paths: readonly string[],
  t: Translator,
  signal: AbortSignal,
): Promise<PlanFigures> {
  const source = await openTakeoutSource(paths, { signal, t });
  try {
    const inventory = await source.read({ signal, onProblem: () => undefined });
    const calendars = await planCalendarJobs({
      calendars: inventory.calendars,
      client: offline,
      home,
      signal,
    });
    const taskJobs = await planTaskJobs({
      taskLists: inventory.taskLists,
      client: offline,
      home,
      signal,
    });
    let people = 0;
    for (const book of inventory.addressBooks) {
      const job = await planContactJob({
        book,
        client: offline,
        home,
        t,
        signal,
        otherContacts: false,
      });
      people += job?.found ?? 0;
    }
    const files =
      inventory.files === null
        ? 0
        : planDriveFiles(inventory.files, { folderName: 'Import', signal }).totals.count;
    return {
      calendarsPlanned: calendars.jobs.length,
      uids: calendars.jobs.reduce((sum, job) => sum + job.found, 0),
      tasks: taskJobs.reduce((sum, job) => sum + job.found, 0),
      people,
      files,
      reads: source.reads,
    };
  } finally {
    await source.close();
  }
}
