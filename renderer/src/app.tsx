// The wizard: which screen is shown, and what the family has given and chosen so far.
import { useCallback, useState } from 'react';
import type { ScanReport } from '../../src/contract/index.ts';
import { FoundScreen } from './screens/found-screen.tsx';
import { SourceScreen } from './screens/source-screen.tsx';
import { WelcomeScreen } from './screens/welcome-screen.tsx';
import { defaultSelection } from './selection.ts';
import type { Selection } from './selection.ts';
import type { Step } from './steps.ts';

export function App() {
  const [step, setStep] = useState<Step>('welcome');
  const [files, setFiles] = useState<File[]>([]);
  const [report, setReport] = useState<ScanReport>();
  const [selection, setSelection] = useState<Selection>();

  const scanned = useCallback((result: ScanReport) => {
    setReport(result);
    setSelection(defaultSelection(result));
    setStep('found');
  }, []);

  if (step === 'found' && report !== undefined && selection !== undefined) {
    return (
      <FoundScreen
        report={report}
        selection={selection}
        onSelectionChange={setSelection}
        onBack={() => {
          setStep('source');
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
