// Reading a Person as the People API sent it, without trusting its shape: the @googleapis types
// say what Google documents, but the JSON is only data. A field that is not what the API
// documents (a list that is not a list, a name that is not text) makes the person unusable as a
// whole, so it is named in a problem instead of becoming a half-read card.
import type { people_v1 } from '@googleapis/people';

/** The person's data does not have the documented shape; `field` says where. */
export class PersonShapeError extends Error {
  constructor(readonly field: string) {
    super(`unexpected value in ${field}`);
    this.name = 'PersonShapeError';
  }
}

/** The entries of a repeated field (absent: none); each must be an object. */
export function entries<T extends object>(value: T[] | null | undefined, field: string): T[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new PersonShapeError(field);
  for (const entry of value as unknown[]) {
    if (typeof entry !== 'object' || entry === null) throw new PersonShapeError(field);
  }
  return value;
}

/** A text field, '' when absent. */
export function text(value: unknown, field: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new PersonShapeError(field);
  return value;
}

/** The entry Google marks primary, else the first one. */
export function primary<T extends { metadata?: people_v1.Schema$FieldMetadata }>(
  list: readonly T[],
): T | undefined {
  return list.find((entry) => entry.metadata?.primary === true) ?? list[0];
}

function whole(value: unknown, field: string): number {
  if (value === undefined || value === null) return 0;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new PersonShapeError(field);
  return value;
}

/**
 * A People API date as the exporter writes it: `1961-04-05`, or `--0405` without a year (the
 * API's year 0 or absent, TAKEOUT-NOTES §6.3; RFC 2426 §3.1.5 takes ISO 8601's `--MMDD`).
 * Undefined when Google holds no month and day (a year alone cannot be a vCard date).
 */
export function dateValue(
  date: people_v1.Schema$Date | undefined,
  field: string,
): string | undefined {
  const raw: unknown = date;
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'object') throw new PersonShapeError(field);
  const parts = raw as people_v1.Schema$Date;
  const year = whole(parts.year, field);
  const month = whole(parts.month, field);
  const day = whole(parts.day, field);
  if (month === 0 || day === 0) return undefined;
  if (month > 12 || day > 31 || year < 0 || year > 9999) throw new PersonShapeError(field);
  const mmdd = `${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  return year === 0
    ? `--${mmdd}`
    : `${String(year).padStart(4, '0')}-${mmdd.slice(0, 2)}-${mmdd.slice(2)}`;
}
