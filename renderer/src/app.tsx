// The wizard: which screen is shown, and what the family has given and chosen so far.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanReport } from '../../src/contract/index.ts';
import { WizardLayout } from './components/wizard-layout.tsx';
import { ChosenHostSummary } from './hosts/chosen-host-summary.tsx';
import type { HostChoice } from './hosts/host-choice.ts';
import { emptySearch } from './hosts/home-search.ts';
import type { HomeSearch } from './hosts/home-search.ts';
import { needsOf } from './hosts/needs.ts';
import { FoundScreen } from './screens/found-screen.tsx';
import { HomeScreen } from './screens/home-screen.tsx';
import { SourceScreen } from './screens/source-screen.tsx';
import { WelcomeScreen } from './screens/welcome-screen.tsx';
import { defaultSelection } from './selection.ts';
import type { Selection } from './selection.ts';
import type { Step } from './steps.ts';

export function App() {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('welcome');
  const [files, setFiles] = useState<File[]>([]);
  const [report, setReport] = useState<ScanReport>();
  const [selection, setSelection] = useState<Selection>();
  const [homeSearch, setHomeSearch] = useState<HomeSearch>(emptySearch);
  /** The host chosen on "Your new home"; null: "I already have an account", nothing pre-filled. */
  const [hostChoice, setHostChoice] = useState<HostChoice | null>(null);

  const scanned = useCallback((result: ScanReport) => {
    setReport(result);
    setSelection(defaultSelection(result));
    setStep('found');
  }, []);

  if (step === 'connect') {
    // Until the Connect screen exists: where the journey stands, and the way back.
    return (
      <WizardLayout step="connect" title={t('layout.steps.connect')}>
        <ChosenHostSummary choice={hostChoice} />
        <div className="actions">
          <button
            type="button"
            onClick={() => {
              setStep('home');
            }}
          >
            {t('actions.back')}
          </button>
        </div>
      </WizardLayout>
    );
  }
  if (step === 'home') {
    return (
      <HomeScreen
        needs={needsOf(selection)}
        search={homeSearch}
        onSearchChange={setHomeSearch}
        onBack={() => {
          setStep(report === undefined ? 'source' : 'found');
        }}
        onChosen={(choice) => {
          setHostChoice(choice);
          setStep('connect');
        }}
        onOwnAccount={() => {
          setHostChoice(null);
          setStep('connect');
        }}
      />
    );
  }
  if (step === 'found' && report !== undefined && selection !== undefined) {
    return (
      <FoundScreen
        report={report}
        selection={selection}
        onSelectionChange={setSelection}
        onBack={() => {
          setStep('source');
        }}
        onNext={() => {
          setStep('home');
        }}
      />
    );
  }
  if (step === 'source' || step === 'found') {
    return (
      <SourceScreen
        files={files}
        onFilesChange={setFiles}
        onScanned={scanned}
        onBack={() => {
          setStep('welcome');
        }}
      />
    );
  }
  return (
    <WelcomeScreen
      onStart={() => {
        setStep('source');
      }}
    />
  );
}
