// The renderer's entry: pick the transport (Electron's preload, or the web transport), start
// listening to job events, and show the wizard.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { ApiProvider } from './api/api-context.tsx';
import { createWebTransport } from './api/web-transport.ts';
import { App } from './app.tsx';
import { createRendererI18n, initialLanguage } from './i18n.ts';
import { JobStore } from './jobs/job-store.ts';
import './styles.css';

const api = window.baluchon ?? createWebTransport();
const jobs = new JobStore();
api.onEvent((event) => {
  jobs.receive(event);
});
const i18n = createRendererI18n(initialLanguage(navigator.languages));
document.documentElement.lang = i18n.language;
void api.setLocale({ locale: i18n.language === 'en' ? 'en' : 'fr' });

const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ApiProvider api={api} jobs={jobs}>
          <App />
        </ApiProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}
