import { defineContentScript } from 'wxt/utils/define-content-script';
import { STALE_HOST } from '../../components/stale-notice';
import { isExtensionAlive } from '../../lib/client';
import * as S from '../../lib/linkedin/selectors';
import { observePage, type PageObserver, type Watch } from '../../lib/page-observer';
import { companySlug } from '../../lib/linkedin/company';
import { isPeopleListPage } from '../../lib/linkedin/people-list';
import { lazyComposers, messageReader } from './lazy';
import type { LinkedInReplyWatcher } from './messages';
import { BADGE_HOST, COMPANY_HOST, holdsOurHost, isOurUi, mayHoldComposer, mayHoldMessage, SIDEBAR_HOST } from './hosts';
import { lazyCompanyPanel, lazyPeopleBadges } from './lazy-warm-path';
import { watchWhileParsing } from './early';
import { createProfileSidebar } from './sidebar';
import '../../components/theme.css';
import '../../components/sidebar/sidebar.css';
import '../../components/compose/compose.css';

const isCompanyPage = (url: string) => companySlug(url) !== null;

// One script for every LinkedIn page: LinkedIn moves between feed, profiles and messaging without
// loading a page, so a script matched to /in/* only would never run after such a move. Every
// subdomain: public profiles are served on country hosts (`nl.linkedin.com/in/…`).
export default defineContentScript({
  matches: ['https://*.linkedin.com/*'],
  // Before the HTML is parsed: a server-rendered top card is read as soon as the parser has passed
  // it (./early.ts), not when the whole page is parsed and Chromium gets round to a document_end script.
  runAt: 'document_start',
  cssInjectionMode: 'ui',
  // WXT tells an older copy of this script to stop with a DOM event; its extra window.postMessage
  // would wake every one of LinkedIn's own message listeners on each page load.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // A previous copy of this script (before an extension update) may have left its UI.
    // (Its message buttons, inside LinkedIn's composers, go when the composer module loads: ./composers.tsx.)
    document.querySelectorAll(`${SIDEBAR_HOST}, ${STALE_HOST}, ${COMPANY_HOST}, ${BADGE_HOST}`).forEach((old) => old.remove());

    /** The page observer, from the end of parsing on (until then only ./early.ts watches). */
    let observer: PageObserver | null = null;
    const sidebar = createProfileSidebar(ctx, { requestRefresh: () => observer?.schedule(sidebarWatch) });
    // The message-box reader and reply watcher (./messages.ts) load once the page has a form or text box.
    const reader = messageReader(ctx);
    const composers = lazyComposers(
      ctx,
      {
        requestSync: () => observer?.schedule(composerWatch),
        onNoticeClosed: () => void ctx.isInvalid,
      },
      () => mayHoldComposers(),
      reader,
    );
    // One native query per tree (the page, each open shadow root the observer knows) before any
    // walk of the page for composers: most LinkedIn pages have none.
    const mayHoldComposers = () =>
      document.querySelector(S.COMPOSER_HINT) !== null || !!observer?.shadowRoots().some((root) => root.querySelector(S.COMPOSER_HINT) !== null);

    // The profile is re-read after any change but our own (LinkedIn may swap a name's text only).
    // Once the person is shown, only changes in or above the page's <main> or in <head> are read again
    // (sidebar.concerns): posts, the feed, messaging and the nav change all day on LinkedIn.
    const sidebarWatch: Watch = {
      relevant: (node, _added, parent) => sidebar.concerns(parent, node) && !isOurUi(node),
      text: (node) => sidebar.concerns(node, node) && !isOurUi(node),
      run: sidebar.refresh,
      // The name goes on screen in the frame the top card arrives in, not 60 ms later.
      urgent: sidebar.waitingForPerson,
    };
    const composerWatch: Watch = {
      relevant: (node, added) => mayHoldComposer(node) || (!added && holdsOurHost(node)),
      run: composers.sync,
    };
    // A conversation opening (a composer appears) or a message arriving may show a contact's reply.
    let replies: LinkedInReplyWatcher | null = null;
    const replyWatch: Watch = {
      relevant: (node, added) => added && (mayHoldComposer(node) || mayHoldMessage(node)),
      run: () => {
        if (!mayHoldComposers()) return;
        const messages = reader(() => observer?.schedule(replyWatch));
        if (messages) (replies ??= messages.createLinkedInReplyWatcher()).check();
      },
    };
    // Company pages: the panel of people you know there. People lists: badges on people you know.
    // Which kind of page this is changes only with the URL: not worked out again for every node.
    let onCompany = isCompanyPage(location.href);
    let onList = isPeopleListPage(location.href);
    const companyPanel = lazyCompanyPanel(ctx, () => onCompany);
    const badges = lazyPeopleBadges(ctx, () => onList, { cameFrom: sidebar.viewed });
    const companyWatch: Watch = { relevant: (node) => onCompany && !isOurUi(node), run: companyPanel.refresh };
    const badgeWatch: Watch = { relevant: (node, added) => added && onList && !isOurUi(node), run: badges.refresh };
    const onMove = () => {
      onCompany = isCompanyPage(location.href);
      onList = isPeopleListPage(location.href);
      observer?.schedule(companyWatch);
      observer?.schedule(badgeWatch);
    };
    ctx.addEventListener(window, 'wxt:locationchange', onMove);
    ctx.addEventListener(window, 'popstate', onMove);
    const watch = () => {
      if (observer || ctx.signal.aborted) return;
      observer = observePage(ctx, [sidebarWatch, composerWatch, replyWatch, companyWatch, badgeWatch], {
        isAlive: isExtensionAlive,
        holdOn: () => composers.holdingNotice,
        ours: isOurUi,
        shadowRoots: { hosts: S.SHADOW_HOSTS, ignore: (root) => isOurUi(root.host) },
      });
      sidebar.refresh();
      observer.schedule(composerWatch);
      observer.schedule(replyWatch);
      if (onCompany) observer.schedule(companyWatch);
      if (onList) observer.schedule(badgeWatch);
    };
    if (document.readyState !== 'loading') return watch();
    // While the parser runs, only a look for a finished top card (cheap, once per parser task).
    watchWhileParsing(ctx, sidebar.readWhileParsing);
    ctx.addEventListener(document, 'DOMContentLoaded', watch, { once: true });
  },
});
