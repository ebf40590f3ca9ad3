/** The elements this content script puts into Gmail's page, and how to find those of an older copy. */

export const HOST = 'warm-intro-compose';
/** The table cell (or span) we add beside Send to hold the host. */
export const CELL_ATTR = 'data-warm-intro-cell';

/** Hosts and cells left by a previous copy of this script (before an extension update). */
export function removeLeftovers(doc: Document): void {
  doc.querySelectorAll(`[${CELL_ATTR}]`).forEach((el) => el.remove());
  doc.querySelectorAll(HOST).forEach((el) => el.remove());
}

/** Whether a removed node held one of our buttons (Gmail re-rendering the send row). */
export function holdsOurHost(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  return el.matches(`${HOST}, [${CELL_ATTR}]`) || el.querySelector(HOST) !== null;
}
