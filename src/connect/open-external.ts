// The default way to open the Nextcloud login page when Baluchon runs headless (CLI, `baluchon
// web`): the platform's own opener, given the URL as one argument (no shell, so nothing in the
// URL is ever interpreted), and only for https. Electron passes its checked shell.openExternal.
import { spawn } from 'node:child_process';
import { BaluchonError } from '../errors/baluchon-error.ts';

export function openInSystemBrowser(
  url: string,
  platform: NodeJS.Platform = process.platform,
): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return Promise.reject(new BaluchonError('connect.no-browser', { url: url.slice(0, 300) }));
  }
  if (parsed.protocol !== 'https:') {
    return Promise.reject(new BaluchonError('connect.no-browser', { url: parsed.href }));
  }
  const [command, args] =
    platform === 'darwin'
      ? ['open', [parsed.href]]
      : platform === 'win32'
        ? ['rundll32', ['url.dll,FileProtocolHandler', parsed.href]]
        : ['xdg-open', [parsed.href]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.once('error', () => {
      reject(new BaluchonError('connect.no-browser', { url: parsed.href }));
    });
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
