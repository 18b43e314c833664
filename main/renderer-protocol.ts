// Serves the built renderer under app://baluchon/ rather than file://, so the page has a real
// origin (checked for every IPC message) and can never read other local files. Every answer
// carries the security headers of `baluchon web` (src/web/security-headers.ts) itself: Electron
// does not apply headers added in `webRequest.onHeadersReceived` to custom protocols, so this
// handler is the only place where the window's CSP can be set by header.
import { normalize, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { securityHeaders } from '../src/web/security-headers.ts';

/** The file to serve for a request, or undefined when the URL leaves the renderer folder. */
export function rendererFileFor(rendererDir: string, url: string): string | undefined {
  let pathname: string;
  try {
    const parsed = new URL(url);
    if (parsed.host !== 'baluchon') return undefined;
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0')) return undefined;
  const file = normalize(join(rendererDir, pathname === '/' ? 'index.html' : pathname));
  const root = rendererDir.endsWith(sep) ? rendererDir : rendererDir + sep;
  return file.startsWith(root) ? file : undefined;
}

/**
 * A copy of `response` with our security headers replacing any of the same name. A new
 * Response, because a fetched one (net.fetch) has headers that cannot be changed.
 */
function withSecurityHeaders(response: Response): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(securityHeaders)) headers.set(name, value);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

export function rendererHandler(
  rendererDir: string,
  fetchFile: (url: string) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const file = rendererFileFor(rendererDir, request.url);
    if (file === undefined) {
      return withSecurityHeaders(new Response('Not found', { status: 404 }));
    }
    return withSecurityHeaders(await fetchFile(pathToFileURL(file).toString()));
  };
}
