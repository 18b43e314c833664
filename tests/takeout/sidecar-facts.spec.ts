import { describe, expect, it } from 'vitest';
import { readAlbumDescription, readSidecar } from '../../src/takeout/sidecar-facts.ts';

describe('readSidecar', () => {
  it('keeps the title and the dates as numbers', () => {
    const text = JSON.stringify({
      title: 'IMG_1.jpg',
      creationTime: { timestamp: '1600000000', formatted: '…' },
      photoTakenTime: { timestamp: '1551123684', formatted: '…' },
      people: [{ name: 'Léa' }],
    });
    expect(readSidecar(text)).toEqual({
      title: 'IMG_1.jpg',
      taken: 1551123684,
      created: 1600000000,
      trashed: false,
    });
  });

  it('reads 0 or a missing timestamp as no date, and tells a trashed picture', () => {
    expect(readSidecar('{"title":"a","photoTakenTime":{"timestamp":"0"},"trashed":true}')).toEqual({
      title: 'a',
      taken: null,
      created: null,
      trashed: true,
    });
  });

  it('gives null for what is not a JSON object', () => {
    expect(readSidecar('{"title":"a", "photoTakenTi')).toBeNull();
    expect(readSidecar('[1]')).toBeNull();
  });
});

describe('readAlbumDescription', () => {
  it('keeps the title and the description, an empty one as none', () => {
    expect(readAlbumDescription('{"title":"Noël","description":"","access":"protected"}')).toEqual({
      title: 'Noël',
      description: null,
    });
  });
});
