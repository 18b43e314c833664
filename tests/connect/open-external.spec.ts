import { describe, expect, it } from 'vitest';
import { openInSystemBrowser } from '../../src/connect/open-external.ts';

describe('openInSystemBrowser', () => {
  it.each([
    'http://cloud.example.org/login',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'not a url',
  ])('never hands %s to the system', async (url) => {
    await expect(openInSystemBrowser(url, 'linux')).rejects.toMatchObject({
      code: 'connect.no-browser',
    });
  });
});
