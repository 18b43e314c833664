// A DAV client that fails every request: planning is proven to send nothing to the account.
import { DavClient } from '../../../src/dav/dav-client.ts';

export function offlineClient(): DavClient {
  return new DavClient({
    send: () => Promise.reject(new Error('planning must not send a request')),
    credentials: { username: 'famille', password: 'x' },
    retry: { sleep: () => Promise.resolve(), random: () => 0.5 },
    now: () => new Date(0),
  });
}
