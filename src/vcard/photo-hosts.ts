// Where a contact's photo may be fetched from. A card in an archive can name any address; if
// Baluchon fetched them all, a crafted archive would make it send requests into the family's own
// network (the router, a NAS) or anywhere else. Google's exports and its People API only ever
// point at its photo servers, lh3.googleusercontent.com and its siblings, over https
// (/work/shared/google-samples, TAKEOUT-NOTES §3): those, and nothing else, are fetched — each
// hop of a redirect checked again.

const PHOTO_DOMAIN = 'googleusercontent.com';

/** https, Google's photo domain or one of its hosts, default port, no login in the address. */
export function isGooglePhotoAddress(url: URL): boolean {
  if (url.protocol !== 'https:' || url.port !== '' || url.username !== '' || url.password !== '')
    return false;
  // URL has already lower-cased the host and turned any Unicode into punycode.
  const host = url.hostname;
  return host === PHOTO_DOMAIN || host.endsWith(`.${PHOTO_DOMAIN}`);
}
