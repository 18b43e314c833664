// The filters of the list (and of the map): plain checkboxes and one list of distances, each
// with its label, so they work with the keyboard and are read out as they are.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Need } from '../../../src/contract/index.ts';
import { distanceChoices } from './host-filters.ts';
import type { HostFilters } from './host-filters.ts';

export function HostFiltersForm(props: {
  filters: HostFilters;
  needs: readonly Need[];
  onChange: (filters: HostFilters) => void;
}) {
  const { filters, needs, onChange } = props;
  const { t, i18n } = useTranslation();
  const id = useId();
  const km = (value: number): string => new Intl.NumberFormat(i18n.language).format(value);
  const kinds = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
    needs.map((need) => t(`home.kinds.${need}`)),
  );
  return (
    <fieldset className="host-filters">
      <legend>{t('home.filters.legend')}</legend>
      <label>
        <input
          type="checkbox"
          checked={filters.takesMembers}
          onChange={(event) => {
            onChange({ ...filters, takesMembers: event.target.checked });
          }}
        />
        <span>{t('home.filters.takesMembers')}</span>
      </label>
      <label>
        <input
          type="checkbox"
          checked={filters.offersAll}
          onChange={(event) => {
            onChange({ ...filters, offersAll: event.target.checked });
          }}
        />
        <span>{t('home.filters.offersAll', { kinds })}</span>
      </label>
      <div className="distance-filter">
        <label htmlFor={`${id}-distance`}>{t('home.filters.distance')}</label>
        <select
          id={`${id}-distance`}
          value={filters.maxKm === null ? '' : String(filters.maxKm)}
          onChange={(event) => {
            const value = event.target.value;
            onChange({ ...filters, maxKm: value === '' ? null : Number(value) });
          }}
        >
          <option value="">{t('home.filters.anyDistance')}</option>
          {distanceChoices.map((choice) => (
            <option key={choice} value={String(choice)}>
              {t('home.filters.upTo', { km: km(choice) })}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
