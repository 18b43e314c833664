// Runs the service inside the utility process: answers calls from main and forwards every
// event. The transport is kept apart (serveOverPort) so tests can drive it without Electron.
import type { Service } from '../src/service/create-service.ts';
import type { FromService, MessageEndpoint, ToService } from './service-protocol.ts';

export function serveOverPort(
  port: MessageEndpoint<{ data: ToService }, FromService>,
  service: Service,
): () => void {
  const unsubscribe = service.subscribe((event) => {
    port.postMessage({ type: 'event', event });
  });
  port.on('message', ({ data }) => {
    void service.call(data.name, data.input).then((result) => {
      port.postMessage({ type: 'result', id: data.id, result });
    });
  });
  return unsubscribe;
}
