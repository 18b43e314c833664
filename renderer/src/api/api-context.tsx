// Makes the transport and the job store available to every screen.
import { createContext, useContext, useEffect, useRef, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import type { JobKind } from '../../../src/contract/index.ts';
import type { JobStore, JobView } from '../jobs/job-store.ts';
import type { RendererApi } from './renderer-api.ts';

interface ApiContextValue {
  api: RendererApi;
  jobs: JobStore;
}

const ApiContext = createContext<ApiContextValue | undefined>(undefined);

export function ApiProvider(props: ApiContextValue & { children: ReactNode }) {
  const { api, jobs, children } = props;
  return <ApiContext.Provider value={{ api, jobs }}>{children}</ApiContext.Provider>;
}

function useApiContext(): ApiContextValue {
  const value = useContext(ApiContext);
  if (value === undefined) throw new Error('ApiProvider missing');
  return value;
}

export function useApi(): RendererApi {
  return useApiContext().api;
}

/** The store of every job's events (to seed it with what a reloaded page was told). */
export function useJobStore(): JobStore {
  return useApiContext().jobs;
}

export function useJob<K extends JobKind>(jobId: string | undefined): JobView<K> | undefined {
  const { jobs } = useApiContext();
  return useSyncExternalStore(
    (listener) => jobs.subscribe(listener),
    () => jobs.get<K>(jobId),
  );
}

/** Calls `onEnd` once when the job ends (from the store's notification, not from a render). */
export function useJobEnd<K extends JobKind>(
  jobId: string | undefined,
  onEnd: (end: NonNullable<JobView<K>['end']>) => void,
): void {
  const { jobs } = useApiContext();
  const latest = useRef(onEnd);
  useEffect(() => {
    latest.current = onEnd;
  });
  useEffect(() => {
    if (jobId === undefined) return;
    let called = false;
    const check = (): void => {
      const end = jobs.get<K>(jobId)?.end;
      if (end === undefined || called) return;
      called = true;
      latest.current(end);
    };
    const unsubscribe = jobs.subscribe(check);
    check();
    return unsubscribe;
  }, [jobs, jobId]);
}
