// Google Tasks (Tasks.json) → one CalDAV task list (a calendar of VTODOs) per Google list.
import type { ProblemFact } from '../contract/problem.ts';
import type { DavClient } from '../dav/dav-client.ts';
import type { Translator } from '../i18n/create-i18n.ts';
import { prepareTaskLists } from '../tasks/prepare-task-lists.ts';
import type { TakeoutEntry } from '../takeout/takeout-source.ts';
import { collectionJob, slugFor } from './collection-job.ts';
import type { CollectionJob } from './collection-job.ts';
import { calendarCollectionSink, textItemSink } from './dav-sinks.ts';
import { calendarContentType } from './plan-calendar-jobs.ts';
import { notSent, textItem } from './source-entries.ts';
import type { SourceEntry } from '../sink/item-sink.ts';
import { readJson } from './takeout-readers.ts';

export async function planTaskJobs(args: {
  entries: readonly TakeoutEntry[];
  client: DavClient;
  home: string;
  t: Translator;
  signal: AbortSignal;
  onProblem: (problem: ProblemFact) => void;
}): Promise<CollectionJob[]> {
  const jobs: CollectionJob[] = [];
  for (const entry of args.entries) {
    const plan = prepareTaskLists(await readJson(entry, args.signal), args.t);
    for (const problem of plan.problems) args.onProblem(problem);
    for (const list of plan.lists) {
      jobs.push(
        collectionJob({
          kind: 'tasks',
          spec: {
            sourceKey: `${entry.path}#${list.id}`,
            displayName: list.displayName,
            slug: slugFor(list.displayName, 'tasks'),
            description: list.description,
          },
          collectionSink: calendarCollectionSink(args.client, args.home, 'VTODO'),
          itemSink: textItemSink(args.client, calendarContentType),
          found: list.tasks.length,
          entries: function* (): Generator<SourceEntry<string>> {
            let position = 0;
            for (const task of list.tasks) {
              position += 1;
              if (task.status === 'ready') {
                yield textItem(task.resource, task.resource.ics);
              } else {
                yield* notSent(`${list.id}#${position}`, task.where, task.problems);
              }
            }
          },
        }),
      );
    }
  }
  return jobs;
}
