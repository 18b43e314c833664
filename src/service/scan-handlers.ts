// Commands that read a Takeout archive.
import type { Handlers } from '../contract/index.ts';
import { BaluchonError } from './baluchon-error.ts';
import type { ServiceContext } from './create-service.ts';

export function createScanHandlers(context: ServiceContext): Pick<Handlers, 'startScan'> {
  return {
    startScan: () => {
      // Placeholder until src/takeout lands (issue 2): the job fails with a coded error.
      const jobId = context.jobs.start('scan', () =>
        Promise.reject(new BaluchonError('takeout.nothing-readable')),
      );
      return Promise.resolve({ jobId });
    },
  };
}
