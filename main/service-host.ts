// Runs the service inside the utility process: answers calls from main, forwards every event,
// and passes main's answers to host requests back to the bridge. The transport is kept apart
// (serveOverPort) so tests can drive it without Electron.
import type { Service } from '../src/service/create-service.ts';
import type { HostBridge } from './host-bridge.ts';
import type { FromService, MessageEndpoint, ToService } from './service-protocol.ts';

export function serveOverPort(
  port: MessageEndpoint<{ data: ToService }, FromService>,
  service: Service,
  bridge?: HostBridge,
): () => void {
  const unsubscribe = service.subscribe((event) => {
    port.postMessage({ type: 'event', event });
  });
  port.on('message', ({ data }) => {
    if (data.type === 'host-reply') {
      bridge?.settle(data.id, data.ok, data.value);
      return;
    }
    void service.call(data.name, data.input).then((result) => {
      port.postMessage({ type: 'result', id: data.id, result });
    });
  });
  return unsubscribe;
}
