/** Busy state, errors and the "extension was updated" message, shared by every Warm Intro UI. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from './error-text';

export { errorText, RELOAD_MESSAGE } from './error-text';

/**
 * Runs one async action at a time: a busy flag, the error to show (the reload message when the
 * extension was updated under the page), and an optional "done" message. Safe after unmount.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const live = useRef(true);
  useEffect(() => () => void (live.current = false), []);
  const run = async (fn: () => Promise<unknown>, doneMessage: string | null = null): Promise<boolean> => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await fn();
      if (live.current) setDone(doneMessage);
      return true;
    } catch (e) {
      if (live.current) setError(errorText(e));
      return false;
    } finally {
      if (live.current) setBusy(false);
    }
  };
  return { busy, error, done, run, setError };
}

export function ErrorLine({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" class="wi-error" data-testid="wi-error">
      {error}
    </p>
  ) : null;
}
