import { defineContentScript } from 'wxt/utils/define-content-script';
import { isExtensionAlive } from '../../lib/client';
import { mayContainCompose } from '../../lib/gmail/compose';
import * as S from '../../lib/gmail/selectors';
import { holdsOurHost, removeLeftovers } from './hosts';
import { lazyComposes } from './lazy';
import { observePage, type Watch } from '../../lib/page-observer';
import { createReplyWatcher } from './replies';
import '../../components/theme.css';
import '../../components/compose/compose.css';

/** Added nodes that may be (or hold) a thread message: the thread view rendering or growing. */
const MESSAGE_HINT = S.threadMessage.join(',');

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main(ctx) {
    // A previous copy of this script (before an extension update) may have left its buttons.
    removeLeftovers(document);

    const composes = lazyComposes(ctx, {
      requestSync: () => observer.schedule(composeWatch),
      onNoticeClosed: () => void ctx.isInvalid,
    });
    const replies = createReplyWatcher(document);

    const composeWatch: Watch = {
      relevant: (node, added) => mayContainCompose(node) || (!added && holdsOurHost(node)),
      run: composes.sync,
    };
    const threadWatch: Watch = {
      relevant: (node, added) => added && node.nodeType === 1 && ((node as Element).matches(MESSAGE_HINT) || (node as Element).querySelector(MESSAGE_HINT) !== null),
      run: replies.check,
    };
    const observer = observePage(ctx, [composeWatch, threadWatch], {
      isAlive: isExtensionAlive,
      holdOn: () => composes.holdingNotice,
    });
    // Gmail may show a thread it rendered before by un-hiding it, which adds no nodes.
    ctx.addEventListener(window, 'hashchange', () => observer.schedule(threadWatch));

    observer.schedule(composeWatch);
    observer.schedule(threadWatch);
  },
});
