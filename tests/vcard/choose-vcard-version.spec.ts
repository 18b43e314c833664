import { describe, expect, it } from 'vitest';
import { chooseVcardVersion } from '../../src/vcard/choose-vcard-version.ts';

describe('chooseVcardVersion', () => {
  it.each([
    [undefined, '3.0'],
    [[], '3.0'],
    [
      [
        { contentType: 'text/vcard', version: '3.0' },
        { contentType: 'text/vcard', version: '4.0' },
      ],
      '3.0',
    ],
    [[{ contentType: 'TEXT/VCARD', version: '4.0' }], '4.0'],
    [[{ contentType: 'application/vcard+json', version: '4.0' }], '3.0'],
  ] as const)('%j → %s', (supported, expected) => {
    expect(chooseVcardVersion(supported)).toBe(expected);
  });
});
