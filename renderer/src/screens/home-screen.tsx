// Step 4, "Your new home": the family types a postcode or a town; Baluchon suggests CHATONS
// hosts near them that offer what they chose to move, in a list (in the engine's order, each
// with why) and on a map; a page per host; "Choose this host". Or: "I already have an account",
// "I have a file from my host".
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindHostsResult, Need } from '../../../src/contract/index.ts';
import { errorKey } from '../../../locales/keys.ts';
import { useApi } from '../api/api-context.tsx';
import { WizardLayout } from '../components/wizard-layout.tsx';
import { openButtonId } from '../hosts/host-card.tsx';
import type { HostChoice } from '../hosts/host-choice.ts';
import { filterHosts, filtersActive, noFilters } from '../hosts/host-filters.ts';
import { HostFiltersForm } from '../hosts/host-filters-form.tsx';
import { HostList } from '../hosts/host-list.tsx';
import { HostMap } from '../hosts/host-map.tsx';
import { HostPage } from '../hosts/host-page.tsx';
import type { HomeSearch } from '../hosts/home-search.ts';
import { formatDay } from '../hosts/info-age.ts';
import { PlaceSearch } from '../hosts/place-search.tsx';
import type { PlaceFailure } from '../hosts/place-search.tsx';
import { suggestionQuery } from '../hosts/place-query.ts';
import { ProvisioningForm } from '../hosts/provisioning-form.tsx';
import '../hosts/hosts.css';

/** Every host of the directory: the list is filtered on screen, and the directory is small. */
const ALL_HOSTS = 200;

