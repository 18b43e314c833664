// The test harness: real DAV servers on 127.0.0.1 for integration tests, and a fault proxy.
// See README.md next to this file.
export type { DavServer, ServerKind, ServerUser, StartOptions, UserSpec } from './dav-server.ts';
export { startRadicale } from './radicale.ts';
export { startXandikos } from './xandikos.ts';
export type { XandikosOptions } from './xandikos.ts';
export { startApache } from './apache.ts';
export { ServerStartError } from './launch-server.ts';
export { basicAuth } from './users.ts';
export { DEFAULT_RECORDED_HEADERS, fault, startFaultProxy } from './fault-proxy.ts';
export type {
  FaultAction,
  FaultProxy,
  FaultProxyOptions,
  FaultRule,
  FaultRuleSpec,
  RecordedRequest,
  RequestInfo,
  RequestMatcher,
} from './fault-proxy.ts';
export {
  APACHE,
  CALDAV_CARDDAV_SERVERS,
  describeEachServer,
  RADICALE,
  useFaultProxy,
  useServer,
  WEBDAV_SERVERS,
  XANDIKOS,
} from './vitest-helpers.ts';
export type { ServerFactory } from './vitest-helpers.ts';
