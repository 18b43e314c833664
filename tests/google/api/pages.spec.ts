import { describe, expect, it } from 'vitest';
import { BaluchonError } from '../../../src/errors/baluchon-error.ts';
import { pages } from '../../../src/google/api/pages.ts';

describe('pages', () => {
  it('follows nextPageToken until a page has none, asking for each page only when needed', async () => {
    const asked: (string | undefined)[] = [];
    const book: Record<string, { items: number[]; nextPageToken?: string }> = {
      first: { items: [1, 2], nextPageToken: 'p2' },
      p2: { items: [3], nextPageToken: 'p3' },
      p3: { items: [] },
    };
    const seen: number[][] = [];
    for await (const items of pages((token) => {
      asked.push(token);
      return Promise.resolve(book[token ?? 'first'] ?? { items: [] });
    })) {
      seen.push([...items]);
      if (seen.length === 1) expect(asked).toEqual([undefined]);
    }
    expect(seen).toEqual([[1, 2], [3], []]);
    expect(asked).toEqual([undefined, 'p2', 'p3']);
  });

  it('a page without items (Google leaves the field out when empty) is an empty page', async () => {
    const seen: (readonly string[])[] = [];
    for await (const items of pages<string>(() => Promise.resolve({ nextPageToken: null }))) {
      seen.push(items);
    }
    expect(seen).toEqual([[]]);
  });

  it('stops with an error instead of looping when Google hands the same token twice', async () => {
    const iterate = async (): Promise<void> => {
      for await (const items of pages(() =>
        Promise.resolve({ items: [1], nextPageToken: 'again' }),
      )) {
        expect(items).toEqual([1]);
      }
    };
    await expect(iterate()).rejects.toBeInstanceOf(BaluchonError);
  });
});
