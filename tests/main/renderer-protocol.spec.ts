import { describe, expect, it } from 'vitest';
import { rendererFileFor } from '../../main/renderer-protocol.ts';

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
