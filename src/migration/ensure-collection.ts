// Finds or creates the server collection for one source collection, never twice: the journal
// remembers it (recorded as "creating" before the request leaves), and a marker on the
// collection lets a re-run recognise its own work even when the journal was lost. A name already
// used by something else is never reused: the family's existing calendars are left alone.
import { DavError } from '../dav/dav-error.ts';
import type { Journal } from '../journal/journal.ts';
import type { Collection, MigrationKind, RunId, Target } from '../journal/types.ts';
import type { CollectionSink, CollectionSpec } from '../sink/item-sink.ts';

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
  // A collection several sources share (a Google calendar, from the archive or live) is kept
  // under the key they share, its first alias; it is still found under the source's own key,
  // which journals and markers of earlier versions used.
  const keys = [...new Set([...(spec.aliases ?? []), spec.sourceKey])];
  const key = keys[0] ?? spec.sourceKey;
  const marker = markerFor(ctx.kind, key);
  const ours = new Set(keys.map((one) => markerFor(ctx.kind, one)));
  const known = keys
    .map((one) => ctx.journal.findCollection(ctx.target, ctx.kind, one))
    .find((collection) => collection !== undefined);
  if (known !== undefined) {
    const there = await ctx.sink.inspect(known.href, ctx.signal);
    if (there !== null && known.state === 'creating' && !ours.has(there.marker ?? '')) {
      // Made, but the process died before its marker was set: set it now, so that a run
      // without this journal recognises it too.
      await ctx.sink.mark?.(known.href, marker, ctx.signal);
    }
    // Recorded but not (or no longer) on the server — a crash before MKCOL, or the family
    // deleted it: make it again at the same place, unless someone took the name meanwhile.
    if (there !== null || (await createAt(known.href, spec, marker, ours, ctx)) === 'made') {
      return known.state === 'ready' ? known : ctx.journal.markCollectionReady(known.id);
    }
    ctx.journal.removeCollection(known.id);
  }

  for (let attempt = 1; attempt <= maxSuffix; attempt++) {
    const href = new URL(
      `${encodeURIComponent(attempt === 1 ? spec.slug : `${spec.slug}-${attempt}`)}/`,
      ctx.sink.home,
    ).href;
    const there = await ctx.sink.inspect(href, ctx.signal);
    if (there !== null) {
      // Ours from a run whose journal was lost (e.g. "Forget everything", then again)? Else
      // someone else's: never mix into it.
      const mine = ours.has(there.marker ?? '');
      if (!mine && !(await unmarkedLeftover(href, there, spec, ctx))) continue;
      if (!mine) await ctx.sink.mark?.(href, marker, ctx.signal);
      const adopted = ctx.journal.saveCollection({
        ...base(ctx, spec, key),
        href,
        createdByUs: true,
      });
      return ctx.journal.markCollectionReady(adopted.id);
    }
    const saved = ctx.journal.saveCollection({ ...base(ctx, spec, key), href, createdByUs: true });
    if ((await createAt(href, spec, marker, ours, ctx)) === 'taken') {
      // Taken in the meantime: forget this name and try the next one.
      ctx.journal.removeCollection(saved.id);
      continue;
    }
    return ctx.journal.markCollectionReady(saved.id);
  }
  throw new DavError('dav.conflict', { method: 'MKCOL', url: ctx.sink.home, detail: spec.slug });
}

/**
 * Creates the collection at `href`. Refused because something is there (405 by the book, 409 on
 * Radicale, 403 on Xandikos), it looks: a retry of our own creation whose answer was lost finds
 * our collection (ours: mark it); anything else there is someone else's ('taken'); nothing
 * there means the refusal was about something else, and it stands.
 */
async function createAt(
  href: string,
  spec: CollectionSpec,
  marker: string,
  ours: ReadonlySet<string>,
  ctx: EnsureContext,
): Promise<'made' | 'taken'> {
  try {
    await ctx.sink.create(href, spec, marker, ctx.signal);
    return 'made';
  } catch (error) {
    if (!(error instanceof DavError) || !refusedAsExisting.has(error.code)) throw error;
    const there = await ctx.sink.inspect(href, ctx.signal);
    if (there === null) throw error;
    if (ours.has(there.marker ?? '')) return 'made';
    if (!error.afterLostAnswer) return 'taken';
    await ctx.sink.mark?.(href, marker, ctx.signal);
    return 'made';
  }
}

/**
 * An empty collection without marker, bearing exactly the name Baluchon gives this source at the
 * place it would make it: what a creation cut short between MKCALENDAR and the marker's
 * PROPPATCH leaves behind (a crash, then the journal lost). Being empty, adopting it can mix
 * nothing of anyone's.
 */
async function unmarkedLeftover(
  href: string,
  there: { marker: string | null; displayName?: string | null },
  spec: CollectionSpec,
  ctx: EnsureContext,
): Promise<boolean> {
  if (there.marker !== null || there.displayName !== spec.displayName) return false;
  return (await ctx.sink.isEmpty?.(href, ctx.signal)) === true;
}

const refusedAsExisting: ReadonlySet<string> = new Set([
  'dav.not-allowed',
  'dav.conflict',
  'dav.forbidden',
]);

/** What Baluchon writes on a collection it made: the kind and the source it holds. */
export function markerFor(kind: MigrationKind, sourceKey: string): string {
  return `${kind}:${sourceKey}`;
}

function base(ctx: EnsureContext, spec: CollectionSpec, sourceKey: string) {
  return {
    target: ctx.target,
    kind: ctx.kind,
    sourceKey,
    displayName: spec.displayName,
    runId: ctx.runId,
  };
}
