// The suggested hosts in the engine's order, under a heading per kind of suggestion (offers
// everything, part of it, to check, not taking new accounts), numbered as on the map.
import { useTranslation } from 'react-i18next';
import type { HostSuggestion } from '../../../src/contract/index.ts';
import { groupByTier } from './group-by-tier.ts';
import { HostCard } from './host-card.tsx';

type Tier = HostSuggestion['tier'];

const tierKey: Readonly<Record<Tier, string>> = {
  suitable: 'home.tiers.suitable',
  partial: 'home.tiers.partial',
  'to-check': 'home.tiers.toCheck',
  closed: 'home.tiers.closed',
};

export function HostList(props: {
  hosts: readonly HostSuggestion[];
  onOpen: (hostId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="host-list">
      {groupByTier(props.hosts).map((group) => (
        <section
          key={`${group.tier}-${group.start}`}
          aria-labelledby={`tier-${group.tier}-${group.start}`}
        >
          <h3 id={`tier-${group.tier}-${group.start}`}>{t(tierKey[group.tier])}</h3>
          <p className="hint">{t(`${tierKey[group.tier]}Hint`)}</p>
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
      ))}
    </div>
  );
}
