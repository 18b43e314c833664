import { describe, expect, it } from 'vitest';
import { createService } from '../../src/service/create-service.ts';

const service = (locale: 'fr' | 'en' = 'en') =>
  createService({ mode: 'cli', locale, dataDir: '/nonexistent', now: () => new Date(0) });

describe('dispatch', () => {
  it('answers a known command with its value', async () => {
    const result = await service().call('appInfo', {});
    expect(result).toMatchObject({
      ok: true,
      value: { name: 'Baluchon', locale: 'en', mode: 'cli' },
    });
  });

  it('refuses an unknown command as data, in the service language', async () => {
    const result = await service('fr').call('deleteEverything', {});
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'unknown-command',
        message: 'Baluchon ne connaît pas la commande « deleteEverything ».',
        details: { name: 'deleteEverything' },
      },
    });
  });

  it('refuses input that does not match the schema, naming the field', async () => {
    const result = await service().call('setLocale', { locale: 'de' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-input');
      expect(result.error.message).toContain('locale');
    }
  });

  it('does not treat inherited object properties as commands', async () => {
    const result = await service().call('constructor', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
  });

  it('switches language for later messages', async () => {
    const s = service('en');
    await s.call('setLocale', { locale: 'fr' });
    const result = await s.call('cancelJob', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!result.ok) expect(result.error.message).toMatch(/^Baluchon a reçu/);
  });
});
