// Messages between Electron's main process and the utility process that runs the service.
// The service lives in its own process so that SQLite and parsing never freeze the window; the
// few things only main may do (the OS keychain through safeStorage, opening the user's browser)
// are asked of main with host requests.
import type { BaluchonEvent, Result } from '../src/contract/index.ts';

export type HostRequest =
  | { op: 'vault-get'; account: string }
  | { op: 'vault-put'; account: string; secret: string }
  | { op: 'vault-delete'; account: string }
  | { op: 'vault-clear' }
  | { op: 'open-external'; url: string };

export type ToService =
  | { type: 'call'; id: number; name: string; input: unknown }
  | { type: 'host-reply'; id: number; ok: boolean; value: unknown };

export type FromService =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: BaluchonEvent }
  | { type: 'host-request'; id: number; request: HostRequest };

/** The least of a message port both sides need (Electron's parentPort and UtilityProcess). */
export interface MessageEndpoint<In, Out> {
  postMessage(message: Out): void;
  on(event: 'message', listener: (message: In) => void): unknown;
}
