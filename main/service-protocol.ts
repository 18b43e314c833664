// Messages between Electron's main process and the utility process that runs the service.
// The service lives in its own process so that SQLite and parsing never freeze the window.
import type { BaluchonEvent, Result } from '../src/contract/index.ts';

export type ToService = { type: 'call'; id: number; name: string; input: unknown };

export type FromService =
  { type: 'result'; id: number; result: Result<unknown> } | { type: 'event'; event: BaluchonEvent };

/** The least of a message port both sides need (Electron's parentPort and UtilityProcess). */
export interface MessageEndpoint<In, Out> {
  postMessage(message: Out): void;
  on(event: 'message', listener: (message: In) => void): unknown;
}
