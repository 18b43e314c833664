// Paging through a People API list: every page in order, and an answer that would page forever
// (the same token again) refused instead of looping.
import { describe, expect, it } from 'vitest';
import { forEachPage } from '../../../../src/sources/google/contacts/each-page.ts';

describe('every page of a list', () => {
  it('asks for each next page with the token Google gave, until there is none', async () => {
    const asked: (string | undefined)[] = [];
    const seen: number[] = [];
    const pages = new Map<string | undefined, { items: number[]; nextPageToken?: string | null }>([
      [undefined, { items: [1, 2], nextPageToken: 'a' }],
      ['a', { items: [3], nextPageToken: 'b' }],
      ['b', { items: [4], nextPageToken: '' }],
    ]);
    await forEachPage(
      (token) => {
        asked.push(token);
        return Promise.resolve(pages.get(token) ?? { items: [] });
      },
      (page) => seen.push(...page.items),
    );
    expect(asked).toEqual([undefined, 'a', 'b']);
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it('refuses a token handed twice', async () => {
    let calls = 0;
    await expect(
      forEachPage(
        () => {
          calls += 1;
          return Promise.resolve({ nextPageToken: 'x' });
        },
        () => undefined,
      ),
    ).rejects.toMatchObject({ code: 'internal' });
    expect(calls).toBe(2);
  });
});
