import { noNotes, noPhotos } from '../../src/contract/scan.ts';
import { describe, expect, it } from 'vitest';
import { formatScanSummary, formatSize } from '../../src/cli/commands/scan-summary.ts';
import type { ScanReport } from '../../src/contract/index.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';

const report: ScanReport = {
  missingParts: ['takeout-2.zip'],
  archives: [
    { path: '/dl/takeout-1.zip', name: 'takeout-1.zip', format: 'zip', entries: 10, bytes: 1000 },
  ],
  calendars: [
    { key: 'Agenda/Famille.ics', name: 'Famille', color: null, events: 1234, generated: null },
    {
      key: 'Agenda/F.ics',
      name: 'Jours fériés en France',
      color: null,
      events: 11,
      generated: 'holidays',
    },
  ],
  contacts: { count: 512, labels: ['École', 'Famille'], starred: 12, otherContacts: 3 },
  tasks: { count: 6, lists: [{ title: 'Courses', count: 6 }], cleared: 4 },
  files: {
    folder: 'Drive',
    count: 1500,
    bytes: 3_456_000_000,
    documents: { count: 3, byFormat: { xlsx: 1, docx: 2 } },
    cannotMove: [{ where: 'Drive/S.gform', kind: 'form', reason: 'R.' }],
  },
  photos: noPhotos,
  notes: noNotes,
  others: [{ product: 'mail', folder: 'Mail', entries: 1, bytes: 2_100_000_000 }],
  problems: [{ code: 'takeout.x', where: 'Agenda/x.ics', reason: 'Abîmé.' }],
};

const takeout = { kind: 'takeout' } as const;

describe('formatScanSummary', () => {
  it('says it all in French', () => {
    expect(formatScanSummary(report, createI18n('fr').t, 'fr', takeout)).toBe(
      [
        'Lu : takeout-1.zip',
        'Il semble manquer une partie (takeout-2.zip). Ajoutez-la si vous l’avez ; sinon, ce qu’elle contient ne sera pas déménagé.',
        'Agendas (nombre d’évènements) :',
        '  • Famille : 1\u202f234',
        '  • Jours fériés en France : 11 — jours fériés, créés par Google : pas copiés comme évènements, vous pourrez vous y abonner',
        'Contacts (personnes) : 512',
        '  • Étiquettes : École, Famille',
        '  • Favoris : 12',
        'Autres contacts : Google a ajouté de lui-même 3 personnes à qui vous avez écrit un jour ; vous ne les avez jamais enregistrées. Elles sont laissées de côté ; pour les déménager aussi, ajoutez --with-other-contacts à la commande migrate.',
        'Tâches : 6',
        '  • Courses : 6',
        '  • Dont des tâches terminées que vous aviez effacées de vos listes (elles sont déménagées comme tâches terminées) : 4',
        'Fichiers (dossier « Drive ») : 1\u202f500, 3,5 Go',
        '  • Documents bureautiques, y compris ceux que Google a convertis : 3 (DOCX 2, XLSX 1)',
        '  • Ne peuvent pas être déménagés : 1',
        '    • Drive/S.gform : R.',
        'Pas déménagé par Baluchon :',
        '  • Gmail (vos e-mails), dossier « Mail » : 2,1 Go',
        'Problèmes : 1',
        '  • Agenda/x.ics : Abîmé.',
        '',
      ].join('\n'),
    );
  });

  it('says it in English, with English numbers', () => {
    const text = formatScanSummary(report, createI18n('en').t, 'en', takeout);
    expect(text).toContain('  • Famille: 1,234\n');
    expect(text).toContain('Files (folder “Drive”): 1,500, 3.5 GB\n');
    expect(text).toContain('  • Gmail (your e-mails), folder “Mail”: 2.1 GB\n');
    expect(text).toContain(
      'A part seems to be missing (takeout-2.zip). Add it if you have it; otherwise what it holds will not move.\n',
    );
    expect(text).toContain(
      'Other contacts: Google added by itself 3 people you once wrote to; you never saved them. They are left out; to move them too, add --with-other-contacts to the migrate command.\n',
    );
  });

  it('says when there is no Drive and no problem', () => {
    const empty: ScanReport = {
      ...report,
      calendars: [],
      files: {
        folder: null,
        count: 0,
        bytes: 0,
        documents: { count: 0, byFormat: {} },
        cannotMove: [],
      },
      photos: noPhotos,
      notes: noNotes,
      others: [],
      problems: [],
      missingParts: [],
      contacts: { ...report.contacts, otherContacts: 0 },
    };
    const text = formatScanSummary(empty, createI18n('en').t, 'en', takeout);
    expect(text).not.toContain('missing');
    expect(text).not.toContain('Other contacts');
    expect(text).toContain('Calendars: none found\n');
    expect(text).toContain('Files: no Drive folder found\n');
    expect(text).toContain('No problems.\n');
  });
});

describe('formatScanSummary of another host’s account', () => {
  const fromHost = { kind: 'dav', name: 'https://old.example.org/ (camille)' } as const;
  const account: ScanReport = {
    ...report,
    archives: [],
    missingParts: [],
    calendars: [],
    contacts: { ...report.contacts, otherContacts: 0 },
    files: {
      folder: null,
      count: 0,
      bytes: 0,
      documents: { count: 0, byFormat: {} },
      cannotMove: [],
    },
    photos: noPhotos,
    notes: noNotes,
    others: [],
    problems: [],
  };

  it('names the account it read, and no Drive folder', () => {
    const fr = formatScanSummary(account, createI18n('fr').t, 'fr', fromHost);
    expect(fr).toContain('Lu : https://old.example.org/ (camille)\n');
    expect(fr).toContain('Fichiers : aucun espace de fichiers trouvé chez cet hébergeur\n');
    const en = formatScanSummary(account, createI18n('en').t, 'en', fromHost);
    expect(en).toContain('Read: https://old.example.org/ (camille)\n');
    expect(en).toContain('Files: no files space found at this host\n');
    for (const text of [fr, en]) expect(text).not.toMatch(/Google|Drive/);
  });

  it('counts office documents without saying Google converted them', () => {
    const withFiles: ScanReport = {
      ...account,
      files: { ...report.files, folder: 'Documents', cannotMove: [] },
    };
    const fr = formatScanSummary(withFiles, createI18n('fr').t, 'fr', fromHost);
    expect(fr).toContain('  • Documents bureautiques : 3 (DOCX 2, XLSX 1)\n');
    expect(fr).not.toContain('Google');
  });
});

describe('formatSize', () => {
  it.each([
    [999, 'en', '999 bytes'],
    [12_345, 'en', '12 kB'],
    [1_500_000, 'fr', '1,5 Mo'],
    [25_000_000, 'fr', '25 Mo'],
    [1_234_000_000, 'en', '1.2 GB'],
  ] as const)('%d (%s) → %s', (bytes, locale, text) => {
    expect(formatSize(bytes, createI18n(locale).t, locale)).toBe(text);
  });
});
