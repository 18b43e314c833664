// What src/sources/open-source.ts needs from the service: the accounts the family connected (a
// source account is connected as a destination is, src/service/accounts.ts) and the DAV runtime.
// Only those two parts of the service's context, so this file stays out of its import cycle.
import { BaluchonError } from '../errors/baluchon-error.ts';
import type { OpenSourceDeps } from '../sources/open-source.ts';
import type { AccountStore } from './accounts.ts';
import type { DavRuntime } from './dav-runtime.ts';

export function sourceOpeners(service: {
  readonly accounts: Pick<AccountStore, 'get'>;
  readonly dav: Pick<DavRuntime, 'client'>;
}): OpenSourceDeps {
  return {
    // The handlers still give a Takeout's paths to scanTakeout and runMigration themselves; the
    // Takeout reader behind the port (openTakeoutSource) takes this place when they read
    // through it. Nothing asks for it before then: reaching it is a wiring mistake, said so.
    openTakeout: () => Promise.reject(new BaluchonError('source.unavailable', { kind: 'takeout' })),
    account: (accountId) => service.accounts.get(accountId),
    davClient: (credentials) => service.dav.client(credentials),
  };
}
