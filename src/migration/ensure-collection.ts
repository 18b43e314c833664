// Finds or creates the server collection for one source collection, never twice: the journal
// remembers it (recorded as "creating" before the request leaves), and a marker property on the
// collection lets a re-run recognise its own work even when the journal was lost. A name already
// used by something else is never reused: the family's existing calendars are left alone.
import { DavError } from '../dav/dav-error.ts';
import type { Journal } from '../journal/journal.ts';
import type { Collection, MigrationKind, RunId, Target } from '../journal/types.ts';
import type { CollectionSink, CollectionSpec } from './item-sink.ts';

export interface EnsureContext {
  journal: Journal;
  target: Target;
  runId: RunId;
  kind: MigrationKind;
  sink: CollectionSink;
  signal: AbortSignal;
}

const maxSuffix = 50;

export async function ensureCollection(
  spec: CollectionSpec,
  ctx: EnsureContext,
): Promise<Collection> {
  const known = ctx.journal.findCollection(ctx.target, ctx.kind, spec.sourceKey);
  if (known !== undefined) {
    const there = await ctx.sink.inspect(known.href, ctx.signal);
    // Recorded but not (or no longer) on the server — a crash before MKCOL, or the family
    // deleted it: make it again at the same place.
    if (there === null)
      await ctx.sink.create(known.href, spec, markerFor(ctx.kind, spec.sourceKey), ctx.signal);
    return known.state === 'ready' ? known : ctx.journal.markCollectionReady(known.id);
  }

  const marker = markerFor(ctx.kind, spec.sourceKey);
  for (let attempt = 1; attempt <= maxSuffix; attempt++) {
    const href = new URL(
      `${encodeURIComponent(attempt === 1 ? spec.slug : `${spec.slug}-${attempt}`)}/`,
      ctx.sink.home,
    ).href;
    const there = await ctx.sink.inspect(href, ctx.signal);
    if (there !== null) {
      if (there.marker !== marker) continue; // someone else's: never mix into it
      // Ours from a run whose journal was lost (e.g. "Forget everything", then again).
      const adopted = ctx.journal.saveCollection({ ...base(ctx, spec), href, createdByUs: true });
      return ctx.journal.markCollectionReady(adopted.id);
    }
    const saved = ctx.journal.saveCollection({ ...base(ctx, spec), href, createdByUs: true });
    try {
      await ctx.sink.create(href, spec, marker, ctx.signal);
    } catch (error) {
      // Taken in the meantime: forget this name and try the next one.
      if (error instanceof DavError && error.code === 'dav.not-allowed') {
        ctx.journal.removeCollection(saved.id);
        continue;
      }
      throw error;
    }
    return ctx.journal.markCollectionReady(saved.id);
  }
  throw new DavError('dav.conflict', { method: 'MKCOL', url: ctx.sink.home, detail: spec.slug });
}

/** What Baluchon writes on a collection it made: the kind and the source it holds. */
export function markerFor(kind: MigrationKind, sourceKey: string): string {
  return `${kind}:${sourceKey}`;
}

function base(ctx: EnsureContext, spec: CollectionSpec) {
  return {
    target: ctx.target,
    kind: ctx.kind,
    sourceKey: spec.sourceKey,
    displayName: spec.displayName,
    runId: ctx.runId,
  };
}
