// The suggested hosts in the engine's order: first those near the family (within the reach the
// engine chose: 50 km, or wider when nothing closer could take them), each marked by what is
// known of its offer; then the farther ones that offer what the family needs. Numbered as on
// the map. Nothing is called near that is not.
import { useTranslation } from 'react-i18next';
import type { FindHostsResult, HostSuggestion } from '../../../src/contract/index.ts';
import { groupByDistance } from './group-by-distance.ts';
import { HostCard } from './host-card.tsx';

export function HostList(props: {
  hosts: readonly HostSuggestion[];
  reach: FindHostsResult['reach'];
  onOpen: (hostId: string) => void;
}) {
  const { t } = useTranslation();
  const { reach } = props;
  const groups = groupByDistance(props.hosts);
  return (
    <div className="host-list">
      {reach.near === 0 ? (
        <p className="hint">{t('hosts:screen.nearNone', { km: reach.km })}</p>
      ) : null}
      {groups.map((group) => {
        const id = `hosts-${group.group}`;
        return (
          <section key={id} aria-labelledby={id}>
            <h3 id={id}>
              {group.group === 'near'
                ? t('hosts:screen.near', { km: reach.km })
                : t('hosts:screen.farther')}
            </h3>
            <p className="hint">
              {group.group === 'near'
                ? reach.widened
                  ? t('hosts:screen.nearWidened', { km: reach.km })
                  : t('hosts:screen.nearHint')
                : t('hosts:screen.fartherHint')}
            </p>
            <ol start={group.start}>
              {group.hosts.map((host, index) => (
                <HostCard
                  key={host.id}
                  number={group.start + index}
                  host={host}
                  onOpen={props.onOpen}
                />
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
