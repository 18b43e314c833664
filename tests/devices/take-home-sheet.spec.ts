// The take-home sheet says the family's account (never the password), what moved, what stayed
// and why, the QR code for the phone, the computer's addresses and what to do later, in French
// and in English, with every value escaped.
import { describe, expect, it } from 'vitest';
import { takeHomeSheetBody, takeHomeSheetPage } from '../../src/devices/take-home-sheet.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { TEST_PASSWORD, familyReport } from './support/family-report.ts';

const now = new Date('2026-12-03T10:00:00Z');

describe('the take-home sheet', () => {
  it('says the account, the verified counts, what stayed, in French', () => {
    const body = takeHomeSheetBody(familyReport(), { t: createI18n('fr').t, language: 'fr', now });
    expect(body).toContain('Identifiant : camille.dupont');
    expect(body).toContain('Événements d’agenda : 412 sur 412');
    expect(body).toContain('Contacts : 187 sur 187');
    expect(body).toContain('Fichiers : 13 sur 16');
    expect(body).toContain('3 décembre 2026');
    expect(body).toContain('davx5://camille.dupont@cloud.exemple.org/remote.php/dav/');
    expect(body).toContain('<svg');
    expect(body).toContain('myaccount.google.com/delete-services-or-account');
    expect(body).not.toContain(TEST_PASSWORD);
  });

  it('speaks English for an English family and names the host when known', () => {
    const page = takeHomeSheetPage(familyReport(), {
      t: createI18n('en').t,
      language: 'en',
      now,
      host: { name: 'Le Chaton du coin', contact: 'bonjour@chaton.example' },
    });
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('Host: Le Chaton du coin');
    expect(page).toContain('A question? Your host: bonjour@chaton.example');
    expect(page).toContain('@page');
  });

  it('escapes what came from elsewhere (a user name, a host name)', () => {
    const body = takeHomeSheetBody(familyReport({ account: '<img src=x onerror=alert(1)>' }), {
      t: createI18n('en').t,
      language: 'en',
      now,
      host: { name: '"><script>', contact: null },
    });
    expect(body).not.toContain('<img src=x');
    expect(body).not.toContain('<script>');
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('the take-home sheet after a move from another host', () => {
  it('speaks of that host, not of Google', () => {
    const body = takeHomeSheetBody(
      familyReport({ source: { kind: 'dav', name: 'https://ancien.example.org/ (anne)' } }),
      { t: createI18n('fr').t, language: 'fr', now },
    );
    expect(body).toContain('fermez votre compte chez votre ancien hébergeur');
    expect(body).not.toContain('myaccount.google.com');
  });
});

describe('the take-home sheet after signing in with Google', () => {
  it('also names Google’s page to take back the access given to Baluchon', () => {
    const body = takeHomeSheetBody(
      familyReport({ source: { kind: 'google', name: 'Google (camille.dupont@gmail.com)' } }),
      { t: createI18n('en').t, language: 'en', now },
    );
    expect(body).toContain('myaccount.google.com/connections');
  });
});
