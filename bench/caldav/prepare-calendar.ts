// The benchmark's calendar: a Takeout export with one Google calendar of N events (singles and a
// few weekly series with moved and cancelled instances), built with the tests' generator, and
// the very resources the migration sends for it, prepared by the same transform
// (src/ical/prepare-calendar-objects.ts), for the bare PUT loop.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { surveyCalendar } from '../../src/ical/survey-calendar.ts';
import { prepareCalendarObjects } from '../../src/ical/prepare-calendar-objects.ts';
import { calendarSource } from '../../src/sources/takeout/takeout-content.ts';
import { openTakeout } from '../../src/takeout/open-takeout.ts';
import { buildTakeout } from '../../tests/fixtures/takeout/build-takeout.ts';
import type { EventSpec, TakeoutSpec } from '../../tests/fixtures/takeout/takeout-spec.ts';

/** One series in this many events; the rest are one-off events. */
const SERIES_EVERY = 50;

export function benchCalendarSpec(events: number): TakeoutSpec {
  const specs: EventSpec[] = Array.from({ length: events }, (_v, i) =>
    i % SERIES_EVERY === SERIES_EVERY - 1
      ? { kind: 'series', exdates: 2, overrides: 1 }
      : { kind: 'single' },
  );
  return {
    language: 'fr',
    calendars: [{ file: 'Famille', name: 'Famille', color: '#9FC6E7', events: specs }],
  };
}

/** Builds the export once into `dir` (kept between runs) and returns its parts. */
export async function buildBenchExport(dir: string, events: number): Promise<string[]> {
  const marker = join(dir, `built-${events}.json`);
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8')) as string[];
  rmSync(dir, { recursive: true, force: true });
  const parts = await buildTakeout(dir, benchCalendarSpec(events), { format: 'zip' });
  writeFileSync(marker, JSON.stringify(parts));
  return parts;
}

export interface PreparedResource {
  readonly name: string;
  readonly ics: string;
}

/** What the migration would PUT for the export's one calendar, in the same order. */
export async function prepareResources(parts: readonly string[]): Promise<PreparedResource[]> {
  const signal = new AbortController().signal;
  const takeout = await openTakeout(parts, { signal, onProblem: () => undefined });
  try {
    const entries = [...(await takeout.entries()).values()].filter((entry) =>
      entry.path.endsWith('.ics'),
    );
    const [entry] = entries;
    if (entry === undefined || entries.length !== 1) throw new Error('one calendar expected');
    const source = await calendarSource(entry, signal);
    const survey = await surveyCalendar(source);
    const resources: PreparedResource[] = [];
    for await (const outcome of prepareCalendarObjects(source, survey)) {
      if (outcome.status !== 'ready') throw new Error(`not sent: ${outcome.where}`);
      resources.push({ name: outcome.resource.resourceName, ics: outcome.resource.ics });
    }
    return resources;
  } finally {
    await takeout.close();
  }
}
