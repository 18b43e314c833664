import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarSource } from '../../src/ical/calendar-source.ts';
import type { GroupedItem, GroupingStats } from '../../src/ical/group-by-uid.ts';
import { groupByUid } from '../../src/ical/group-by-uid.ts';
import { surveyCalendar } from '../../src/ical/survey-calendar.ts';

interface Spec {
  readonly uid: string;
  /** 0 for the master, n for the n-th override. */
  readonly occurrence: number;
}

function componentText({ uid, occurrence }: Spec): string {
  const lines = ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20250101T000000Z'];
  if (occurrence === 0) lines.push('DTSTART:20250101T100000Z', 'RRULE:FREQ=DAILY');
  else lines.push(`DTSTART:202502${String(occurrence).padStart(2, '0')}T110000Z`);
  if (occurrence > 0)
    lines.push(`RECURRENCE-ID:202501${String(occurrence).padStart(2, '0')}T100000Z`);
  lines.push(`SUMMARY:${uid} #${occurrence}`, 'END:VEVENT', '');
  return lines.join('\r\n');
}

function sourceOf(texts: readonly string[]): CalendarSource {
  return {
    key: 'test.ics',
    header: {},
    async *open() {
      for (const text of texts) {
        await Promise.resolve();
        yield text;
      }
    },
  };
}

async function groups(texts: readonly string[], stats?: GroupingStats): Promise<GroupedItem[]> {
  const source = sourceOf(texts);
  const survey = await surveyCalendar(source);
  const items: GroupedItem[] = [];
  for await (const item of groupByUid(source, survey, stats)) items.push(item);
  return items;
}

const summaries = (item: GroupedItem) =>
  item.type === 'group'
    ? item.components.map((c) => String(c.component.getFirstPropertyValue('summary')))
    : [];

/** Components of a few UIDs, each with a master and some overrides, in any order. */
const shuffledCalendar = fc
  .array(
    fc.tuple(fc.constantFrom('a@x', 'b/x', 'c%x', 'd x', 'e@x'), fc.integer({ min: 0, max: 5 })),
    {
      maxLength: 25,
    },
  )
  .map((pairs) => {
    const unique = new Map(pairs.map(([uid, overrides]) => [uid, overrides]));
    return [...unique].flatMap(([uid, overrides]) =>
      Array.from({ length: overrides + 1 }, (_, occurrence): Spec => ({ uid, occurrence })),
    );
  })
  .chain((specs) =>
    fc.shuffledSubarray(specs, { minLength: specs.length, maxLength: specs.length }),
  );

describe('groupByUid', () => {
  it('never loses or duplicates a component, and groups each UID once, whatever the order', async () => {
    await fc.assert(
      fc.asyncProperty(shuffledCalendar, async (specs) => {
        const items = await groups(specs.map(componentText));
        const grouped = items.flatMap((item) => (item.type === 'group' ? [item] : []));
        expect(grouped.map((g) => g.uid).sort()).toEqual(
          [...new Set(specs.map((s) => s.uid))].sort(),
        );
        for (const group of grouped) {
          expect(new Set(group.components.map((c) => c.uid))).toEqual(new Set([group.uid]));
        }
        expect(grouped.flatMap(summaries).sort()).toEqual(
          specs.map((s) => `${s.uid} #${s.occurrence}`).sort(),
        );
      }),
      { numRuns: 150, seed: 42 },
    );
  });

  it('hands a UID over as soon as its last component arrived', async () => {
    // Calendar of 200 UIDs, each written together (as Google does): at most one UID waits.
    const specs = Array.from({ length: 200 }, (_, index) => [
      { uid: `u${index}`, occurrence: 1 },
      { uid: `u${index}`, occurrence: 0 },
      { uid: `u${index}`, occurrence: 2 },
    ]).flat();
    const stats = { peakBufferedComponents: 0 };
    const items = await groups(specs.map(componentText), stats);
    expect(items).toHaveLength(200);
    expect(stats.peakBufferedComponents).toBe(3);
  });

  it('keeps an override that came before its master until the master arrives', async () => {
    const items = await groups(
      [
        { uid: 'late-master', occurrence: 2 },
        { uid: 'other', occurrence: 0 },
        { uid: 'late-master', occurrence: 0 },
      ].map(componentText),
    );
    expect(items.map((item) => (item.type === 'group' ? item.uid : 'unreadable'))).toEqual([
      'other',
      'late-master',
    ]);
    expect(items[1] && summaries(items[1])).toEqual(['late-master #2', 'late-master #0']);
  });

  it('reports unreadable components and goes on', async () => {
    const items = await groups([
      componentText({ uid: 'a', occurrence: 0 }),
      'BEGIN:VEVENT\r\nUID:broken\r\nNO COLON HERE\r\nEND:VEVENT\r\n',
      componentText({ uid: 'b', occurrence: 0 }),
    ]);
    expect(items.map((item) => item.type)).toEqual(['group', 'unreadable', 'group']);
  });

  it('skips VTIMEZONEs (the survey keeps them aside)', async () => {
    const vtimezone =
      'BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\nBEGIN:STANDARD\r\nDTSTART:19701025T030000\r\n' +
      'TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n';
    const source = sourceOf([vtimezone, componentText({ uid: 'a', occurrence: 0 })]);
    const survey = await surveyCalendar(source);
    expect([...survey.fileTimezones.keys()]).toEqual(['Europe/Paris']);
    const items: GroupedItem[] = [];
    for await (const item of groupByUid(source, survey)) items.push(item);
    expect(items).toHaveLength(1);
  });
});
