// The frame of every screen: where we are in the journey, the language switch, and the screen
// itself. On each new step the heading receives the focus, so keyboard and screen-reader users
// start reading at the top of the new screen.
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.tsx';
import { steps } from '../steps.ts';
import type { Step } from '../steps.ts';

export function WizardLayout(props: { step: Step; title: string; children: ReactNode }) {
  const { step, title, children } = props;
  const { t, i18n } = useTranslation();
  const api = useApi();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
    document.title = `${title} — Baluchon`;
  }, [step, title]);

  const other = i18n.language === 'en' ? 'fr' : 'en';
  const switchLanguage = (): void => {
    void i18n.changeLanguage(other);
    document.documentElement.lang = other;
    void api.setLocale({ locale: other });
  };

  const current = steps.indexOf(step);
  return (
    <div className="app">
      <header className="app-header">
        <p className="brand">{t('common:app.name')}</p>
        <nav aria-label={t('layout.journey')}>
          <ol className="journey">
            {steps.map((name, index) => (
              <li
                key={name}
                aria-current={index === current ? 'step' : undefined}
                className={index < current ? 'done' : index === current ? 'current' : 'todo'}
              >
                <span className="journey-number">{index + 1}</span>
                <span className="journey-label">{t(`layout.steps.${name}`)}</span>
              </li>
            ))}
          </ol>
        </nav>
        <button type="button" className="language" lang={other} onClick={switchLanguage}>
          {t('layout.otherLanguage')}
        </button>
      </header>
      <main className="screen">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {children}
      </main>
    </div>
  );
}
