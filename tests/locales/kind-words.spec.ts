// Every kind a move carries has its words wherever a report names kinds: the table's row, what
// stayed and why (for each reason), and the take-home sheet — in French and in English. The
// keys are built from the kind's name, so the catalogue check alone would not see a missing one.
import { describe, expect, it } from 'vitest';
import { LeftReason, migrationKinds } from '../../src/contract/migrate.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';

describe.each(['fr', 'en'] as const)('the words of each kind in %s', (language) => {
  const { t, exists } = createI18n(language);
  it.each([...migrationKinds])('%s', (kind) => {
    const keys = [
      `migration:report.kind.${kind}`,
      `devices:sheet.moved.${kind}`,
      `migration:left.what.${kind}`,
      ...LeftReason.options.map((reason) => `migration:left.${kind}.${reason}`),
    ];
    for (const key of keys) {
      expect(exists(key, { count: 2 }) || exists(key), key).toBe(true);
      expect(t(key, { count: 2, what: 'x', formatted: '2' }), key).not.toBe(key.split(':')[1]);
    }
  });
});
