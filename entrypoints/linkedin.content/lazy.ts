/**
 * The message and invitation buttons (./composers.tsx, with the compose menu, the contact picker
 * and the templates) are loaded the first time LinkedIn shows a composer; until then a page pays
 * only for finding that there is none. The reader that tells a composer from any other form
 * (./messages.ts, with the reply watcher) is itself loaded only once the page holds a form, a
 * dialog or a text box.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { lazyManager, loadLazy } from '../../lib/lazy';
import type { ComposerManager } from './composers';

type Composers = typeof import('./composers');
export type Messages = typeof import('./messages');

/**
 * The message-box reader if it is loaded; otherwise null, and it starts loading (once): `then`
 * runs when it is in, so the caller can look again.
 */
export function messageReader(ctx: ContentScriptContext): (then: () => void) => Messages | null {
  let reader: Messages | null = null;
  let loading = false;
  const waiting = new Set<() => void>();
  return (then) => {
    if (reader) return reader;
    waiting.add(then);
    if (loading || ctx.signal.aborted) return null;
    loading = true;
    loadLazy<Messages>('linkedin/messages').then(
      (module) => {
        reader = module;
        if (ctx.signal.aborted) return;
        for (const run of waiting) run();
        waiting.clear();
      },
      (error: unknown) => {
        loading = false;
        waiting.clear();
        console.warn('[warm-intro] could not load the LinkedIn message reader', error);
      },
    );
    return null;
  };
}

/**
 * `mayHaveOne`: a cheap look for any form, dialog or text box (./index.tsx); a page without one (a
 * profile, most of the time) is told apart without loading the composer reader or walking the page.
 */
export function lazyComposers(
  ctx: ContentScriptContext,
  opts: Parameters<Composers['createComposerManager']>[1],
  mayHaveOne: () => boolean,
  reader: ReturnType<typeof messageReader>,
): ComposerManager {
  return lazyManager<Composers>(
    ctx.signal,
    'linkedin/composers',
    'the LinkedIn message buttons',
    () => mayHaveOne() && !!reader(opts.requestSync)?.linkedInComposerOpen(document, location.href),
    (module) => module.createComposerManager(ctx, opts),
  );
}
