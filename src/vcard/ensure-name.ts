// Every card needs a formatted name: vCard requires FN (RFC 2426 §3.1.1, RFC 6350 §6.2.1) and
// CardDAV servers refuse cards without one (nextcloud/contacts#3980), yet Google leaves it empty
// on contacts known only by an address (`FN:` with `N:;;;;`). It is rebuilt from what the card
// has, in the order a person would name the contact. vCard 3.0 also requires N: an empty one is
// added when missing.
import ICAL from 'ical.js';

function text(value: unknown): string {
  if (Array.isArray(value))
    return value
      .map(text)
      .filter((part) => part !== '')
      .join(' ');
  return typeof value === 'string' ? value.trim() : '';
}

function firstText(card: ICAL.Component, name: string): string {
  for (const property of card.getAllProperties(name)) {
    const value = text(property.jCal.slice(3));
    if (value !== '') return value;
  }
  return '';
}

/** "Mr John Richter, James Doe Sr." from `N:Doe;John;Richter\, James;Mr.;Sr.`. */
function fromStructuredName(card: ICAL.Component): string {
  const raw: unknown = card.getFirstProperty('n')?.jCal[3];
  const parts = Array.isArray(raw) ? raw.map(text) : [text(raw)];
  const [family = '', given = '', additional = '', prefix = '', suffix = ''] = parts;
  return [prefix, given, additional, family, suffix].filter((part) => part !== '').join(' ');
}

/** Where a name can come from, best first. Addresses and notes are not names: they do not count. */
const NAME_SOURCES: readonly ((card: ICAL.Component) => string)[] = [
  fromStructuredName,
  (card) => firstText(card, 'nickname'),
  (card) => firstText(card, 'org'),
  (card) => firstText(card, 'email'),
  (card) => firstText(card, 'tel'),
  (card) => firstText(card, 'url'),
];

/**
 * Makes sure the card has a non-empty FN (and, for vCard 3.0, an N); returns the name to show
 * the family, or undefined when the card holds nothing that could name a contact.
 */
export function ensureName(card: ICAL.Component): string | undefined {
  if (!card.hasProperty('n') && card.getFirstPropertyValue('version') !== '4.0') {
    card.addProperty(new ICAL.Property(['n', {}, 'text', ['', '', '', '', '']]));
  }
  const current = firstText(card, 'fn');
  if (current !== '') return current;
  for (const source of NAME_SOURCES) {
    const name = source(card);
    if (name === '') continue;
    card.removeAllProperties('fn');
    card.addPropertyWithValue('fn', name);
    return name;
  }
  return undefined;
}
