/** What to say about a failed request, without Preact: the sidebar's plain-DOM shell uses it too. */
import { ClientError, EXTENSION_RELOADED } from '../lib/client';

export const RELOAD_MESSAGE = 'Warm Intro was updated — reload this page to keep using it.';

export function errorText(error: unknown): string {
  if (error instanceof ClientError && error.code === EXTENSION_RELOADED) return RELOAD_MESSAGE;
  return error instanceof Error ? error.message : String(error);
}
