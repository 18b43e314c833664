// Serves the built renderer under app://baluchon/ rather than file://, so the page has a real
// origin (checked for every IPC message) and can never read other local files.
import { normalize, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

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

export function rendererHandler(
  rendererDir: string,
  fetchFile: (url: string) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const file = rendererFileFor(rendererDir, request.url);
    if (file === undefined) return new Response('Not found', { status: 404 });
    return fetchFile(pathToFileURL(file).toString());
  };
}
