/**
 * The company panel (components/sidebar/CompanyPanel.tsx) on LinkedIn company pages
 * (`/company/<slug>/…`): shown once the page says which company it is, replaced when LinkedIn moves
 * to another company, removed anywhere else. Told of page changes by the content script's one page
 * observer.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { CompanyPanel } from '../../components/sidebar/CompanyPanel';
import { companySlug, extractCompanyPage } from '../../lib/linkedin/company';
import { COMPANY_HOST } from './hosts';

export interface CompanyPanelUi {
  /** Re-read the page and show, update or remove the panel. */
  refresh(): void;
}

export function createCompanyPanel(ctx: ContentScriptContext): CompanyPanelUi {
  let ui: ShadowRootContentScriptUi<void> | null = null;
  let mounting: Promise<void> | null = null;
  /** The company shown (its name as the page gives it). */
  let company: string | null = null;
  let shownSlug: string | null = null;
  /** Closed by the user: stays closed for this company until the page moves on. */
  let closedSlug: string | null = null;

  const draw = () => {
    if (!ui || !company) return;
    const slug = shownSlug;
    render(<CompanyPanel key={company} company={company} onClose={() => ((closedSlug = slug), unmount())} />, ui.uiContainer);
  };

  const unmount = () => {
    company = null;
    shownSlug = null;
    if (!ui) return;
    render(null, ui.uiContainer);
    ui.remove();
    ui = null;
  };

  const refresh = () => {
    if (ctx.signal.aborted) return;
    const slug = companySlug(location.href);
    if (!slug || slug !== closedSlug) closedSlug = null;
    const page = slug && !closedSlug ? extractCompanyPage(document, location.href) : null;
    if (!page) {
      // A move to another company reads null for a moment: keep nothing of the old one on screen.
      if (slug !== shownSlug || closedSlug) unmount();
      return;
    }
    if (page.name === company && ui) return;
    company = page.name;
    shownSlug = page.slug;
    if (ui) return draw();
    mounting ??= createShadowRootUi(ctx, { name: COMPANY_HOST, position: 'inline', anchor: 'body', append: 'last', onMount: () => {} }).then(
      (created) => {
        mounting = null;
        if (!company || ctx.signal.aborted) return;
        created.mount();
        ui = created;
        draw();
      },
    );
  };

  queueMicrotask(refresh);
  return { refresh };
}
