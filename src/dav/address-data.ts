// Which vCard versions an address book stores (RFC 6352 §6.2.2, CARDDAV:supported-address-data),
// asked once it exists. Undefined when the server does not say (the caller then picks 3.0, which
// every CardDAV server takes); a wrong password still stops the run.
import type { AddressDataType } from '../vcard/choose-vcard-version.ts';
import type { DavClient } from './dav-client.ts';
import { DavError } from './dav-error.ts';
import { childElements, clark, ns, prop } from './xml.ts';

export async function supportedAddressData(
  client: DavClient,
  href: string,
  signal: AbortSignal,
): Promise<AddressDataType[] | undefined> {
  try {
    const name = clark(ns.carddav, 'supported-address-data');
    const { entries } = await client.propfind(href, [name], '0', { signal });
    const element = entries[0] === undefined ? undefined : prop(entries[0], name);
    if (element === undefined) return undefined;
    return childElements(element, ns.carddav, 'address-data-type').map((type) => ({
      contentType: type.getAttribute('content-type') ?? 'text/vcard',
      version: type.getAttribute('version') ?? '3.0',
    }));
  } catch (error) {
    if (error instanceof DavError && error.code !== 'dav.unauthorized') return undefined;
    throw error;
  }
}
