// What the family is shown of a provisioning file that passed validation, so that it cannot
// pass one server off as another host's:
// - the server's host name in punycode (`xn--…`) whenever it is not plain ASCII: Cyrillic "о"
//   and Latin "o" look the same on screen, their punycode does not;
// - a warning (not a refusal: hosts move, and the directory may lag) when the file names a host
//   of the CHATONS directory, by name or by website, but its server is on none of the domains
//   the directory knows for that host.
import { domainToASCII } from 'node:url';
import type { Provisioning, ProvisioningWarning } from '../../contract/hosts.ts';
import type { Host } from '../directory/directory-schema.ts';

export interface ShownServer {
  /** The address to show and to connect to: the given one, its host name made ASCII. */
  address: string;
  host: string;
  /** The host name was not plain ASCII (or was given as punycode already). */
  international: boolean;
}

const isPunycode = (host: string): boolean =>
  host.split('.').some((label) => label.startsWith('xn--'));

/** `server` was validated as an https URL (ProvisioningV1). */
export function shownServer(server: string): ShownServer {
  const url = new URL(server);
  // WHATWG URL parsing already converts the host name; domainToASCII says so explicitly and
  // is a no-op on an ASCII name.
  const host = domainToASCII(url.hostname) || url.hostname;
  if (/^[\x21-\x7E]*$/.test(server) && !isPunycode(host)) {
    return { address: server, host, international: false };
  }
  url.hostname = host;
  return { address: url.href, host, international: isPunycode(host) };
}

/** Lower case, no accents, letters and digits only: "La Mère-Zaclys" → "lamerezaclys". */
function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** A directory name and the names it holds: "Zaclys (La Mère Zaclys)", "ARN / sans-nuage.fr". */
function namesOf(name: string): Set<string> {
  const parts = [name, ...name.split(/[()/]/)];
  return new Set(parts.map(nameKey).filter((key) => key.length > 0));
}

// Second-level labels under which a country code's registrable names sit one level lower
// (co.uk, com.au, gouv.fr). Without the Public Suffix List, an approximation that is enough to
// compare a host's own domains with each other; a miss only costs a needless warning.
const secondLevel = new Set(['co', 'com', 'org', 'net', 'gouv', 'asso', 'ac', 'gov', 'edu']);

/** The registrable part of a host name, approximately: "cloud.zaclys.com" → "zaclys.com". */
export function siteOf(hostName: string): string {
  const labels = hostName.toLowerCase().replace(/\.$/, '').split('.');
  const last = labels.at(-1) ?? '';
  const keep =
    labels.length >= 3 && last.length === 2 && secondLevel.has(labels.at(-2) ?? '') ? 3 : 2;
  return labels.slice(-keep).join('.');
}

function siteOfUrl(url: string | null | undefined): string | undefined {
  if (url === null || url === undefined) return undefined;
  try {
    const { hostname } = new URL(url);
    return hostname === '' ? undefined : siteOf(domainToASCII(hostname) || hostname);
  } catch {
    return undefined;
  }
}

function knownSitesOf(host: Host): string[] {
  const urls = [
    host.website,
    ...host.services.flatMap((service) => [service.url, service.signupUrl]),
  ];
  const sites = urls.map(siteOfUrl).filter((site) => site !== undefined);
  return [...new Set(sites)].sort();
}

export function provisioningWarnings(
  provisioning: Provisioning,
  directory: readonly Host[],
): ProvisioningWarning[] {
  const server = shownServer(provisioning.server);
  const warnings: ProvisioningWarning[] = [];
  if (server.international) {
    warnings.push({ kind: 'international-address', serverHost: server.host });
  }
  const fileName = nameKey(provisioning.host.name);
  const fileWebsite = siteOfUrl(provisioning.host.website);
  const named = directory.filter(
    (host) =>
      (fileName !== '' && namesOf(host.name).has(fileName)) ||
      (fileWebsite !== undefined && siteOfUrl(host.website) === fileWebsite),
  );
  const serverSite = siteOf(server.host);
  const home = named.filter((host) => knownSitesOf(host).includes(serverSite));
  const first = named[0];
  if (first !== undefined && home.length === 0) {
    const knownDomains = knownSitesOf(first);
    // A host the directory knows no address of cannot be compared.
    if (knownDomains.length > 0) {
      warnings.push({
        kind: 'other-domain',
        directoryHost: first.name,
        serverHost: server.host,
        knownDomains,
      });
    }
  }
  return warnings;
}
