// What the user typed as "the server": an e-mail address (anne@zaclys.com), a bare host name
// (cloud.example.org, maybe with a port or a path), or a full URL. We turn it into the base URL
// to start discovery from. Without a scheme we assume https: hosts that still speak plain http
// must be typed with "http://" explicitly, so a password never leaves in clear by accident.
import { BaluchonError } from '../errors/baluchon-error.ts';

export interface ServerAddress {
  /** Where discovery starts (always ends with "/"). */
  base: string;
  /** The domain of an e-mail address, when one was given (RFC 6764 §5 starts from it). */
  fromEmail: boolean;
}

export function parseServerAddress(input: string): ServerAddress {
  const text = input.trim();
  if (text === '') throw new BaluchonError('connect.bad-address', { address: input });
  const email = /^[^@\s/]+@([^@\s/]+)$/.exec(text);
  const candidate =
    email?.[1] !== undefined
      ? `https://${email[1]}/`
      : /^[a-z][a-z0-9+.-]*:\/\//i.test(text)
        ? text
        : `https://${text}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    throw new BaluchonError('connect.bad-address', { address: input });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new BaluchonError('connect.bad-address', { address: input });
  }
  url.hash = '';
  url.search = '';
  url.username = '';
  url.password = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return { base: url.href, fromEmail: email !== null };
}
