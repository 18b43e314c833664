// A Drive stand-in on a loopback port and the GoogleApiContext a reader is handed against it
// (no backoff: the stand-in only faults when a test says so).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { OAuth2Client } from 'google-auth-library';
import { endpointsUnder } from '../../../../src/google/google-endpoints.ts';
import type { GoogleEndpoints } from '../../../../src/google/google-endpoints.ts';
import type { GoogleApiContext } from '../../../../src/google/google-api-context.ts';
import { createI18n } from '../../../../src/i18n/create-i18n.ts';
import type { ProblemFact } from '../../../../src/contract/problem.ts';
import { readGoogleDrive } from '../../../../src/sources/google/drive/read-google-drive.ts';
import type { GoogleDriveLiveReading } from '../../../../src/sources/google/drive/read-google-drive.ts';
import { createDriveApi, DRIVE_READONLY } from '../../../standins/google/drive-api.ts';
import type { DriveApi, StandInDrive } from '../../../standins/google/drive-api.ts';
import { startGoogleStandIn, TokenBook } from '../../../standins/google/stand-in-server.ts';
import type { RunningStandIn, StandInFault } from '../../../standins/google/stand-in-server.ts';

export interface DriveStandIn {
  readonly server: RunningStandIn;
  readonly api: DriveApi;
  readonly context: GoogleApiContext;
  read(options?: { sharedWithMe?: boolean }): Promise<{
    reading: GoogleDriveLiveReading;
    problems: ProblemFact[];
  }>;
  close(): Promise<void>;
}

export interface DriveStandInOptions {
  readonly scopes?: readonly string[];
  /** The stand-in answers this instead of a request, when it says so. */
  readonly fault?: (url: URL) => StandInFault | null;
  /** The context readers get (default: no backoff, one try per request). */
  readonly context?: (auth: OAuth2Client, endpoints: GoogleEndpoints) => GoogleApiContext;
}

export async function startDriveStandIn(
  data: StandInDrive,
  options: DriveStandInOptions = {},
): Promise<DriveStandIn> {
  const tokens = new TokenBook();
  const api = createDriveApi(data);
  const server = await startGoogleStandIn({
    routes: [api.route],
    tokens,
    ...(options.fault === undefined ? {} : { fault: options.fault }),
  });
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: tokens.issue(options.scopes ?? [DRIVE_READONLY]) });
  const signal = new AbortController().signal;
  const endpoints = endpointsUnder(server.url);
  const context: GoogleApiContext = options.context?.(auth, endpoints) ?? {
    auth,
    endpoints,
    signal,
    call: (request) => request(signal),
  };
  const tmp = mkdtempSync(join(tmpdir(), 'baluchon-gdrive-'));
  const readings: GoogleDriveLiveReading[] = [];
  return {
    server,
    api,
    context,
    async read(options = {}) {
      const problems: ProblemFact[] = [];
      const reading = await readGoogleDrive({
        api: context,
        t: createI18n('fr').t,
        onProblem: (problem) => problems.push(problem),
        sharedWithMe: options.sharedWithMe ?? false,
        tmpDir: tmp,
      });
      readings.push(reading);
      return { reading, problems };
    },
    async close() {
      for (const reading of readings) await reading.close();
      await server.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

export async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
