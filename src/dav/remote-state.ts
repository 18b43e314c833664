// What the server holds at one URL, as far as the engine cares: the ETag (conditional writes,
// change detection) and the size (files' read-back). The one declaration every DAV request that
// reads a resource's state returns (probe, listResources' callers, list-tree) and every
// destination (src/sink/item-sink.ts) hands back.
export interface RemoteState {
  readonly etag: string | null;
  /** Bytes on the server; null when it says nothing useful (CalDAV/CardDAV rewrite our text). */
  readonly size: number | null;
}
