// What Google writes that only makes sense inside Google (TAKEOUT-NOTES §2.7). Everything else,
// foreign X- properties included (X-MICROSOFT-CDO-*, X-APPLE-STRUCTURED-LOCATION…), stays verbatim.
//   - `CATEGORIES:http://schemas.google.com/g/2005#event`: a Google data-API type tag, shown by
//     clients as a category named like a URL. Removed (other categories stay).
//   - `X-GOOGLE-CALENDAR-CONTENT-*`: "event chip" decorations pointing at Google images. Removed.
//   - `ATTACH:?view=att&th=…`: a Gmail attachment, as a URL relative to Gmail; it resolves nowhere
//     else. Removed and reported with its file name: the file stays in the family's Gmail.
//     Absolute links (Drive documents) still open while the Google account exists: kept.
//   - `X-GOOGLE-CONFERENCE`: the Meet link. Kept, and copied into DESCRIPTION when the description
//     does not already carry it, because no other client reads Google's property.
import type ICAL from 'ical.js';
import { parameterOf } from './ical-values.ts';

const GOOGLE_EVENT_CATEGORY = 'http://schemas.google.com/g/2005#event';
const ABSOLUTE_URI = /^[a-z][a-z0-9+.-]*:/i;

export interface NoiseResult {
  /** File names (or the link, when unnamed) of Gmail attachments removed. */
  readonly attachmentsLeft: readonly string[];
}

function removeGoogleCategory(component: ICAL.Component): void {
  for (const categories of component.getAllProperties('categories')) {
    const values = categories.getValues().filter((value) => value !== GOOGLE_EVENT_CATEGORY);
    if (values.length === 0) component.removeProperty(categories);
    else categories.setValues(values);
  }
}

function removeGmailAttachments(component: ICAL.Component): string[] {
  const left: string[] = [];
  for (const attach of component.getAllProperties('attach')) {
    const inline = /^base64$/i.test(parameterOf(attach, 'encoding') ?? '');
    const value = String(attach.getFirstValue() ?? '');
    if (inline || ABSOLUTE_URI.test(value)) continue;
    const filename = parameterOf(attach, 'filename');
    left.push(filename !== undefined && filename !== '' ? filename : value);
    component.removeProperty(attach);
  }
  return left;
}

function showConferenceLink(component: ICAL.Component): void {
  const link = component.getFirstPropertyValue('x-google-conference');
  if (typeof link !== 'string' || !ABSOLUTE_URI.test(link)) return;
  const description = component.getFirstPropertyValue('description');
  const text = typeof description === 'string' ? description : '';
  if (text.includes(link)) return;
  component.updatePropertyWithValue('description', text === '' ? link : `${text}\n\n${link}`);
}

/** Applies to one VEVENT, VTODO or VJOURNAL, in place. */
export function removeGoogleNoise(component: ICAL.Component): NoiseResult {
  removeGoogleCategory(component);
  // A copy: without a name, ical.js returns its live list, which removal would shift.
  for (const property of [...component.getAllProperties()]) {
    if (property.name.startsWith('x-google-calendar-content-')) component.removeProperty(property);
  }
  const attachmentsLeft = removeGmailAttachments(component);
  showConferenceLink(component);
  return { attachmentsLeft };
}
