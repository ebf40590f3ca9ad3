/**
 * The popup's first paint, before Preact and the popup's bundle have loaded: its header and the
 * stage counts as of the last write (storage.local), in the markup `Popup` and `StageBar` render, so
 * when Preact takes over the same place nothing moves. Plain DOM, no imports but the stage names: it
 * ships as its own few-hundred-byte script (entrypoints/popup-early). The cells are not buttons yet;
 * Preact's are, a few milliseconds later.
 */
import type { CachedCounts } from '../lib/cached-summary';
import { STAGE_LABELS, STAGES } from '../lib/stages';

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string>, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Draws the header and the counts into `root` unless something (Preact) already drew there. */
export function paintEarlyCounts(root: HTMLElement, cached: CachedCounts, dashboardUrl: string): boolean {
  if (root.firstChild) return false;
  const doc = root.ownerDocument;
  const main = el(doc, 'main', { class: 'wi-popup', 'data-testid': 'wi-popup' });
  const header = el(doc, 'header', { class: 'wi-popup__header' });
  header.append(el(doc, 'h1', {}, 'Warm Intro'), el(doc, 'a', { href: dashboardUrl, 'data-testid': 'wi-open-dashboard' }, 'Dashboard'));
  const bar = el(doc, 'ol', { class: 'wi-stagebar', 'aria-label': 'Pipeline' });
  for (const stage of STAGES) {
    const cell = el(doc, 'li', { class: `wi-stagebar__cell wi-stage--${stage}` });
    const box = el(doc, 'div', { class: 'wi-stagebar__button' });
    box.append(
      el(doc, 'span', { class: 'wi-stagebar__count', 'data-testid': `wi-stage-count-${stage}` }, String(cached.counts[stage] ?? 0)),
      el(doc, 'span', { class: 'wi-stagebar__label' }, STAGE_LABELS[stage]),
    );
    cell.append(box);
    bar.append(cell);
  }
  main.append(header, bar);
  root.append(main);
  return true;
}
