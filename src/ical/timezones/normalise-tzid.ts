// Google keeps the TZID of imported events as they came: `Europe/lisbon` (lower case), legacy
// aliases (`US/Central`, `Europe/Kiev`), vendor prefixes from old Evolution/Mozilla exports
// (`/mozilla.org/20050126_1/Europe/Paris`). We send one well-known IANA name per zone so that
// every client recognises it, whatever its own time zone database.

/**
 * Names ICU (and so `Intl`) still treats as canonical although IANA renamed them. CLDR keeps old
 * identifiers for stability; the IANA `backward` file lists these as renames. Merged zones
 * (Europe/Bratislava → Europe/Prague and the like) are deliberately absent: those names are
 * where people live and stay valid. Checked against tzdata 2025b and ICU 78 (Node 20).
 */
const RENAMED: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
  // ICU answers `UTC` for Etc/UTC, Etc/GMT, GMT, Zulu…; IANA's zone is Etc/UTC.
  UTC: 'Etc/UTC',
};

function icuCanonical(name: string): string | undefined {
  if (!/^[A-Za-z0-9_+\-/]+$/.test(name)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

const cache = new Map<string, string | null>();

/**
 * The IANA name for a TZID as written in a file, or `undefined` when the runtime knows no such
 * zone (Windows names such as `W. Europe Standard Time`, custom zones): the caller then keeps the
 * file's own VTIMEZONE.
 */
export function normaliseTzid(raw: string): string | undefined {
  const cached = cache.get(raw);
  if (cached !== undefined) return cached ?? undefined;
  const result = resolve(raw);
  cache.set(raw, result ?? null);
  return result;
}

function resolve(raw: string): string | undefined {
  const trimmed = raw.trim().replace(/^"(.*)"$/, '$1');
  // `/mozilla.org/20050126_1/Europe/Paris`, `/freeassociation.sourceforge.net/Tzfile/Europe/Paris`:
  // try the full name first, then ever shorter tails.
  const segments = trimmed.split('/').filter((segment) => segment !== '');
  for (let start = 0; start < segments.length; start += 1) {
    const canonical = icuCanonical(segments.slice(start).join('/'));
    if (canonical !== undefined) return RENAMED[canonical] ?? canonical;
  }
  return undefined;
}
