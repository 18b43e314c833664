// What Google's exporter writes that carries nothing or is mis-escaped (TAKEOUT-NOTES §3.2):
//   - `item1.ADR:;;;;;;` with an empty `item1.X-ABLabel:` on contacts that have no address: an
//     empty address, removed silently (there is nothing to lose);
//   - a label (`itemN.X-ABLabel`) whose group has nothing else left, removed with it;
//   - `URL:http\://example.com`: a colon escaped as if it were TEXT (RFC 2426 URIs are not);
//     unescaped, `http\\://` included. Grouped properties themselves (`item1.TEL` + label) stay.
import type ICAL from 'ical.js';

function isEmpty(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(isEmpty);
  return typeof value !== 'string' || value.trim() === '';
}

function groupOf(property: ICAL.Property): string | undefined {
  const group = property.getFirstParameter('group') as string | undefined;
  return typeof group === 'string' ? group.toLowerCase() : undefined;
}

export function removeGoogleArtefacts(card: ICAL.Component): void {
  for (const address of card.getAllProperties('adr')) {
    if (address.jCal.slice(3).every(isEmpty)) card.removeProperty(address);
  }
  const groupsInUse = new Set(
    card
      .getAllProperties()
      .filter((property) => property.name !== 'x-ablabel')
      .map(groupOf),
  );
  for (const label of card.getAllProperties('x-ablabel')) {
    if (!groupsInUse.has(groupOf(label))) card.removeProperty(label);
  }
  for (const url of card.getAllProperties('url')) {
    const value: unknown = url.jCal[3];
    if (typeof value === 'string' && /\\+:/.test(value)) url.jCal[3] = value.replace(/\\+:/g, ':');
  }
}
