/**
 * The compose buttons (./composes.tsx, with the compose menu, the contact picker and the templates)
 * are loaded the first time Gmail shows a compose; until then the inbox pays only for finding that
 * there is none.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { findComposes } from '../../lib/gmail/compose';
import { lazyManager } from '../../lib/lazy';
import type { ComposeManager } from './composes';

type Composes = typeof import('./composes');

export function lazyComposes(ctx: ContentScriptContext, opts: Parameters<Composes['createComposeManager']>[1]): ComposeManager {
  return lazyManager<Composes>(
    ctx.signal,
    'gmail/composes',
    'the Gmail compose buttons',
    () => findComposes(document).length > 0,
    (module) => module.createComposeManager(ctx, opts),
  );
}
