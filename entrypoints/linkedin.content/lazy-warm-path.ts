/**
 * The company panel (./company-panel.tsx) and the people-list badges (./people-badges.tsx) are
 * loaded the first time the user is on such a page (lib/lazy.ts): every other LinkedIn page pays
 * only for a look at its URL.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { loadLazy } from '../../lib/lazy';
import type { ViewedProfile } from './people-badges';

type CompanyModule = typeof import('./company-panel');
type BadgesModule = typeof import('./people-badges');

interface Part {
  refresh(): void;
}

function lazyPart<M>(ctx: ContentScriptContext, path: string, wanted: () => boolean, create: (module: M) => Part): Part {
  let part: Part | null = null;
  let loading = false;
  return {
    refresh() {
      if (part) return part.refresh();
      if (loading || ctx.signal.aborted || !wanted()) return;
      loading = true;
      loadLazy<M>(path).then(
        (module) => {
          // Its constructor reads the page once (a microtask), then is told of changes.
          if (!ctx.signal.aborted) part = create(module);
        },
        (error: unknown) => {
          loading = false;
          console.warn(`[warm-intro] could not load ${path}`, error);
        },
      );
    },
  };
}

export function lazyCompanyPanel(ctx: ContentScriptContext, onCompanyPage: () => boolean): Part {
  return lazyPart<CompanyModule>(ctx, 'linkedin/company', onCompanyPage, (m) => m.createCompanyPanel(ctx));
}

export function lazyPeopleBadges(ctx: ContentScriptContext, onListPage: () => boolean, opts: { cameFrom: () => ViewedProfile | null }): Part {
  return lazyPart<BadgesModule>(ctx, 'linkedin/badges', onListPage, (m) => m.createPeopleBadges(ctx, opts));
}
