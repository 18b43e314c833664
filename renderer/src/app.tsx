// The wizard: which screen is shown, and what the family has given and chosen so far.
import { useCallback, useEffect, useState } from 'react';
import type {
  Account,
  JobRef,
  LastMove,
  MigrationReport,
  Result,
  ScanReport,
  SourceSpec,
} from '../../src/contract/index.ts';
import { useApi, useJobStore } from './api/api-context.tsx';
import type { HostChoice } from './hosts/host-choice.ts';
import { emptySearch } from './hosts/home-search.ts';
import type { HomeSearch } from './hosts/home-search.ts';
import { needsOf } from './hosts/needs.ts';
import { ConnectScreen } from './screens/connect-screen.tsx';
import { DoneScreen } from './screens/done-screen.tsx';
import { FilesAccountScreen } from './screens/files-account-screen.tsx';
import { FoundScreen } from './screens/found-screen.tsx';
import { HomeScreen } from './screens/home-screen.tsx';
import { MovingScreen } from './screens/moving-screen.tsx';
import { SourceScreen } from './screens/source-screen.tsx';
import type { Origin } from './screens/source-screen.tsx';
import { WelcomeScreen } from './screens/welcome-screen.tsx';
import { defaultSelection, toMigrationSelection } from './selection.ts';
import type { Selection } from './selection.ts';
import type { Step } from './steps.ts';
import type { RendererApi } from './api/renderer-api.ts';

interface Scanned {
  report: ScanReport;
  /**
   * Where it was read from: the archive's paths the service can open (Electron: the files
   * themselves; browser: received copies), or the account at another host, by its id.
   */
  source: SourceSpec;
}

interface Move {
  accountId: string;
  /** Where the data is read from; unknown for a move found running or resumed from Welcome. */
  sourceKind?: SourceSpec['kind'];
  /** The second account for the files, when the family gave one. */
  filesAccountId?: string;
  start: () => Promise<Result<JobRef>>;
}

/**
 * Following a move already running (the page was reloaded, or opened in a second tab): the first
 * start is that job; going on after a pause is the account's unfinished move.
 */
function reattached(api: RendererApi, accountId: string, jobId: string): Move {
  let attached = false;
  return {
    accountId,
    start: () => {
      if (attached) return api.resumeMove({ accountId });
      attached = true;
      return Promise.resolve({ ok: true, value: { jobId } });
    },
  };
}

