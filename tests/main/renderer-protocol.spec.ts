import { describe, expect, it } from 'vitest';
import { rendererFileFor, rendererHandler } from '../../main/renderer-protocol.ts';
import { contentSecurityPolicy, securityHeaders } from '../../src/web/security-headers.ts';

describe('rendererFileFor', () => {
  it('maps app://baluchon/ URLs into the renderer folder', () => {
    expect(rendererFileFor('/app/renderer', 'app://baluchon/')).toBe('/app/renderer/index.html');
    expect(rendererFileFor('/app/renderer', 'app://baluchon/assets/a.js')).toBe(
      '/app/renderer/assets/a.js',
    );
  });

  it('never leaves the renderer folder', () => {
    // The URL parser already resolves encoded dot segments: the result stays inside.
    expect(rendererFileFor('/app/renderer', 'app://baluchon/%2e%2e/%2e%2e/etc/passwd')).toBe(
      '/app/renderer/etc/passwd',
    );
    expect(rendererFileFor('/app/renderer', 'app://baluchon/..%2f..%2fsecret')).toBeUndefined();
    expect(rendererFileFor('/app/renderer', 'app://other/index.html')).toBeUndefined();
    expect(rendererFileFor('/app/renderer', 'app://baluchon/a%00b')).toBeUndefined();
  });
});

describe('rendererHandler', () => {
  // Electron does not apply webRequest's header changes to custom protocols: the policy must
  // travel on the handler's own Response, whatever file (or refusal) it answers with.
  const policyOf = (response: Response): string | null =>
    response.headers.get('Content-Security-Policy');

  it('puts the security headers on every page and asset it serves', async () => {
    const fetched: string[] = [];
    const handler = rendererHandler('/app/renderer', (url) => {
      fetched.push(url);
      return Promise.resolve(
        new Response('<!doctype html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
      );
    });
    const response = await handler(new Request('app://baluchon/'));
    expect(fetched).toEqual(['file:///app/renderer/index.html']);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html>');
    expect(response.headers.get('Content-Type')).toBe('text/html');
    expect(policyOf(response)).toBe(contentSecurityPolicy);
    for (const [name, value] of Object.entries(securityHeaders)) {
      expect(response.headers.get(name)).toBe(value);
    }
  });

  it('keeps the policy when the file answer has immutable headers or a policy of its own', async () => {
    // What net.fetch gives back is a fetched Response: its headers cannot be changed in place.
    const handler = rendererHandler('/app/renderer', () => fetch('data:text/javascript,export{}'));
    const response = await handler(new Request('app://baluchon/assets/a.js'));
    expect(policyOf(response)).toBe(contentSecurityPolicy);
    expect(response.headers.get('Content-Type')).toBe('text/javascript');
    expect(await response.text()).toBe('export{}');
  });

  it('refuses what is outside the renderer folder, with the headers too', async () => {
    const handler = rendererHandler('/app/renderer', () => {
      throw new Error('must not read a file');
    });
    const response = await handler(new Request('app://other/index.html'));
    expect(response.status).toBe(404);
    expect(policyOf(response)).toBe(contentSecurityPolicy);
  });
});
