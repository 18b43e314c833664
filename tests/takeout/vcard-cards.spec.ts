import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readVCards } from '../../src/takeout/vcard-cards.ts';
import type { VCardReadItem } from '../../src/takeout/vcard-cards.ts';
import { sample } from './samples.ts';

async function items(input: Readable): Promise<VCardReadItem[]> {
  const out: VCardReadItem[] = [];
  for await (const item of readVCards(input)) out.push(item);
  return out;
}

const cards = (read: VCardReadItem[]) => read.filter((item) => item.type === 'card');
const problems = (read: VCardReadItem[]) => read.filter((item) => item.type === 'problem');

describe('readVCards', () => {
  it.each([
    ['gcontacts-ezvcard-gmail-list.vcf', 3],
    ['gcontacts-ezvcard-gmail-single.vcf', 1],
    ['gcontacts-issue-ms10217-empty-adr.vcf', 2],
    ['gcontacts-issue-nc3736-custom-labels.vcf', 1],
    ['gcontacts-issue-nc712-adr-extended.vcf', 1],
  ])('reads every card of %s, without problems', async (name, count) => {
    const read = await items(sample(name));
    expect(cards(read)).toHaveLength(count);
    expect(problems(read)).toEqual([]);
  });

  it('yields each card as its unfolded lines', async () => {
    const [card] = cards(await items(sample('gcontacts-ezvcard-gmail-single.vcf')));
    expect(card?.lines[0]).toBe('BEGIN:VCARD');
    expect(card?.lines.at(-1)).toBe('END:VCARD');
    expect(card?.lines).toContain(
      "NOTE:This is GMail's note field.\\nIt should be added as a NOTE type.\\nACustomField: CustomField",
    );
  });

  it('repairs the damaged sample whose folds lost their leading space, and says where', async () => {
    const read = await items(sample('gcontacts-cozy-google-full.vcf'));
    expect(cards(read)).toHaveLength(1);
    expect(problems(read)).toEqual([
      { type: 'problem', problem: 'repaired-line', line: 27 },
      { type: 'problem', problem: 'repaired-line', line: 78 },
    ]);
    expect(cards(read)[0]?.lines).toContain(
      'ADR;TYPE=HOME:;;678 Plain Home Address\\nAll one field 354\\nBridgeport CT 06834;;;;',
    );
  });

  it('reports a card cut short, and one that starts inside another', async () => {
    const read = await items(
      Readable.from([
        Buffer.from('BEGIN:VCARD\nFN:A\nBEGIN:VCARD\nFN:B\nEND:VCARD\nBEGIN:VCARD\nFN:C\n'),
      ]),
    );
    expect(cards(read).map((card) => card.lines[1])).toEqual(['FN:B']);
    expect(problems(read)).toEqual([
      { type: 'problem', problem: 'unterminated', line: 1 },
      { type: 'problem', problem: 'unterminated', line: 6 },
    ]);
  });
});
