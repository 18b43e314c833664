// The warnings about the host's provisioning file, shown with the host (the file's summary, and
// again at the top of Connect) so the family can check with its host before going on.
import { useTranslation } from 'react-i18next';
import type { ProvisioningWarning } from '../../../src/contract/index.ts';
import { provisioningWarningWords } from './provisioning-warnings.ts';

export function ProvisioningWarningList(props: { warnings: readonly ProvisioningWarning[] }) {
  const { t, i18n } = useTranslation();
  if (props.warnings.length === 0) return null;
  const list = (items: readonly string[]): string =>
    new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(items);
  return (
    <ul className="provisioning-warnings">
      {props.warnings.map((warning) => {
        const words = provisioningWarningWords(warning, list);
        return (
          <li key={warning.kind} className="tone-warn">
            {t(words.key, words.params)}
          </li>
        );
      })}
    </ul>
  );
}