export function HomeScreen(props: {
  needs: readonly Need[];
  search: HomeSearch;
  onSearchChange: (search: HomeSearch) => void;
  onBack: () => void;
  onChosen: (choice: HostChoice) => void;
  onOwnAccount: () => void;
}) {
  const { needs, search, onSearchChange, onChosen } = props;
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [typed, setTyped] = useState(search.query);
  const [tick, setTick] = useState(0);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<FindHostsResult>();
  const [failure, setFailure] = useState<PlaceFailure>();
  const [openId, setOpenId] = useState<string>();
  const [provisioning, setProvisioning] = useState(false);
  const latest = useRef(0);
  const returnTo = useRef<string>(undefined);
  const language = i18n.language === 'en' ? 'en' : 'fr';
  const needsKey = needs.join(',');

  // Search again when the place, the needs or the language change: the engine writes its
  // reasons and messages in the language the service speaks, so it is told first.
  useEffect(() => {
    const query = search.query.trim();
    // Nothing typed yet; an empty search asked for gets the engine's "type a postcode…".
    if (query === '' && tick === 0) return;
    const request = ++latest.current;
    const kinds = needsKey.split(',') as Need[];
    const describe = (error: { code: string; message: string; details?: object }): string =>
      t(errorKey(error.code), { ...error.details, defaultValue: error.message });
    void (async () => {
      setBusy(true);
      await api.setLocale({ locale: language });
      const place = await api.findPlace({ query });
      let outcome: { result?: FindHostsResult; failure?: PlaceFailure };
      if (!place.ok) outcome = { failure: { message: describe(place.error), suggestions: [] } };
      else if (!place.value.found)
        outcome = {
          failure: { message: place.value.message, suggestions: place.value.suggestions },
        };
      else {
        const found = await api.findHosts({ near: query, needs: kinds, limit: ALL_HOSTS });
        outcome = found.ok
          ? { result: found.value }
          : { failure: { message: describe(found.error), suggestions: [] } };
      }
      if (request !== latest.current) return;
      setResult(outcome.result);
      setFailure(outcome.failure);
      setBusy(false);
    })();
  }, [api, search.query, tick, language, needsKey, t]);

  // Back from a host's page: the keyboard returns to that host's button in the list. After the
  // frame, because the layout gives the heading the focus when the list's screen appears.
  useEffect(() => {
    const hostId = returnTo.current;
    if (openId !== undefined || hostId === undefined) return;
    const frame = requestAnimationFrame(() => {
      returnTo.current = undefined;
      document.getElementById(openButtonId(hostId))?.focus();
    });
    return () => {
      cancelAnimationFrame(frame);
    };
  }, [openId]);

  const runSearch = (query: string): void => {
    setTyped(query);
    onSearchChange({ ...search, query });
    setTick((value) => value + 1);
  };

  const filtered = useMemo(
    () =>
      result === undefined
        ? undefined
        : filterHosts(result.hosts, search.filters, needsKey.split(',') as Need[]),
    [result, search.filters, needsKey],
  );
  // Stable between renders (typing in the place field re-renders the screen), so the map
  // projects the countries again only when what it shows changes.
  const mapHosts = useMemo(
    () => (filtered?.shown ?? []).map((host, index) => ({ number: index + 1, host })),
    [filtered],
  );
  const opened = result?.hosts.find((host) => host.id === openId);
  if (opened !== undefined) {
    return (
      <HostPage
        host={opened}
        needs={needs}
        onBack={() => {
          returnTo.current = opened.id;
          setOpenId(undefined);
        }}
        onChoose={onChosen}
      />
    );
  }

  const list = (kinds: readonly string[]): string =>
    new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
      kinds.map((kind) => t(`home.kinds.${kind}`)),
    );
  const shown = filtered?.shown ?? [];
  // The engine's count, the same sentence as the CLI's; with filters, how many are left of it.
  const count =
    result === undefined
      ? ''
      : filtersActive(search.filters)
        ? t('hosts:screen.countFiltered', {
            count: shown.length,
            total: result.hosts.length,
            place: result.place.label,
          })
        : result.summary;

  return (
    <WizardLayout step="home" title={t('home.title')}>
      <p className="lead">{t('hosts:screen.intro', { kinds: list(needs) })}</p>
      <p>{t('home.chatons')}</p>

      <PlaceSearch
        value={typed}
        onValueChange={setTyped}
        onSearch={runSearch}
        busy={busy}
        failure={failure}
        onSuggestion={(suggestion) => {
          runSearch(suggestionQuery(suggestion));
        }}
      />

      <section aria-labelledby="home-other-ways" className="other-ways">
        <h2 id="home-other-ways" className="small-heading">
          {t('home.otherWays.title')}
        </h2>
        <div className="actions actions-start">
          <button type="button" onClick={props.onOwnAccount}>
            {t('home.otherWays.ownAccount')}
          </button>
          <button
            type="button"
            aria-expanded={provisioning}
            aria-controls="home-provisioning"
            onClick={() => {
              setProvisioning((value) => !value);
            }}
          >
            {t('home.otherWays.file')}
          </button>
        </div>
        <div id="home-provisioning" hidden={!provisioning}>
          {provisioning ? <ProvisioningForm needs={needs} onChosen={onChosen} /> : null}
        </div>
      </section>

      <p className="results-count" role="status" aria-live="polite">
        {busy ? t('home.results.searching') : count}
      </p>

      {result === undefined || filtered === undefined ? null : (
        <section aria-labelledby="home-results" className="results">
          <h2 id="home-results">{t('hosts:screen.resultsTitle', { place: result.place.label })}</h2>
          {result.place.note === '' ? null : <p className="hint">{result.place.note}</p>}
          <HostFiltersForm
            filters={search.filters}
            needs={needs}
            onChange={(filters) => {
              onSearchChange({ ...search, filters });
            }}
          />
          {filtered.hiddenUnknownDistance === 0 ? null : (
            <p className="hint">
              {t('home.results.hiddenUnknownDistance', { count: filtered.hiddenUnknownDistance })}
            </p>
          )}
          {result.hosts.length === 0 ? (
            <p>{t('home.results.none')}</p>
          ) : shown.length === 0 ? (
            <div className="no-match">
              <p>{t('home.results.noMatch')}</p>
              <button
                type="button"
                onClick={() => {
                  onSearchChange({ ...search, filters: noFilters });
                }}
              >
                {t('home.results.showAll')}
              </button>
            </div>
          ) : (
            <div className="results-layout">
              <HostMap
                place={result.place}
                hosts={mapHosts}
                unplaced={shown.filter((host) => host.location === null).length}
                maxKm={search.filters.maxKm}
                onOpen={setOpenId}
              />
              <HostList hosts={shown} reach={result.reach} onOpen={setOpenId} />
            </div>
          )}
          <p className="directory-note">
            {t(
              result.directory.source === 'refreshed'
                ? 'home.results.directoryRefreshed'
                : 'home.results.directorySnapshot',
              {
                count: result.directory.hostCount,
                date: formatDay(result.directory.checked, i18n.language),
              },
            )}{' '}
            {t('home.results.attribution', { attribution: result.directory.attribution })}
          </p>
        </section>
      )}

      <div className="actions">
        <button type="button" onClick={props.onBack}>
          {t('actions.back')}
        </button>
      </div>
    </WizardLayout>
  );
}
