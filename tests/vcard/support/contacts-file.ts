// Test stand-in for the Takeout reader: every vCard of one or more .vcf files, as raw text.
import { readFileSync } from 'node:fs';
import type { ContactsSource } from '../../../src/vcard/survey-address-book.ts';

export const SAMPLES = new URL('../../fixtures/items/google-samples/', import.meta.url).pathname;
export const HOSTILE = new URL('../../fixtures/items/vcard/', import.meta.url).pathname;

/** Splits on BEGIN:VCARD; the last card may lack its final line break (gmail-list.vcf). */
export function splitCards(text: string): string[] {
  return text.split(/(?=^BEGIN:VCARD\r?$)/im).filter((card) => card.trim() !== '');
}

export function sourceOfCards(
  cards: readonly string[],
  key = 'Contacts',
): ContactsSource & { opened: number } {
  const source = {
    key,
    opened: 0,
    async *open() {
      source.opened += 1;
      for (const card of cards) {
        await Promise.resolve();
        yield card;
      }
    },
  };
  return source;
}

export function cardsOfFiles(...paths: string[]): string[] {
  return paths.flatMap((path) => splitCards(readFileSync(path, 'utf8')));
}
