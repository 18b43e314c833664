// Main's side of the service: calls go to the utility process and their results come back by
// id; events are handed to whoever shows them (the window).
import type { BaluchonEvent, Result } from '../src/contract/index.ts';
import type { FromService, HostRequest, MessageEndpoint, ToService } from './service-protocol.ts';

export interface ServiceClient {
  call(name: string, input: unknown): Promise<Result<unknown>>;
  /** Fails every pending call (the utility process died). */
  fail(message: string): void;
}

export function createServiceClient(
  child: MessageEndpoint<FromService, ToService>,
  onEvent: (event: BaluchonEvent) => void,
  onHostRequest: (request: HostRequest) => Promise<unknown> = () =>
    Promise.reject(new Error('no host requests here')),
): ServiceClient {
  let next = 0;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  child.on('message', (message) => {
    if (message.type === 'event') {
      onEvent(message.event);
      return;
    }
    if (message.type === 'host-request') {
      const { id } = message;
      onHostRequest(message.request).then(
        (value) => {
          child.postMessage({ type: 'host-reply', id, ok: true, value });
        },
        (error: unknown) => {
          child.postMessage({ type: 'host-reply', id, ok: false, value: String(error) });
        },
      );
      return;
    }
    pending.get(message.id)?.(message.result);
    pending.delete(message.id);
  });
  return {
    call(name, input) {
      const id = ++next;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        child.postMessage({ type: 'call', id, name, input });
      });
    },
    fail(message) {
      for (const resolve of pending.values()) {
        resolve({ ok: false, error: { code: 'internal', message } });
      }
      pending.clear();
    },
  };
}
