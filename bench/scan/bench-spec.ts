// The export the benchmark scans: a large but ordinary family's Takeout. Sizes are drawn from a
// seeded generator, so every run builds the same archive shape:
// - calendars: 50,000 events (distinct UIDs) in 6 calendars — 80 % one-off, 15 % weekly series
//   each with 2 cancelled and 2 moved instances, 4 % moved instances without their series,
//   plus Google's birthdays (500) and holidays (500); ~60 MB of iCalendar;
// - contacts: 5,000 people, 30 % with one or two of 5 labels, 5 % starred, 10 % collected by
//   Google ("other contacts"): one .vcf per label, as Takeout writes them;
// - tasks: 3 lists of 100;
// - Drive: 20,000 files, 1.8 GB: letters, spreadsheets and notes of 1–20 kB, presentations of
//   20–150 kB, PDFs of 1–150 kB, photos of 20–150 kB, short videos of 0.15–2 MB, and 3 % of the
//   PDFs and photos larger (0.15–2 MB scans); 20 % are office documents (DOCX, XLSX, PPTX, ODT,
//   ODS); 50 Google pointer files (forms, shortcuts…);
// - and a little Gmail (20 MB), Photos (300 pictures) and Keep (100 notes) to be listed.
import type {
  DriveFileSpec,
  EventSpec,
  TakeoutSpec,
} from '../../tests/fixtures/takeout/takeout-spec.ts';

export const BENCH_COUNTS = { events: 50_000, people: 5_000, files: 20_000 } as const;

/** mulberry32: a tiny, good-enough seeded generator (sizes only; contents are random bytes). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function familyEvents(count: number, random: () => number): EventSpec[] {
  return Array.from({ length: count }, (): EventSpec => {
    const r = random();
    if (r < 0.8) return { kind: 'single' };
    if (r < 0.95) return { kind: 'series', exdates: 2, overrides: 2 };
    if (r < 0.99) return { kind: 'orphan', instances: 2 };
    return { kind: 'single' };
  });
}

export function benchSpec(): TakeoutSpec {
  const random = seeded(20250314);
  const between = (min: number, max: number): number => Math.floor(min + random() * (max - min));
  const labels = ['Famille', 'École', 'Travail', 'Voisins', 'Club de foot'];
  const people = Array.from({ length: BENCH_COUNTS.people }, (_v, i) => {
    const r = random();
    const labelled = r < 0.3;
    return {
      name: `Personne${i} Nom${i % 997}`,
      labels: labelled
        ? [labels[i % 5] as string, ...(r < 0.1 ? [labels[(i + 2) % 5] as string] : [])]
        : [],
      starred: random() < 0.05,
      myContacts: random() >= 0.1,
    };
  });
  const kinds: [string, number, number, number][] = [
    // extension, share, min size, max size (bytes)
    ['docx', 0.07, 1_000, 20_000],
    ['xlsx', 0.05, 1_000, 20_000],
    ['odt', 0.03, 1_000, 20_000],
    ['ods', 0.02, 1_000, 20_000],
    ['pptx', 0.03, 20_000, 150_000],
    ['txt', 0.1, 1_000, 20_000],
    ['csv', 0.05, 1_000, 20_000],
    ['md', 0.05, 1_000, 20_000],
    ['pdf', 0.2, 1_000, 150_000],
    ['jpg', 0.38, 20_000, 150_000],
    ['mp4', 0.02, 150_000, 2_000_000],
  ];
  const drive: DriveFileSpec[] = [];
  const pointers = ['gform', 'glink', 'gsite', 'gmap', 'gdoc'];
  for (let i = 0; i < 50; i++)
    drive.push({ path: `Partagé/Lien ${i}.${pointers[i % 5] ?? 'gdoc'}`, size: 0 });
  while (drive.length < BENCH_COUNTS.files + 50) {
    const i = drive.length;
    let r = random();
    let kind = kinds[kinds.length - 1] as [string, number, number, number];
    for (const candidate of kinds) {
      if (r < candidate[1]) {
        kind = candidate;
        break;
      }
      r -= candidate[1];
    }
    const [extension, , min, max] = kind;
    // A few larger scans and pictures among the PDFs and photos (the 2 % "large" files).
    const large = (extension === 'pdf' || extension === 'jpg') && random() < 0.03;
    const size = large ? between(150_000, 2_000_000) : between(min, max);
    drive.push({ path: `Dossier ${i % 40}/Sous-dossier ${i % 7}/Fichier ${i}.${extension}`, size });
  }
  const calendars = [
    { file: 'Famille', name: 'Famille', events: familyEvents(20_000, random) },
    { file: 'Travail', name: 'Travail', events: familyEvents(15_000, random) },
    {
      file: 'camille.dupont@gmail.com',
      name: 'camille.dupont@gmail.com',
      events: familyEvents(9_000, random),
    },
    { file: 'Sport', name: 'Sport', events: familyEvents(5_000, random) },
    {
      file: 'Anniversaires',
      name: 'Anniversaires',
      events: Array.from({ length: 500 }, (): EventSpec => ({ kind: 'birthday' })),
    },
    {
      file: 'Jours fériés',
      name: 'Jours fériés en France',
      events: Array.from({ length: 500 }, (): EventSpec => ({ kind: 'holiday' })),
    },
  ];
  return {
    language: 'fr',
    calendars,
    people,
    taskLists: ['Courses', 'Maison', 'École'].map((title) => ({
      title,
      tasks: Array.from({ length: 100 }, (_v, i) => ({
        title: `${title} ${i}`,
        completed: i % 3 === 0,
      })),
    })),
    drive,
    mailBytes: 20_000_000,
    photos: 300,
    keepNotes: 100,
    activity: true,
  };
}
