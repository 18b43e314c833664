// The renderer's page carries the CSP in a <meta> too (renderer/index.html), for any way it is
// read without our headers; it must say exactly what the header says, less what a <meta>
// policy cannot say (frame-ancestors, which browsers ignore there with a console warning).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/web/security-headers.ts';

const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');

function metaPolicies(page: string): string[] {
  const tags = page.match(/<meta\b[^>]*>/gis) ?? [];
  return tags
    .filter((tag) => /http-equiv\s*=\s*"Content-Security-Policy"/i.test(tag))
    .map((tag) => /\bcontent\s*=\s*"([^"]*)"/i.exec(tag)?.[1] ?? '');
}

describe('the renderer page’s CSP <meta>', () => {
  it('is the header’s policy, without frame-ancestors', () => {
    const expected = contentSecurityPolicy
      .split('; ')
      .filter((directive) => !directive.startsWith('frame-ancestors'));
    const policies = metaPolicies(html);
    expect(policies).toHaveLength(1);
    expect(policies[0]?.split('; ')).toEqual(expected);
  });

  it('comes before any script, so it applies to all of them', () => {
    const meta = html.search(/http-equiv\s*=\s*"Content-Security-Policy"/i);
    const script = html.search(/<script\b/i);
    expect(meta).toBeGreaterThan(-1);
    expect(script === -1 || meta < script).toBe(true);
  });
});
