/**
 * The compose buttons (./composes.tsx, with the compose menu, the contact picker and the templates)
 * are loaded the first time Gmail shows a compose; until then the inbox pays only for finding that
 * there is none.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { findComposes } from '../../lib/gmail/compose';
import { loadLazy } from '../../lib/lazy';
import type { ComposeManager } from './composes';

type Composes = typeof import('./composes');

export function lazyComposes(ctx: ContentScriptContext, opts: Parameters<Composes['createComposeManager']>[1]): ComposeManager {
  let manager: ComposeManager | null = null;
  let loading = false;
  return {
    sync() {
      if (manager) return manager.sync();
      if (loading || ctx.signal.aborted || findComposes(document).length === 0) return;
      loading = true;
      loadLazy<Composes>('gmail/composes').then(
        (module) => {
          if (ctx.signal.aborted) return;
          manager = module.createComposeManager(ctx, opts);
          manager.sync();
        },
        (error: unknown) => {
          loading = false;
          console.warn('[warm-intro] could not load the Gmail compose buttons', error);
        },
      );
    },
    get holdingNotice() {
      return manager?.holdingNotice ?? false;
    },
  };
}
