// Commands that connect to the family's new account: `connect` answers with the account (the
// CLI), `startConnect` does the same as a job with progress and Cancel (the app's screen). Both
// bind the password to the typed address's origin and bound the discovery in time
// (src/dav/discovery-limits.ts): a slow or silent server ends as a plain message, not a wait.
import type { Account, ConnectProgress, Handlers, ParsedInput } from '../contract/index.ts';
import { originOf } from '../dav/credential-origin.ts';
import { discover } from '../dav/discover.ts';
import { parseServerAddress } from '../dav/server-address.ts';
import { BaluchonError } from '../errors/baluchon-error.ts';
import { accountIdFor } from './accounts.ts';
import type { ServiceContext } from './service-context.ts';

export function createConnectHandlers(
  context: ServiceContext,
): Pick<Handlers, 'connect' | 'startConnect'> {
  return {
    connect: (input) => connectAccount(context, input, new AbortController().signal),
    startConnect: async (input) => {
      // A mistyped address is answered at once, not as a job.
      parseServerAddress(input.server);
      const jobId = context.jobs.start('connect', (job) =>
        connectAccount(context, input, job.signal, (progress) => {
          job.progress(progress);
        }),
      );
      return Promise.resolve({ jobId });
    },
  };
}

async function connectAccount(
  context: ServiceContext,
  { server, username, password: typed }: ParsedInput<'connect'>,
  cancel: AbortSignal,
  onProgress?: (progress: ConnectProgress) => void,
): Promise<Account> {
  const { base } = parseServerAddress(server);
  const password = await context.accounts.password(server, username, typed);
  const credentials = { username, password };
  const limits = context.dav.discoveryLimits;
  const deadline = AbortSignal.timeout(limits.discoveryDeadlineMs);
  const signal = AbortSignal.any([cancel, deadline]);
  const client = context.dav.discoveryClient(credentials, originOf(base));
  let found: Awaited<ReturnType<typeof discover>>;
  try {
    found = await discover(client, server, signal, ({ tried, address }) => {
      onProgress?.({ phase: 'searching', tried, address });
    });
  } catch (error) {
    // The deadline ran out (not the family's Cancel): say the server is too slow, whatever
    // request it interrupted.
    if (deadline.aborted && !cancel.aborted) {
      throw new BaluchonError(
        'connect.too-slow',
        {
          host: new URL(base).host,
          minutes: Math.max(1, Math.round(limits.discoveryDeadlineMs / 60_000)),
        },
        { cause: error },
      );
    }
    throw error;
  }
  const account = {
    accountId: accountIdFor(found.base, username),
    server: found.base,
    username,
    software: found.software,
    principal: found.principal,
    calendarHome: found.calendarHome,
    addressbookHome: found.addressbookHome,
    filesRoot: found.filesRoot,
    quota: found.quota,
  };
  await context.accounts.add(account, credentials);
  return account;
}
