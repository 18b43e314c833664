// One Google document exported (files.export) into a spool file, trying its formats in order:
// the open format first, Microsoft's when Google answers 403 `exportSizeLimitExceeded` (its
// export is capped at 10 MB, and an ODF file is often larger than its OOXML twin). Any other
// refusal is not a question of format and is not tried again here (GoogleApiContext.call has
// already waited out rate limits and Google's own failures).
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { drive_v3 } from '@googleapis/drive';
import type { GoogleApiContext } from '../../../google/google-api-context.ts';
import type { ExportFormat } from './drive-kinds.ts';
import { googleErrorReason } from './google-error-reason.ts';
import { nodeReadable } from './resumable-download.ts';

export type ExportOutcome =
  | { readonly type: 'exported'; readonly format: ExportFormat; readonly size: number }
  | { readonly type: 'too-large'; readonly tried: readonly ExportFormat[] };

export async function exportDocument(args: {
  readonly api: GoogleApiContext;
  readonly client: drive_v3.Drive;
  readonly fileId: string;
  readonly formats: readonly ExportFormat[];
  /** Where the format's bytes go (the same file for every format tried: the last one wins). */
  readonly spoolPath: string;
  readonly signal: AbortSignal;
}): Promise<ExportOutcome> {
  for (const format of args.formats) {
    try {
      const answer = await args.api.call((signal) =>
        args.client.files.export(
          { fileId: args.fileId, mimeType: format.mimeType },
          { responseType: 'stream', signal: AbortSignal.any([signal, args.signal]), retry: false },
        ),
      );
      await pipeline(nodeReadable(answer.data), createWriteStream(args.spoolPath), {
        signal: args.signal,
      });
      return { type: 'exported', format, size: (await stat(args.spoolPath)).size };
    } catch (error) {
      const { status, reason } = googleErrorReason(error);
      if (status === 403 && reason === 'exportSizeLimitExceeded') continue;
      throw error;
    }
  }
  return { type: 'too-large', tried: args.formats };
}