export function App() {
  const api = useApi();
  const jobs = useJobStore();
  /** Until the service said whether a move is running, nothing is shown (no Welcome flash). */
  const [checking, setChecking] = useState(true);
  const [step, setStep] = useState<Step>('welcome');
  const [origin, setOrigin] = useState<Origin>('archive');
  const [files, setFiles] = useState<File[]>([]);
  const [scanned, setScanned] = useState<Scanned>();
  const [selection, setSelection] = useState<Selection>();
  const [homeSearch, setHomeSearch] = useState<HomeSearch>(emptySearch);
  /** The host chosen on "Your new home"; null: "I already have an account", nothing pre-filled. */
  const [hostChoice, setHostChoice] = useState<HostChoice | null>(null);
  const [move, setMove] = useState<Move>();
  const [result, setResult] = useState<MigrationReport>();
  /** "Forget everything" just ran: Welcome says so, drawn afresh (no move, no report left). */
  const [forgotten, setForgotten] = useState(false);
  const [welcomeKey, setWelcomeKey] = useState(0);

  useEffect(() => {
    // A move running in the service (this page was reloaded, or is a second tab): show it again,
    // with what it said last, rather than Welcome.
    let current = true;
    void api.listMoves({}).then((listed) => {
      if (!current) return;
      const running = listed.ok ? listed.value.find((m) => m.state === 'running') : undefined;
      if (running !== undefined) {
        jobs.seed<'migrate'>(running.jobId, {
          progress: running.progress ?? undefined,
          problems: running.problems,
          end: undefined,
        });
        setMove(reattached(api, running.accountId, running.jobId));
        setStep('moving');
      }
      setChecking(false);
    });
    return () => {
      current = false;
    };
  }, [api, jobs]);
  /** From Done: connecting an account for the files that had no place. */
  const [addingFiles, setAddingFiles] = useState(false);

  const onScanned = useCallback((report: ScanReport, source: SourceSpec) => {
    setScanned({ report, source });
    setSelection(defaultSelection(report));
    setStep('found');
  }, []);

  const startOver = useCallback(() => {
    setOrigin('archive');
    setFiles([]);
    setScanned(undefined);
    setSelection(undefined);
    setHomeSearch(emptySearch);
    setHostChoice(null);
    setMove(undefined);
    setResult(undefined);
    setAddingFiles(false);
    setStep('welcome');
  }, []);

  const onForgotten = useCallback(() => {
    startOver();
    setForgotten(true);
    setWelcomeKey((key) => key + 1);
  }, [startOver]);

  const showLastMove = useCallback(
    (last: LastMove) => {
      setMove({
        accountId: last.accountId,
        sourceKind: last.report.source.kind,
        start: () => api.resumeMove({ accountId: last.accountId }),
      });
      setResult(last.report);
      setStep('done');
    },
    [api],
  );

  const onDone = useCallback((report: MigrationReport) => {
    setResult(report);
    setStep('done');
  }, []);

  const go = (next: Step) => () => {
    setForgotten(false);
    setStep(next);
  };

  if (checking) return null;

  if (step === 'done' && result !== undefined && move !== undefined && addingFiles) {
    const { accountId } = move;
    return (
      <FilesAccountScreen
        needed={(['files', 'photos', 'notes'] as const)
          .flatMap((kind) => result[kind].left)
          .filter((left) => left.reason === 'no-place')
          .reduce((sum, left) => sum + (left.bytes ?? 0), 0)}
        sourceKind={result.source.kind}
        onBack={() => {
          setAddingFiles(false);
        }}
        onStart={(filesAccount) => {
          // The same move goes on, its files now with a place: one report naming both accounts.
          setMove({
            accountId,
            sourceKind: result.source.kind,
            filesAccountId: filesAccount.accountId,
            start: () => api.resumeMove({ accountId, filesAccountId: filesAccount.accountId }),
          });
          setAddingFiles(false);
          setStep('moving');
        }}
      />
    );
  }
  if (step === 'done' && result !== undefined && move !== undefined) {
    return (
      <DoneScreen
        report={result}
        accountId={move.accountId}
        filesAccountId={move.filesAccountId}
        host={
          hostChoice === null
            ? undefined
            : { name: hostChoice.hostName, contact: hostChoice.help ?? hostChoice.website }
        }
        onResume={go('moving')}
        onForget={onForgotten}
        onAddFilesAccount={() => {
          setAddingFiles(true);
        }}
      />
    );
  }
  if (step === 'moving' && move !== undefined) {
    return (
      <MovingScreen
        start={move.start}
        onDone={onDone}
        accountId={move.accountId}
        sourceKind={move.sourceKind}
        onForgotten={onForgotten}
      />
    );
  }
  if (step === 'connect' && scanned !== undefined && selection !== undefined) {
    return (
      <ConnectScreen
        choice={hostChoice}
        report={scanned.report}
        selection={selection}
        onBack={go('home')}
        onConnected={(account: Account, usable: Selection, filesAccount?: Account) => {
          const chosen = toMigrationSelection(usable);
          setMove({
            accountId: account.accountId,
            sourceKind: scanned.source.kind,
            ...(filesAccount === undefined ? {} : { filesAccountId: filesAccount.accountId }),
            start: () =>
              api.startMigration({
                source: scanned.source,
                accountId: account.accountId,
                ...(filesAccount === undefined ? {} : { filesAccountId: filesAccount.accountId }),
                selection: chosen,
              }),
          });
          setStep('moving');
        }}
      />
    );
  }
  if (step === 'home' && scanned !== undefined) {
    return (
      <HomeScreen
        needs={needsOf(selection)}
        search={homeSearch}
        onSearchChange={setHomeSearch}
        onBack={go('found')}
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
  if (step === 'found' && scanned !== undefined && selection !== undefined) {
    return (
      <FoundScreen
        report={scanned.report}
        sourceKind={scanned.source.kind}
        selection={selection}
        onSelectionChange={setSelection}
        onBack={go('source')}
        onNext={go('home')}
      />
    );
  }
  if (step !== 'welcome') {
    return (
      <SourceScreen
        origin={origin}
        onOriginChange={setOrigin}
        files={files}
        onFilesChange={setFiles}
        onScanned={onScanned}
        onBack={go('welcome')}
      />
    );
  }
  return (
    <WelcomeScreen
      key={welcomeKey}
      forgotten={forgotten}
      onStart={go('source')}
      onShowLastMove={showLastMove}
      onResume={(accountId, passwords) => {
        setMove({ accountId, start: () => api.resumeMove({ accountId, ...passwords }) });
        setForgotten(false);
        setStep('moving');
      }}
      onForgotten={onForgotten}
    />
  );
}
