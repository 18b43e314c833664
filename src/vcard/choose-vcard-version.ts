// Which vCard version to write, from the address book's CardDAV `supported-address-data`
// (RFC 6352 §6.2.2). Google's cards are 3.0: keep 3.0 whenever the server takes it (fewer
// conversions, nothing to lose), 4.0 only when it is all the server takes. A server that does not
// say supports 3.0 (the property's default, RFC 6352 §6.2.2).

export interface AddressDataType {
  /** `text/vcard`, case-insensitive. */
  readonly contentType: string;
  /** `3.0`, `4.0`. */
  readonly version: string;
}

export function chooseVcardVersion(
  supported: readonly AddressDataType[] | undefined,
): '3.0' | '4.0' {
  const vcards = (supported ?? []).filter(
    (type) => type.contentType.trim().toLowerCase() === 'text/vcard',
  );
  if (vcards.length === 0) return '3.0';
  if (vcards.some((type) => type.version.trim() === '3.0')) return '3.0';
  return vcards.some((type) => type.version.trim() === '4.0') ? '4.0' : '3.0';
}
