// What every upload of a run shares: the account's client, the retry policy, and what the run
// learns about the server (dates kept, checksums checked).
import type { DavClient } from '../dav/dav-client.ts';
import type { RetryDeps, RetryPolicy } from '../dav/retry.ts';
import type { DateKeeper } from './date-keeper.ts';

export interface ChecksumTally {
  /** Files whose SHA-256, computed by the server on what it received, matched ours. */
  checked: number;
  /** Files the server gave no hash for: checked by size only. */
  sizeOnly: number;
}

export interface UploadContext {
  readonly client: DavClient;
  readonly retry: RetryDeps;
  readonly retryPolicy: RetryPolicy;
  /** Ask for the server's hash of what it received (Nextcloud `X-Hash: sha256`) and compare. */
  readonly checksum: boolean;
  readonly dates: DateKeeper;
  readonly checksums: ChecksumTally;
}

/**
 * Reports bytes for the progress bar without ever counting a byte twice: a retry sends the
 * first bytes again, but the bar only moves past what it showed before.
 */
export function highWaterProgress(
  onBytes: ((bytes: number) => void) | undefined,
): (position: number) => void {
  let shown = 0;
  return (position) => {
    if (onBytes === undefined || position <= shown) return;
    onBytes(position - shown);
    shown = position;
  };
}
