import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { onDataChanged } from '../lib/changes';
import { ask, ClientError } from '../lib/client';
import type { RequestPayload, RequestType, Responses } from '../lib/messages';

export interface Asked<T> {
  data: T | undefined;
  error: ClientError | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Ask the background and keep the answer fresh: re-asks after every write anywhere in Warm Intro.
 * `initial`: an answer already in hand (the LinkedIn sidebar's shell asked before Preact loaded),
 * shown at once; it is still asked again.
 */
export function useAsk<T extends RequestType>(
  type: T,
  payload: RequestPayload<T> | undefined,
  deps: unknown[] = [],
  initial?: { data?: Responses[T]; error?: ClientError | null },
): Asked<Responses[T]> {
  const [state, setState] = useState<{ data: Responses[T] | undefined; error: ClientError | null; loading: boolean }>(() => ({
    data: initial?.data,
    error: initial?.error ?? null,
    loading: true,
  }));
  const seq = useRef(0);
  const run = useCallback(() => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    (ask as (t: T, p?: RequestPayload<T>) => Promise<Responses[T]>)(type, payload).then(
      (data) => mine === seq.current && setState({ data, error: null, loading: false }),
      (error: unknown) =>
        mine === seq.current &&
        setState((s) => ({
          data: s.data,
          error: error instanceof ClientError ? error : new ClientError('internal', String(error)),
          loading: false,
        })),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [type, ...deps]);
  useEffect(() => {
    run();
    return onDataChanged(run);
  }, [run]);
  return { ...state, reload: run };
}
