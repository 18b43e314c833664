// The Google products a family can tick for the live way, and the read-only scopes each one asks
// for. Only what the family ticked is asked: Google's consent screen then lists exactly that.
// `openid email` name the account signed in to ("camille.dupont@gmail.com"); they give no data.

export type GoogleProduct = 'calendar' | 'contacts' | 'other-contacts' | 'tasks' | 'drive';

export const GOOGLE_PRODUCTS: readonly GoogleProduct[] = [
  'calendar',
  'contacts',
  'other-contacts',
  'tasks',
  'drive',
];

const SCOPE_OF: Readonly<Record<GoogleProduct, string>> = {
  calendar: 'https://www.googleapis.com/auth/calendar.readonly',
  contacts: 'https://www.googleapis.com/auth/contacts.readonly',
  'other-contacts': 'https://www.googleapis.com/auth/contacts.other.readonly',
  tasks: 'https://www.googleapis.com/auth/tasks.readonly',
  drive: 'https://www.googleapis.com/auth/drive.readonly',
};

export const IDENTITY_SCOPES: readonly string[] = ['openid', 'email'];

/** The scopes to ask for these products, identity first, each once, in a stable order. */
export function scopesFor(products: readonly GoogleProduct[]): string[] {
  const wanted = new Set(products);
  return [
    ...IDENTITY_SCOPES,
    ...GOOGLE_PRODUCTS.filter((product) => wanted.has(product)).map((p) => SCOPE_OF[p]),
  ];
}

/** The products a granted scope list covers (Google lets the family untick some on consent). */
export function productsGranted(scopes: readonly string[]): GoogleProduct[] {
  const granted = new Set(scopes);
  return GOOGLE_PRODUCTS.filter((product) => granted.has(SCOPE_OF[product]));
}
