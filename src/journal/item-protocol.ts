// The per-item protocol as the engine sees it: what it passes in, and what planItem answers.
// decide() is the whole decision, from what the journal holds about the item.
import type { ItemRow } from './rows.ts';
import type { CollectionId, ItemId, JsonValue, RunId } from './types.ts';

export interface PlanItemInput {
  readonly runId: RunId;
  readonly collectionId: CollectionId;
  /** Stable across runs of the same or a newer archive (UID, derived contact UID, Drive path). */
  readonly sourceKey: string;
  /** Hash of the content as it would be sent. */
  readonly contentHash: string;
  /** For the report: event summary, contact name, file path. */
  readonly label: string;
  readonly size?: number | null;
}

/**
 * What to do with an item:
 * - `create`: nothing of ours is on the server. `href` is the one a previous attempt used (reuse
 *   it, with If-None-Match: *, so a retry can never make a second copy), or null.
 * - `update`: the server holds an older version; send with If-Match: etag (when known).
 * - `unchanged`: the server holds this very content; nothing to send.
 * - `resume`: a request for `attemptHash` may or may not have reached `href` before an
 *   interruption. Look at the server, then either markSent (it holds what is to be sent: pass
 *   its etag, and its hash as `contentHash` if that is not `attemptHash`) or markSending again
 *   (If-Match the server's etag when it holds something, If-None-Match: * otherwise).
 */
export type Plan =
  | { readonly action: 'create'; readonly itemId: ItemId; readonly href: string | null }
  | {
      readonly action: 'update' | 'unchanged';
      readonly itemId: ItemId;
      readonly href: string;
      readonly etag: string | null;
    }
  | {
      readonly action: 'resume';
      readonly itemId: ItemId;
      readonly href: string;
      readonly attemptHash: string;
      /** What the server held before the interrupted request (null: nothing of ours). */
      readonly contentHash: string | null;
      readonly etag: string | null;
      readonly resume: JsonValue | null;
    };

export interface SendingInput {
  /** Where the request goes. Fixed once the server holds the item. */
  readonly href: string;
  /** Hash of the content the request carries. */
  readonly contentHash: string;
}

export interface SentInput {
  /** The etag the server answered (null when it sent none, RFC 4791 §5.3.4 allows that). */
  readonly etag: string | null;
  /**
   * What the server holds, when it is not the last attempt's content: after `resume`, the
   * engine found on the server the content it was about to send again.
   */
  readonly contentHash?: string;
  readonly size?: number | null;
}

export interface ItemProblemInput {
  /** A stable code (`dav.forbidden`, `files.too-large`…), translated in the report. */
  readonly code: string;
  readonly detail?: string | null;
}

export interface VerifiedCheck {
  readonly itemId: ItemId;
  /** The etag read back, when the server gave one; omitted: keep the stored one. */
  readonly etag?: string | null;
}

/** What planItem's statement returns about the item. */
export type PlanRow = Pick<
  ItemRow,
  'id' | 'state' | 'href' | 'etag' | 'content_hash' | 'attempt_hash' | 'resume'
>;

/** The plan for an item, from its row once this run has seen it (see Plan). */
export function decide(row: PlanRow, hash: string): Plan {
  const itemId = row.id as ItemId;
  if (row.state === 'sending') {
    if (row.href === null || row.attempt_hash === null) throw new Error('sending without href');
    return {
      action: 'resume',
      itemId,
      href: row.href,
      attemptHash: row.attempt_hash,
      contentHash: row.content_hash,
      etag: row.etag,
      resume: row.resume === null ? null : (JSON.parse(row.resume) as JsonValue),
    };
  }
  if (row.content_hash === null || row.href === null) {
    return { action: 'create', itemId, href: row.href };
  }
  const onServer = row.state === 'sent' || row.state === 'verified';
  const action = onServer && row.content_hash === hash ? 'unchanged' : 'update';
  return { action, itemId, href: row.href, etag: row.etag };
}
