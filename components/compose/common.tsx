/** Small pieces the compose menu and its recipient linking share. */
import { useState } from 'preact/hooks';
import { ClientError, EXTENSION_RELOADED } from '../../lib/client';

export const RELOAD_MESSAGE = 'Warm Intro was updated — reload this page to keep using it.';

export function errorText(error: unknown): string {
  if (error instanceof ClientError && error.code === EXTENSION_RELOADED) return RELOAD_MESSAGE;
  return error instanceof Error ? error.message : String(error);
}

/** Runs one async action at a time, keeping its error for display. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

export function ErrorLine({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" class="wi-error" data-testid="wi-error">
      {error}
    </p>
  ) : null;
}
