// The wizard: which screen is shown, and what the family has given and chosen so far.
import { useCallback, useState } from 'react';
import type {
  Account,
  JobRef,
  MigrationReport,
  Result,
  ScanReport,
} from '../../src/contract/index.ts';
import { useApi } from './api/api-context.tsx';
import type { ConnectPreset } from './connect-preset.ts';
import { ConnectScreen } from './screens/connect-screen.tsx';
import { DoneScreen } from './screens/done-screen.tsx';
import { FoundScreen } from './screens/found-screen.tsx';
import { MovingScreen } from './screens/moving-screen.tsx';
import { SourceScreen } from './screens/source-screen.tsx';
import { WelcomeScreen } from './screens/welcome-screen.tsx';
import { defaultSelection, toMigrationSelection } from './selection.ts';
import type { Selection } from './selection.ts';
import type { Step } from './steps.ts';

interface Scanned {
  report: ScanReport;
  paths: string[];
}

export function App() {
  const api = useApi();
  const [step, setStep] = useState<Step>('welcome');
  const [files, setFiles] = useState<File[]>([]);
  const [scanned, setScanned] = useState<Scanned>();
  const [selection, setSelection] = useState<Selection>();
  const [preset, setPreset] = useState<ConnectPreset>();
  const [move, setMove] = useState<{ start: () => Promise<Result<JobRef>> }>();
  const [result, setResult] = useState<MigrationReport>();

  const onScanned = useCallback((report: ScanReport, paths: string[]) => {
    setScanned({ report, paths });
    setSelection(defaultSelection(report));
    setStep('found');
  }, []);

  const startOver = useCallback(() => {
    setFiles([]);
    setScanned(undefined);
    setSelection(undefined);
    setPreset(undefined);
    setMove(undefined);
    setResult(undefined);
    setStep('welcome');
  }, []);

  const onDone = useCallback((report: MigrationReport) => {
    setResult(report);
    setStep('done');
  }, []);

  const go = (next: Step) => () => {
    setStep(next);
  };

  if (step === 'done' && result !== undefined && move !== undefined) {
    return (
      <DoneScreen
        report={result}
        onResume={() => {
          setStep('moving');
        }}
        onForget={startOver}
      />
    );
  }
  if (step === 'moving' && move !== undefined) {
    return <MovingScreen start={move.start} onDone={onDone} />;
  }
  if (step === 'connect' && scanned !== undefined && selection !== undefined) {
    return (
      <ConnectScreen
        preset={preset}
        report={scanned.report}
        selection={selection}
        onBack={go('found')}
        onConnected={(account: Account) => {
          const chosen = toMigrationSelection(selection);
          setMove({
            start: () =>
              api.startMigration({
                paths: scanned.paths,
                accountId: account.accountId,
                selection: chosen,
              }),
          });
          setStep('moving');
        }}
      />
    );
  }
  if ((step === 'found' || step === 'home') && scanned !== undefined && selection !== undefined) {
    return (
      <FoundScreen
        report={scanned.report}
        selection={selection}
        onSelectionChange={setSelection}
        onBack={go('source')}
        onNext={() => {
          setPreset(undefined);
          setStep('connect');
        }}
      />
    );
  }
  if (step === 'source' || step === 'found') {
    return (
      <SourceScreen
        files={files}
        onFilesChange={setFiles}
        onScanned={onScanned}
        onBack={go('welcome')}
      />
    );
  }
  return (
    <WelcomeScreen
      onStart={go('source')}
      onResume={(accountId, password) => {
        setMove({
          start: () =>
            api.resumeMove({ accountId, ...(password === undefined ? {} : { password }) }),
        });
        setStep('moving');
      }}
      onForgotten={startOver}
    />
  );
}
