// Every catalogue, in both languages. An area adds its namespace here, in both languages at once;
// tests/locales/catalogues.spec.ts fails when the two languages do not have the same keys.
import enCli from './en/cli.json' with { type: 'json' };
import enCommon from './en/common.json' with { type: 'json' };
import enConnect from './en/connect.json' with { type: 'json' };
import enDav from './en/dav.json' with { type: 'json' };
import enDevices from './en/devices.json' with { type: 'json' };
import enFiles from './en/files.json' with { type: 'json' };
import enGoogle from './en/google.json' with { type: 'json' };
import enItems from './en/items.json' with { type: 'json' };
import enJournal from './en/journal.json' with { type: 'json' };
import enMigration from './en/migration.json' with { type: 'json' };
import enNotes from './en/notes.json' with { type: 'json' };
import enPhotos from './en/photos.json' with { type: 'json' };
import enHosts from './en/hosts.json' with { type: 'json' };
import enSource from './en/source.json' with { type: 'json' };
import enTakeout from './en/takeout.json' with { type: 'json' };
import enWizard from './en/wizard.json' with { type: 'json' };
import frCli from './fr/cli.json' with { type: 'json' };
import frCommon from './fr/common.json' with { type: 'json' };
import frConnect from './fr/connect.json' with { type: 'json' };
import frDav from './fr/dav.json' with { type: 'json' };
import frDevices from './fr/devices.json' with { type: 'json' };
import frFiles from './fr/files.json' with { type: 'json' };
import frGoogle from './fr/google.json' with { type: 'json' };
import frItems from './fr/items.json' with { type: 'json' };
import frJournal from './fr/journal.json' with { type: 'json' };
import frMigration from './fr/migration.json' with { type: 'json' };
import frNotes from './fr/notes.json' with { type: 'json' };
import frPhotos from './fr/photos.json' with { type: 'json' };
import frHosts from './fr/hosts.json' with { type: 'json' };
import frSource from './fr/source.json' with { type: 'json' };
import frTakeout from './fr/takeout.json' with { type: 'json' };
import frWizard from './fr/wizard.json' with { type: 'json' };

export const resources = {
  en: {
    common: enCommon,
    cli: enCli,
    connect: enConnect,
    dav: enDav,
    devices: enDevices,
    files: enFiles,
    google: enGoogle,
    items: enItems,
    journal: enJournal,
    migration: enMigration,
    notes: enNotes,
    photos: enPhotos,
    hosts: enHosts,
    source: enSource,
    takeout: enTakeout,
    wizard: enWizard,
  },
  fr: {
    common: frCommon,
    cli: frCli,
    connect: frConnect,
    dav: frDav,
    devices: frDevices,
    files: frFiles,
    google: frGoogle,
    items: frItems,
    journal: frJournal,
    migration: frMigration,
    notes: frNotes,
    photos: frPhotos,
    hosts: frHosts,
    source: frSource,
    takeout: frTakeout,
    wizard: frWizard,
  },
} as const;

export type Language = keyof typeof resources;
export type Namespace = keyof (typeof resources)['en'];
export const namespaces = Object.keys(resources.en) as Namespace[];
export const languages = Object.keys(resources) as Language[];
