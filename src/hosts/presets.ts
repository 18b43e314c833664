// Where each server software keeps its CalDAV, CardDAV and WebDAV endpoints, so choosing a host
// (or opening a provisioning link) pre-fills the connection. Discovery (RFC 6764 well-known URLs,
// then the principal's home sets) stays the authority; these are the layouts it falls back on
// and the first guesses it checks.
import type { SoftwareId } from './directory/directory-schema.ts';

export interface SoftwarePreset {
  id: SoftwareId;
  label: string;
  /** Path templates relative to the server's base URL; `{user}` is the login name. */
  caldav: string;
  carddav: string;
  /** Files over WebDAV, when the software serves them. */
  webdav: string | null;
  /** Whether the server answers /.well-known/caldav and /.well-known/carddav (RFC 6764 §5). */
  wellKnown: boolean;
  /** Whether Nextcloud's browser login (Login Flow v2) is available. */
  loginFlowV2: boolean;
  /** Where the layout is documented, for whoever maintains this table. */
  reference: string;
}

export const presets: Readonly<Record<SoftwareId, SoftwarePreset>> = {
  nextcloud: {
    id: 'nextcloud',
    label: 'Nextcloud',
    caldav: '/remote.php/dav/calendars/{user}/',
    carddav: '/remote.php/dav/addressbooks/users/{user}/',
    webdav: '/remote.php/dav/files/{user}/',
    wellKnown: true,
    loginFlowV2: true,
    reference: 'Nextcloud user manual, "Accessing Nextcloud files using WebDAV" and "Groupware"',
  },
  owncloud: {
    // ownCloud 10 shares Nextcloud's ancestry and its sabre/dav layout; no Login Flow v2.
    id: 'owncloud',
    label: 'ownCloud',
    caldav: '/remote.php/dav/calendars/{user}/',
    carddav: '/remote.php/dav/addressbooks/users/{user}/',
    webdav: '/remote.php/dav/files/{user}/',
    wellKnown: true,
    loginFlowV2: false,
    reference: 'ownCloud admin manual, "WebDAV" and CalDAV/CardDAV sections',
  },
  radicale: {
    // Radicale keeps each user's collections directly under /<user>/ (its principal).
    id: 'radicale',
    label: 'Radicale',
    caldav: '/{user}/',
    carddav: '/{user}/',
    webdav: null,
    wellKnown: true,
    loginFlowV2: false,
    reference: 'Radicale documentation, "Basic Configuration" and client setup',
  },
  baikal: {
    id: 'baikal',
    label: 'Baïkal',
    caldav: '/dav.php/calendars/{user}/',
    carddav: '/dav.php/addressbooks/{user}/',
    webdav: null,
    // Baïkal's own .htaccess redirects the well-known URLs only when the web server honours it.
    wellKnown: false,
    loginFlowV2: false,
    reference: 'Baïkal documentation, "Clients" (dav.php is the sabre/dav entry point)',
  },
  sogo: {
    id: 'sogo',
    label: 'SOGo',
    caldav: '/SOGo/dav/{user}/Calendar/',
    carddav: '/SOGo/dav/{user}/Contacts/',
    webdav: null,
    wellKnown: false,
    loginFlowV2: false,
    reference: 'SOGo installation guide, "Microsoft Enterprise ActiveSync and DAV clients"',
  },
  davical: {
    id: 'davical',
    label: 'DAViCal',
    caldav: '/caldav.php/{user}/',
    carddav: '/caldav.php/{user}/',
    webdav: null,
    wellKnown: false,
    loginFlowV2: false,
    reference: 'DAViCal wiki, "CalDAV Clients"',
  },
  xandikos: {
    id: 'xandikos',
    label: 'Xandikos',
    caldav: '/{user}/calendars/',
    carddav: '/{user}/contacts/',
    webdav: null,
    wellKnown: true,
    loginFlowV2: false,
    reference: 'Xandikos README, "Client setup" (autocreate layout)',
  },
};

export interface Endpoints {
  caldav: string;
  carddav: string;
  webdav: string | null;
}

/**
 * The endpoints a preset gives for a server and a login. The server's own path is kept
 * ("https://example.org/nextcloud" → "https://example.org/nextcloud/remote.php/dav/…").
 */
export function endpointsFor(software: SoftwareId, server: string, user: string): Endpoints {
  const preset = presets[software];
  const base = new URL(server);
  const prefix = base.pathname.replace(/\/+$/, '');
  const resolve = (template: string): string =>
    new URL(
      `${prefix}${template.replace('{user}', encodeURIComponent(user))}`,
      base.origin,
    ).toString();
  return {
    caldav: resolve(preset.caldav),
    carddav: resolve(preset.carddav),
    webdav: preset.webdav === null ? null : resolve(preset.webdav),
  };
}
