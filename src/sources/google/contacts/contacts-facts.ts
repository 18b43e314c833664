// What "What we found" says of the contacts read live, counted exactly as the archive's are
// (src/takeout/contacts-tally.ts): distinct saved people, the family's own labels (sorted as
// French readers expect, one spelling per label), starred people, and the "other contacts" that
// are not also saved. The counts come from the engine's own survey of the cards, so the scan and
// the move cannot disagree.
import type { InventoryFacts } from '../../source.ts';
import { foldText } from '../../../vcard/card-identity.ts';
import type { AddressBookSurvey } from '../../../vcard/survey-address-book.ts';
import { STARRED } from '../../../vcard/survey-address-book.ts';

export function contactsFacts(survey: AddressBookSurvey): InventoryFacts['contacts'] {
  const labels = new Map<string, string>();
  for (const label of survey.labels) {
    const key = foldText(label);
    if (key !== '' && !labels.has(key)) labels.set(key, label.normalize('NFC').trim());
  }
  const collator = new Intl.Collator('fr', { sensitivity: 'base' });
  const records = [...survey.byIdentity.values()];
  return {
    count: survey.saved,
    labels: [...labels.values()].sort((a, b) => collator.compare(a, b) || (a < b ? -1 : 1)),
    starred: records.filter((record) => record.categories.includes(STARRED)).length,
    otherContacts: survey.other,
  };
}
