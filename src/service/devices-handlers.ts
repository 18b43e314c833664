// The device setup of a move the family just finished (this session's moves) or the last move
// kept in the data folder: the report the engine wrote is the only source of the facts.
import type { Handlers, MigrationReport } from '../contract/index.ts';
import { deviceSetup } from '../devices/device-setup.ts';
import { BaluchonError } from '../errors/baluchon-error.ts';
import { LastMoveFile } from './last-move.ts';
import type { ServiceContext } from './service-context.ts';

export function createDevicesHandlers(context: ServiceContext): Pick<Handlers, 'deviceSetup'> {
  const lastMove = new LastMoveFile(context.deps.dataDir);
  const reportOf = async (runId: number): Promise<MigrationReport> => {
    const ofSession = context.moves
      .list()
      .map((move) => move.report)
      .find((report) => report?.runId === runId);
    if (ofSession !== undefined && ofSession !== null) return ofSession;
    const last = await lastMove.read();
    if (last !== null && last.report.runId === runId) return last.report;
    throw new BaluchonError('devices.unknown-run', { runId: String(runId) });
  };
  return {
    deviceSetup: async ({ runId, host }) =>
      deviceSetup(await reportOf(runId), {
        t: context.t(),
        language: context.locale(),
        now: context.deps.now(),
        host,
      }),
  };
}
