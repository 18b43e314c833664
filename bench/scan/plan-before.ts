// The planning path of main before the source port (src/migration/run-migration.ts at 58c40dd),
// kept here ONLY so the bench can compare before and after in one run: open the export, walk it
// again for the inventory, then per calendar open it for its header and again for the survey
// (the generated ones too), read each Tasks.json again, survey the contacts, and list Drive again
// from the tree (summariseDrive a second time). No server: the jobs are not built, only read.
import type { ProblemFact } from '../../src/contract/problem.ts';
import type { Translator } from '../../src/i18n/create-i18n.ts';
import { planNames } from '../../src/files/plan-names.ts';
import { countReads, newReadCount } from '../../src/sources/takeout/read-count.ts';
import type { ReadCount } from '../../src/sources/takeout/read-count.ts';
import { calendarSource, contactsSource } from '../../src/sources/takeout/takeout-content.ts';
import { prepareTaskLists } from '../../src/tasks/prepare-task-lists.ts';
import { summariseDrive } from '../../src/takeout/drive-files.ts';
import { openTakeout } from '../../src/takeout/open-takeout.ts';
import { readInventory } from '../../src/takeout/read-inventory.ts';
import type { TakeoutEntry } from '../../src/takeout/takeout-source.ts';
import { surveyAddressBook } from '../../src/vcard/survey-address-book.ts';
import { oldSurveyCalendar } from './old-survey.ts';

export interface PlanFigures {
  readonly calendarsPlanned: number;
  readonly uids: number;
  readonly tasks: number;
  readonly people: number;
  readonly files: number;
  readonly reads: ReadCount;
}

export async function planBefore(
  paths: readonly string[],
  t: Translator,
  signal: AbortSignal,
): Promise<PlanFigures> {
  const problems: ProblemFact[] = [];
  const reads = newReadCount();
  const opened = await openTakeout(paths, { signal, onProblem: (p) => problems.push(p) });
  const takeout = countReads(opened, reads);
  try {
    const { sources } = await readInventory(takeout, (p) => problems.push(p), { signal });
    const tree = await takeout.entries();
    const entriesOf = (list: readonly string[]): TakeoutEntry[] =>
      list.flatMap((path) => {
        const entry = tree.get(path);
        return entry === undefined ? [] : [entry];
      });
    let calendarsPlanned = 0;
    let uids = 0;
    for (const entry of entriesOf(sources.calendars)) {
      const source = await calendarSource(entry, signal);
      const survey = await oldSurveyCalendar(source);
      // classifyCalendar (src/ical/plan-calendar.ts at 58c40dd): 80 % of the UIDs.
      const { signs } = survey;
      const generated =
        signs.uids > 0 &&
        (signs.birthdayUids >= 0.8 * signs.uids || signs.holidayUids >= 0.8 * signs.uids);
      if (generated) continue;
      calendarsPlanned += 1;
      uids += survey.componentsPerUid.size;
    }
    let tasks = 0;
    for (const entry of entriesOf(sources.tasks)) {
      const chunks: Buffer[] = [];
      for await (const chunk of await entry.open(signal)) chunks.push(chunk as Buffer);
      const plan = prepareTaskLists(JSON.parse(Buffer.concat(chunks).toString('utf8')), t);
      tasks += plan.lists.reduce((sum, list) => sum + list.tasks.length, 0);
    }
    const contacts = await surveyAddressBook(contactsSource(entriesOf(sources.contacts), signal));
    let files = 0;
    if (sources.driveFolder !== null) {
      const prefix = `${sources.driveFolder}/`;
      const inDrive = [...tree.values()].filter((entry) => entry.path.startsWith(prefix));
      const summary = summariseDrive(inDrive);
      const names = planNames(summary.movable.map((entry) => entry.path.slice(prefix.length)));
      files = names.size;
    }
    return { calendarsPlanned, uids, tasks, people: contacts.saved, files, reads };
  } finally {
    await opened.close();
  }
}
