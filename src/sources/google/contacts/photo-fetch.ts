// Where contact photos are downloaded from. Google serves them from `*.googleusercontent.com`
// over https, the only hosts the embedder fetches from (src/vcard/embed-photo.ts). When the APIs
// are Google's own, the `fetch` given is used as is. When they are the test stand-in
// (BALUCHON_GOOGLE_API_BASE, loopback only: src/google/google-endpoints.ts), the same photo
// addresses are answered by the stand-in, under `googleusercontent/<host>/<path>` of its base,
// and any other address is refused: a test never reaches the Internet.
import { isGooglePhotoAddress } from '../../../vcard/photo-hosts.ts';
import { GOOGLE_ENDPOINTS } from '../../../google/google-endpoints.ts';
import type { GoogleEndpoints } from '../../../google/google-endpoints.ts';
import type { FetchLike } from '../../../net/fetch-like.ts';

/** The `fetch` to give the migration for contact photos (planContactJob's `fetchPhoto`). */
export function googlePhotoFetch(endpoints: GoogleEndpoints, fetch: FetchLike): FetchLike {
  if (endpoints.people === GOOGLE_ENDPOINTS.people) return fetch;
  const base = endpoints.people.endsWith('/') ? endpoints.people : `${endpoints.people}/`;
  return (url, init) => {
    const target = new URL(url);
    if (!isGooglePhotoAddress(target)) {
      return Promise.reject(new TypeError(`the Google stand-in does not serve ${target.origin}`));
    }
    const mapped = `${base}googleusercontent/${target.hostname}${target.pathname}${target.search}`;
    return fetch(mapped, init);
  };
}
