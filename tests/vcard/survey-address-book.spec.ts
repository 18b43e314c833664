import { describe, expect, it } from 'vitest';
import { surveyAddressBook } from '../../src/vcard/survey-address-book.ts';
import { cardsOfFiles, HOSTILE, SAMPLES, sourceOfCards } from './support/contacts-file.ts';

describe('surveyAddressBook', () => {
  it('counts people once across label files, and lists the family’s own labels', async () => {
    const source = sourceOfCards(
      cardsOfFiles(
        `${HOSTILE}camille-all-contacts.vcf`,
        `${HOSTILE}camille-label-file.vcf`,
        `${SAMPLES}gcontacts-issue-nc3736-custom-labels.vcf`,
        `${SAMPLES}gcontacts-ezvcard-gmail-list.vcf`,
        `${HOSTILE}broken-card.vcf`,
      ),
    );
    const survey = await surveyAddressBook(source);
    expect(survey).toMatchObject({
      cards: 7,
      distinct: 5,
      inMyContacts: 2,
      unreadable: 1,
      labels: ['Famille', 'Voisins'],
    });
    const camille = [...survey.byIdentity.values()].find((card) =>
      card.categories.includes('Voisins'),
    );
    expect(camille?.categories).toEqual(['myContacts', 'starred', 'Famille', 'Voisins']);
    expect(source.opened).toBe(1);
  });
});
