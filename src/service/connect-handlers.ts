// Commands that connect to the family's new account.
import type { Handlers } from '../contract/index.ts';
import { discover } from '../dav/discover.ts';
import { accountIdFor } from './accounts.ts';
import type { ServiceContext } from './service-context.ts';

export function createConnectHandlers(context: ServiceContext): Pick<Handlers, 'connect'> {
  return {
    connect: async ({ server, username, password: typed }) => {
      const password = await context.accounts.password(server, username, typed);
      const credentials = { username, password };
      const found = await discover(context.dav.client(credentials), server);
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
    },
  };
}
