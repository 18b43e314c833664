// The take-home sheet, shown alone so that printing gives exactly the one A4 page: the service
// built its body (escaped HTML, no password) with the same stylesheet the CLI's page inlines.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../print/take-home-sheet.css';

export function SheetView(props: { body: string; onBack: () => void }) {
  const { t } = useTranslation();
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    back.current?.focus();
  }, []);
  return (
    <main className="sheet-view">
      <div className="actions no-print">
        <button type="button" ref={back} onClick={props.onBack}>
          {t('devices:sheet.back')}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => {
            window.print();
          }}
        >
          {t('devices:sheet.print')}
        </button>
      </div>
      {/* Built by the service from the move's report, every value escaped (src/devices). */}
      <div data-testid="take-home-sheet" dangerouslySetInnerHTML={{ __html: props.body }} />
    </main>
  );
}
