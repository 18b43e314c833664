// A small but honest migration engine over a fake DAV server, for the property test
// (tests/journal/crash-property.spec.ts). It follows the journal's protocol the way the real
// engine must: new resources get a fresh href (so a forgotten href would mean a second copy),
// creates use If-None-Match: *, updates If-Match, and a 412 or a `resume` makes it look at the
// server before deciding. It can crash at any step and meet refused requests and lost answers.
import type { Journal } from '../../../src/journal/journal.ts';
import type { Collection, ItemId, Run, Target } from '../../../src/journal/types.ts';

export const modelTarget: Target = {
  server: 'https://dav.example.net/',
  account: 'famille-modele',
};
export const COLLECTION_KEY = 'Agenda/Famille.ics';
export const COLLECTION_HREF = '/calendars/famille-modele/famille/';

export class Crash extends Error {
  constructor() {
    super('simulated crash');
  }
}

export interface ServerResource {
  readonly key: string;
  readonly hash: string;
  readonly etag: string;
}

export class FakeServer {
  readonly resources = new Map<string, ServerResource>();
  readonly collections = new Set<string>();
  #names = 0;
  #etags = 0;

  /** A new resource name, as a client picks one (RFC 4791 §5.3.2: the client chooses). */
  newHref(): string {
    return `${COLLECTION_HREF}${(++this.#names).toString(36)}-${Math.random().toString(36).slice(2, 8)}.ics`;
  }

  /** PUT with its precondition; `undefined` means 412 Precondition Failed. */
  put(
    href: string,
    resource: Omit<ServerResource, 'etag'>,
    ifMatch: string | null,
  ): string | undefined {
    const existing = this.resources.get(href);
    if (ifMatch === null ? existing !== undefined : existing?.etag !== ifMatch) return undefined;
    const etag = `"${resource.hash}-${++this.#etags}"`;
    this.resources.set(href, { ...resource, etag });
    return etag;
  }
}

/** What happens to each request: it works, the server refuses it, or its answer is lost. */
export type Fault = 'ok' | 'refused' | 'lost-answer';

export interface EngineOptions {
  /** Crash (throw Crash) when this many steps have been taken. */
  readonly crashAt?: number | undefined;
  /** Per request, in turn. */
  readonly faults: readonly Fault[];
  /** Called after each successful planItem: the keys the journal must never lose. */
  readonly onPlanned: (key: string) => void;
}

/** Copies `source` (source key → content hash) to the server within `run`. */
export function runEngine(
  journal: Journal,
  run: Run,
  server: FakeServer,
  source: ReadonlyMap<string, string>,
  options: EngineOptions,
): void {
  let steps = 0;
  let requests = 0;
  const step = (): void => {
    if (steps++ === options.crashAt) throw new Crash();
  };
  const nextFault = (): Fault => options.faults[requests++ % options.faults.length] ?? 'ok';

  const collection = ensureCollection(journal, run, server, step);

  /** One request, recorded as sending before it leaves. */
  const send = (
    itemId: ItemId,
    key: string,
    href: string,
    hash: string,
    ifMatch: string | null,
  ): void => {
    step();
    journal.markSending(itemId, { href, contentHash: hash });
    step();
    const fault = nextFault();
    if (fault === 'refused') {
      journal.markFailed(itemId, { code: 'dav.server-error', detail: '500' });
      return;
    }
    const etag = server.put(href, { key, hash }, ifMatch);
    step();
    if (etag === undefined) {
      look(itemId, key, href, hash); // 412: someone (a lost answer of ours) was there first
      return;
    }
    if (fault === 'lost-answer') {
      journal.markFailed(itemId, { code: 'network.reset', detail: 'connection reset' });
      return;
    }
    journal.markSent(itemId, { etag });
  };

  /** Looks at the server before deciding: after `resume`, or a 412. */
  const look = (itemId: ItemId, key: string, href: string, hash: string): void => {
    const there = server.resources.get(href);
    if (there?.hash === hash) {
      step();
      journal.markSent(itemId, { etag: there.etag, contentHash: hash });
      return;
    }
    send(itemId, key, href, hash, there?.etag ?? null);
  };

  for (const [key, hash] of source) {
    step();
    const plan = journal.planItem({
      runId: run.id,
      collectionId: collection.id,
      sourceKey: key,
      contentHash: hash,
      label: `Event ${key}`,
    });
    options.onPlanned(key);
    switch (plan.action) {
      case 'unchanged':
        break;
      case 'create':
        send(plan.itemId, key, plan.href ?? server.newHref(), hash, null);
        break;
      case 'update':
        send(plan.itemId, key, plan.href, hash, plan.etag);
        break;
      case 'resume':
        look(plan.itemId, key, plan.href, hash);
        break;
    }
  }
}

function ensureCollection(
  journal: Journal,
  run: Run,
  server: FakeServer,
  step: () => void,
): Collection {
  step();
  const collection =
    journal.findCollection(modelTarget, 'calendars', COLLECTION_KEY) ??
    journal.saveCollection({
      target: modelTarget,
      kind: 'calendars',
      sourceKey: COLLECTION_KEY,
      href: COLLECTION_HREF,
      displayName: 'Famille (importé de Google)',
      createdByUs: true,
      runId: run.id,
    });
  if (collection.state === 'ready') return collection;
  step();
  server.collections.add(collection.href); // MKCALENDAR, or found there after a crash
  step();
  return journal.markCollectionReady(collection.id);
}

/** The read-back: what the server holds is verified, what it lost is missing. */
export function verify(journal: Journal, server: FakeServer, collection: Collection): void {
  for (const item of journal.collectionItems(collection.id)) {
    if (item.state !== 'sent' && item.state !== 'verified') continue;
    const there = server.resources.get(item.href ?? '');
    if (there === undefined) journal.markMissing(item.id);
    else if (there.hash === item.contentHash)
      journal.markVerified([{ itemId: item.id, etag: there.etag }]);
  }
}
