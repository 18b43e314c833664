// What src/sources/open-source.ts needs from the service: the accounts the family connected (a
// source account is connected as a destination is, src/service/accounts.ts) and the DAV runtime.
import { BaluchonError } from '../errors/baluchon-error.ts';
import type { OpenSourceDeps } from '../sources/open-source.ts';
import type { ServiceContext } from './create-service.ts';

export function sourceOpeners(context: ServiceContext): OpenSourceDeps {
  return {
    // The handlers still give a Takeout's paths to scanTakeout and runMigration themselves; the
    // Takeout reader behind the port (openTakeoutSource) takes this place when they read
    // through it. Nothing asks for it before then: reaching it is a wiring mistake, said so.
    openTakeout: () => Promise.reject(new BaluchonError('source.unavailable', { kind: 'takeout' })),
    account: (accountId) => context.accounts.get(accountId),
    davClient: (credentials) => context.dav.client(credentials),
  };
}
