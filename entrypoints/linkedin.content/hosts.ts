/** The elements this content script puts into LinkedIn's page, and how to tell its own nodes. */
import { STALE_HOST } from '../../components/stale-notice';
import { deepQuerySelectorAll } from '../../lib/dom';
import * as S from '../../lib/linkedin/selectors';

export const SIDEBAR_HOST = 'warm-intro-sidebar';
/** One per message box or invitation note, beside its Send. */
export const COMPOSER_HOST = 'warm-intro-li-compose';

/** The company panel on `/company/<slug>/` pages. */
export const COMPANY_HOST = 'warm-intro-company';
/** One per person we know on a LinkedIn people list, beside their name. */
export const BADGE_HOST = 'warm-intro-badge';

const OURS = `${SIDEBAR_HOST}, ${COMPOSER_HOST}, ${STALE_HOST}, ${COMPANY_HOST}, ${BADGE_HOST}`;

/** Whether `node` is (or is inside) one of our hosts: our own rendering is not a page change. */
export function isOurUi(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return el?.closest(OURS) != null;
}

/** Buttons left by a previous copy of this script (before an extension update), shadow roots included. */
export function removeLeftovers(doc: Document): void {
  deepQuerySelectorAll(doc, COMPOSER_HOST).forEach((el) => el.remove());
}

/** Whether an added or removed node may open or close a composer. */
export function mayHoldComposer(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  return el.matches(S.COMPOSER_HINT) || el.querySelector(S.COMPOSER_HINT) !== null;
}

/** Added nodes that may be (or hold) a new message group: every sender block carries a `<time>`. */
export function mayHoldMessage(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  return el.localName === 'time' || el.querySelector('time') !== null;
}

/** Whether a removed node held one of our buttons (LinkedIn re-rendering the send row). */
export function holdsOurHost(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  return el.localName === COMPOSER_HOST || el.querySelector(COMPOSER_HOST) !== null;
}
