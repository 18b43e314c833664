// The one shape of `fetch` the engine is handed (Nextcloud's login flow, ChatonsInfos files,
// contact photos), so tests and Electron pass their own and nothing calls the global directly.
// DAV requests do not use it: they go through src/dav/http-client.ts (undici, streamed bodies).
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;
