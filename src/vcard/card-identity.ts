// Who a card is. Two notions:
//   - its identity: the card itself, as Google wrote it, without CATEGORIES. The same person
//     appears once in "All Contacts" and again in each label's file, identical but for the
//     labels: one identity = one card, labels merged. Two different identities are never merged.
//   - its person key: what stays when details change — the name (N, else FN), else the first
//     e-mail, else the first phone number, else the organisation. The UID is derived from it, so
//     a newer export where the phone number changed finds the same contact again.
import ICAL from 'ical.js';
import { sha256Hex } from '../ical/resource-name.ts';

export interface PersonKey {
  readonly kind: 'name' | 'email' | 'phone' | 'org' | 'content';
  readonly value: string;
}

/** Lower case, accents and spacing folded: "  Zoë  MARTIN " and "zoe martin" are one name. */
export function foldText(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

function texts(card: ICAL.Component, name: string): string[] {
  return card
    .getAllProperties(name)
    .flatMap((property) => property.getValues() as unknown[])
    .flatMap((value) => (Array.isArray(value) ? (value as unknown[]) : [value]))
    .map((value) => (typeof value === 'string' ? value : ''))
    .filter((value) => value.trim() !== '');
}

function firstStructured(card: ICAL.Component, name: string): string[] {
  const raw: unknown = card.getFirstProperty(name)?.jCal[3];
  if (Array.isArray(raw))
    return raw.map((part) => (Array.isArray(part) ? part.join(' ') : String(part)));
  return typeof raw === 'string' ? [raw] : [];
}

export function phoneDigits(value: string): string {
  const trimmed = value.trim();
  return (trimmed.startsWith('+') ? '+' : '') + trimmed.replace(/\D/g, '');
}

/** The card serialised without the named properties (a shallow copy: nothing is changed). */
export function textWithout(card: ICAL.Component, names: readonly string[]): string {
  const [name, properties, components] = card.jCal as [string, unknown[][], unknown[]];
  const kept = properties.filter((property) => !names.includes(String(property[0])));
  return ICAL.stringify([name, kept, components]);
}

export function identityOf(card: ICAL.Component): string {
  return sha256Hex(textWithout(card, ['categories']));
}

export function personKeyOf(card: ICAL.Component, identity: string): PersonKey {
  const name = firstStructured(card, 'n').map(foldText);
  if (name.some((part) => part !== '')) return { kind: 'name', value: name.join('\u001f') };
  const fullName = foldText(texts(card, 'fn')[0] ?? '');
  if (fullName !== '') return { kind: 'name', value: fullName };
  const email = texts(card, 'email')[0]?.trim().toLowerCase();
  if (email) return { kind: 'email', value: email };
  const phone = phoneDigits(texts(card, 'tel')[0] ?? '');
  if (phone.replace('+', '') !== '') return { kind: 'phone', value: phone };
  const org = foldText(firstStructured(card, 'org').join(' '));
  if (org !== '') return { kind: 'org', value: org };
  return { kind: 'content', value: identity };
}

/** What tells apart two cards with the same person key (two "Jean Martin"). */
export function discriminatorOf(card: ICAL.Component): string {
  const email = texts(card, 'email')[0]?.trim().toLowerCase();
  if (email) return `email:${email}`;
  const phone = phoneDigits(texts(card, 'tel')[0] ?? '');
  if (phone.replace('+', '') !== '') return `phone:${phone}`;
  const org = foldText(firstStructured(card, 'org').join(' '));
  return org === '' ? '' : `org:${org}`;
}

export function categoriesOf(card: ICAL.Component): string[] {
  return texts(card, 'categories').map((value) => value.trim());
}
