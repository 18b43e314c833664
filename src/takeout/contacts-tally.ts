// Counts people across the contact files of an export. Takeout writes one .vcf per label
// (`Tous les contacts`, `Famille`, `Starred in Android`…) and the same card appears in each file
// of a label it has (TAKEOUT-NOTES §3.1); Google's cards have no UID (§3.2). So a person is
// recognised by the content of the card: unfolded lines, whatever the line ends, trailing blanks
// trimmed, and CATEGORIES left out (it is the label list, which may differ between copies).
//
// Labels: the CATEGORIES values, without Google's system groups. `myContacts` only means "saved
// in your contacts" (auto-collected "other contacts" lack it) and `starred` is the favourite
// star: neither is a label the family made, so both are left out of `labels`; the number of
// starred people and of other contacts are given apart, for the screen to say in plain words.
// A label folder adds its name as a label only when its cards carry no CATEGORIES at all (an
// export without them), it is not the file holding everyone (`All Contacts`) and it is not
// Google's own "Other Contacts" file.
//
// "Other contacts" are the people Google added by itself (someone written to once), never saved
// by the family: cards without `myContacts` in an export where other cards have it (TAKEOUT-NOTES
// §0.6, §3.1). One of them who shares an e-mail address with a saved card is that saved person
// (Google keeps both): counted once, as saved. The migration decides the same way
// (src/vcard/survey-address-book.ts).
import { createHash } from 'node:crypto';
import { parseContentLine, propertyName, splitList } from './content-line.ts';
import { ProblemTally } from './problem-tally.ts';
import type { VCardReadItem } from './vcard-cards.ts';

interface Card {
  readonly identity: string;
  readonly categories: readonly string[];
  /** Lower-cased e-mail addresses. */
  readonly emails: readonly string[];
}

/** The cards of one .vcf file. */
export class ContactsFileTally {
  readonly problems = new ProblemTally();
  readonly cards: Card[] = [];

  add(item: VCardReadItem): void {
    if (item.type === 'problem') {
      this.problems.add(item);
      return;
    }
    const hash = createHash('sha1');
    const categories: string[] = [];
    const emails: string[] = [];
    for (const line of item.lines) {
      const name = propertyName(line);
      if (name === 'CATEGORIES') {
        const colon = categoriesValueStart(line);
        if (colon >= 0) categories.push(...splitList(line.slice(colon + 1)));
        continue;
      }
      if (name === 'EMAIL') {
        const email = emailKey(parseContentLine(line)?.value ?? '');
        if (email !== '') emails.push(email);
      }
      hash.update(line.trimEnd());
      hash.update('\n');
    }
    this.cards.push({ identity: hash.digest('base64'), categories, emails });
  }
}

export interface ContactsFacts {
  readonly count: number;
  readonly labels: string[];
  readonly starred: number;
  readonly otherContacts: number;
}

const MY_CONTACTS = 1;
const STARRED = 2;
const SYSTEM_GROUPS: Record<string, number> = { mycontacts: MY_CONTACTS, starred: STARRED };

/** Google's own file of the people it added by itself, in the languages seen or likely. */
const OTHER_CONTACTS_FILES = new Set([
  'other contacts',
  'autres contacts',
  'weitere kontakte',
  'andere kontakte',
  'otros contactos',
  'altri contatti',
]);

export class ContactsBook {
  readonly #people = new Map<string, number>();
  readonly #emails = new Map<string, readonly string[]>();
  /** Labels by their folded form, keeping the first spelling seen. */
  readonly #labels = new Map<string, string>();
  readonly #files: { folderLabel: string; cards: number; categorised: number }[] = [];
  #anyMyContacts = false;

  /** `folderLabel`: the label folder's name (or the file's name when it is not in one). */
  addFile(folderLabel: string, file: ContactsFileTally): void {
    let categorised = 0;
    for (const card of file.cards) {
      let flags = this.#people.get(card.identity) ?? 0;
      if (card.categories.length > 0) categorised++;
      for (const category of card.categories) {
        const system = SYSTEM_GROUPS[fold(category)];
        if (system === undefined) this.#label(category);
        else flags |= system;
      }
      if ((flags & MY_CONTACTS) !== 0) this.#anyMyContacts = true;
      this.#people.set(card.identity, flags);
      this.#emails.set(card.identity, card.emails);
    }
    if (!OTHER_CONTACTS_FILES.has(fold(folderLabel)))
      this.#files.push({ folderLabel, cards: file.cards.length, categorised });
  }

  facts(): ContactsFacts {
    const largest = Math.max(0, ...this.#files.map((file) => file.cards));
    const everyone = this.#files.find((file) => file.cards === largest);
    for (const file of this.#files) {
      if (file !== everyone && file.cards > 0 && file.categorised === 0)
        this.#label(file.folderLabel);
    }
    // Without any `myContacts` (older exports) nobody can be told apart as "other".
    const saved = (flags: number): boolean => !this.#anyMyContacts || (flags & MY_CONTACTS) !== 0;
    const savedEmails = new Set<string>();
    for (const [identity, flags] of this.#people) {
      if (saved(flags))
        for (const email of this.#emails.get(identity) ?? []) savedEmails.add(email);
    }
    let starred = 0;
    let count = 0;
    let other = 0;
    for (const [identity, flags] of this.#people) {
      if ((flags & STARRED) !== 0) starred++;
      if (saved(flags)) count++;
      else if (!(this.#emails.get(identity) ?? []).some((email) => savedEmails.has(email))) other++;
    }
    const collator = new Intl.Collator('fr', { sensitivity: 'base' });
    return {
      count,
      labels: [...this.#labels.values()].sort((a, b) => collator.compare(a, b) || (a < b ? -1 : 1)),
      starred,
      otherContacts: other,
    };
  }

  #label(label: string): void {
    const key = fold(label);
    if (key !== '' && !this.#labels.has(key)) this.#labels.set(key, label.normalize('NFC').trim());
  }
}

/** An e-mail address as compared: unescaped, trimmed, lower-cased. */
export function emailKey(value: string): string {
  return value.replaceAll('\\', '').trim().toLowerCase();
}

function fold(text: string): string {
  return text.normalize('NFC').trim().toLowerCase();
}

/** Where the CATEGORIES value starts (its parameters, rare, may hold quoted colons). */
function categoriesValueStart(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x22) quoted = !quoted;
    else if (c === 0x3a && !quoted) return i;
  }
  return -1;
}
