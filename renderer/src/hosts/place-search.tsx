// "Where do you live?": a postcode or a town. When the engine does not know the place, its
// message says why, and its suggestions are buttons that search again.
import { useId } from 'react';
import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface PlaceFailure {
  message: string;
  suggestions: string[];
}

export function PlaceSearch(props: {
  value: string;
  onValueChange: (value: string) => void;
  onSearch: (query: string) => void;
  busy: boolean;
  failure: PlaceFailure | undefined;
  onSuggestion: (suggestion: string) => void;
}) {
  const { value, onValueChange, onSearch, busy, failure, onSuggestion } = props;
  const { t } = useTranslation();
  const id = useId();
  const submit = (event: SubmitEvent): void => {
    event.preventDefault();
    onSearch(value);
  };
  return (
    <section aria-labelledby={`${id}-title`} className="card place-search">
      <h2 id={`${id}-title`}>{t('home.search.title')}</h2>
      <form onSubmit={submit} role="search">
        <label htmlFor={`${id}-place`} className="block-label">
          {t('home.search.label')}
        </label>
        <p className="hint" id={`${id}-hint`}>
          {t('home.search.hint')}
        </p>
        <div className="search-row">
          <input
            id={`${id}-place`}
            type="text"
            inputMode="text"
            autoComplete="postal-code"
            aria-describedby={`${id}-hint`}
            aria-invalid={failure === undefined ? undefined : true}
            value={value}
            onChange={(event) => {
              onValueChange(event.target.value);
            }}
          />
          <button type="submit" className="primary" disabled={busy}>
            {t('home.search.submit')}
          </button>
        </div>
      </form>
      {failure === undefined ? null : (
        <div className="place-failure">
          <p className="alert" role="alert">
            {failure.message}
          </p>
          {failure.suggestions.length === 0 ? null : (
            <>
              <p id={`${id}-suggestions`}>{t('home.search.suggestions')}</p>
              <ul className="suggestions" aria-labelledby={`${id}-suggestions`}>
                {failure.suggestions.map((suggestion) => (
                  <li key={suggestion}>
                    <button
                      type="button"
                      onClick={() => {
                        onSuggestion(suggestion);
                      }}
                    >
                      {suggestion}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
