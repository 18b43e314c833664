// A Takeout folder holding every real Google sample (tests/fixtures/items/google-samples, see
// SOURCES.md there), a few hostile calendars named after their quirk, and a Tasks.json with
// subtasks, due dates and completed tasks — laid out the way Takeout lays them out.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const items = fileURLToPath(new URL('../../fixtures/items/', import.meta.url));
const samples = join(items, 'google-samples');

/** Item fixtures added beside the real samples, each named after its quirk. */
export const quirkCalendars = [
  'all-instances-exdated.ics',
  'override-before-master.ics',
  'missing-vtimezone.ics',
  'orphan-override-single.ics',
  'attendee-in-valarm.ics',
] as const;

/** Writes the export under `root` (Takeout/…) and returns `root`. */
export function buildSampleTakeout(root: string): string {
  const calendars = join(root, 'Takeout', 'Agenda');
  const contacts = join(root, 'Takeout', 'Contacts', 'Tous les contacts');
  const tasks = join(root, 'Takeout', 'Tasks');
  for (const folder of [calendars, contacts, tasks]) mkdirSync(folder, { recursive: true });
  const names = readdirSync(samples).sort();
  for (const name of names.filter((n) => n.endsWith('.ics'))) {
    copyFileSync(join(samples, name), join(calendars, name));
  }
  for (const name of quirkCalendars) {
    copyFileSync(join(items, 'calendar', name), join(calendars, name));
  }
  // Google puts every contact in one file; the samples come from several exports.
  const cards = names
    .filter((n) => n.endsWith('.vcf'))
    .map((n) => {
      const text = readFileSync(join(samples, n), 'utf8');
      return /\r?\n$/.test(text) ? text : `${text}\r\n`;
    });
  writeFileSync(join(contacts, 'Tous les contacts.vcf'), cards.join(''));
  // The fixture also holds a list that is no object (a hostile quirk for src/tasks): the scan
  // refuses such a file whole, so it is left out here, where the tasks must arrive.
  const tasksJson = JSON.parse(readFileSync(join(items, 'tasks', 'Tasks.json'), 'utf8')) as {
    items: unknown[];
  };
  tasksJson.items = tasksJson.items.filter((list) => typeof list === 'object' && list !== null);
  writeFileSync(join(tasks, 'Tasks.json'), JSON.stringify(tasksJson, null, 2));
  return root;
}

/** The sample cards, counted the way a person would: one per BEGIN:VCARD. */
export function sampleCardCount(): number {
  return readdirSync(samples)
    .filter((n) => n.endsWith('.vcf'))
    .reduce(
      (sum, n) =>
        sum + (readFileSync(join(samples, n), 'utf8').match(/^BEGIN:VCARD/gim) ?? []).length,
      0,
    );
}

/** Distinct UIDs of every calendar file of the export but Google's generated ones (birthdays,
 * holidays), read from the files themselves. */
export function sampleEventUids(): Set<string> {
  const uids = new Set<string>();
  const files = [
    ...readdirSync(samples)
      .filter((n) => n.endsWith('.ics') && !/birthdays|holidays/.test(n))
      .map((n) => join(samples, n)),
    ...quirkCalendars.map((n) => join(items, 'calendar', n)),
  ];
  for (const file of files) {
    const unfolded = readFileSync(file, 'utf8').replace(/\r?\n[ \t]/g, '');
    for (const match of unfolded.matchAll(/^UID:(.+?)\r?$/gm)) uids.add(match[1] ?? '');
  }
  return uids;
}
