// Second pass: one group per UID — the master and all its RECURRENCE-ID overrides, whatever their
// order in the file (overrides may come first) — because a CalDAV resource holds exactly one UID
// (RFC 4791 §4.1). A UID's components are kept only until its last one arrived, as counted by the
// survey, so memory holds the UIDs whose components are spread out, not the whole calendar.
import type { CalendarSource } from './calendar-source.ts';
import type { ParsedComponent } from './parse-component.ts';
import { parseComponent } from './parse-component.ts';
import type { CalendarSurvey } from './survey-calendar.ts';
import { OBJECT_KINDS } from './survey-calendar.ts';

export type ReadComponent = Extract<ParsedComponent, { ok: true }>;
export type BrokenComponent = Extract<ParsedComponent, { ok: false }>;

export type GroupedItem =
  | { readonly type: 'group'; readonly uid: string; readonly components: readonly ReadComponent[] }
  | { readonly type: 'unreadable'; readonly broken: BrokenComponent };

/** Filled in as the grouping runs, for tests and benchmarks. */
export interface GroupingStats {
  peakBufferedComponents: number;
}

export async function* groupByUid(
  source: CalendarSource,
  survey: CalendarSurvey,
  stats: GroupingStats = { peakBufferedComponents: 0 },
): AsyncGenerator<GroupedItem> {
  const buffers = new Map<string, ReadComponent[]>();
  let buffered = 0;
  for await (const text of source.open()) {
    const parsed = parseComponent(text);
    if (!parsed.ok) {
      yield { type: 'unreadable', broken: parsed };
      continue;
    }
    if (!OBJECT_KINDS.has(parsed.kind)) continue;
    const components = buffers.get(parsed.uid) ?? [];
    components.push(parsed);
    buffers.set(parsed.uid, components);
    buffered += 1;
    stats.peakBufferedComponents = Math.max(stats.peakBufferedComponents, buffered);
    // A UID the survey did not see (the entry changed between passes) waits for the end.
    const expected = survey.componentsPerUid.get(parsed.uid) ?? Number.POSITIVE_INFINITY;
    if (components.length >= expected) {
      buffers.delete(parsed.uid);
      buffered -= components.length;
      yield { type: 'group', uid: parsed.uid, components };
    }
  }
  // Only reached with components the survey counted differently: hand them over all the same.
  for (const [uid, components] of buffers) yield { type: 'group', uid, components };
}
