// The problem list on screen (renderer/src/components/problem-list.tsx) looks a problem's words
// up with problemKeys: a file that failed with the server's `dav.conflict` reads as the server's
// refusal in the language on screen, not as its code, and not in the service's language.
import { describe, expect, it } from 'vitest';
import { problemKeys } from '../../locales/keys.ts';
import { createRendererI18n } from '../../renderer/src/i18n.ts';

const params = { url: 'https://exemple.org/remote.php/dav/files/marie/Drive/a.txt' };

describe('problem words on screen', () => {
  it('an item failed with an error code shows the error’s sentence, in French and English', () => {
    const fr = createRendererI18n('fr').t(problemKeys('dav.conflict'), {
      ...params,
      defaultValue: 'service words',
    });
    expect(fr).toBe(
      'Le serveur a refusé l’élément parce qu’un dossier ou un agenda nécessaire manque (https://exemple.org/remote.php/dav/files/marie/Drive/a.txt).',
    );
    const en = createRendererI18n('en').t(problemKeys('dav.conflict'), {
      ...params,
      defaultValue: 'service words',
    });
    expect(en).not.toBe('service words');
    expect(en).not.toContain('dav.conflict');
  });

  it('a problem with words of its own keeps them', () => {
    const t = createRendererI18n('fr').t;
    expect(t(problemKeys('files.checksum-mismatch'))).toBe(t('files:problems.checksum-mismatch'));
    expect(t(problemKeys('files.checksum-mismatch'))).not.toBe(t('files:errors.checksum-mismatch'));
  });
});
