// The host the family chose on "Your new home", in a sentence or two: for the top of the
// Connect step, so the family sees where Baluchon is about to connect.
import { useTranslation } from 'react-i18next';
import { displayAddress } from './external-link.tsx';
import type { HostChoice } from './host-choice.ts';
import { ProvisioningWarningList } from './provisioning-warning-list.tsx';

export function ChosenHostSummary(props: { choice: HostChoice | null }) {
  const { t } = useTranslation();
  const { choice } = props;
  if (choice === null) return <p className="lead">{t('home.chosen.ownAccount')}</p>;
  return (
    <div className="chosen-host">
      <p className="lead">{t('home.chosen.host', { name: choice.hostName })}</p>
      {choice.serverAddress === null ? (
        <p className="hint">{t('home.chosen.noServer')}</p>
      ) : (
        <p className="hint">
          {t('home.chosen.server', { server: displayAddress(choice.serverAddress) })}
        </p>
      )}
      <ProvisioningWarningList warnings={choice.warnings} />
    </div>
  );
}
