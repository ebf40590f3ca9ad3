/**
 * The sidebar's interactive part, loaded on first use (lib/lazy.ts): Preact renders `Sidebar` into
 * the shell's container, over the shell's identical first paint, and keeps it up to date.
 */
import { render } from 'preact';
import { Sidebar, type Props } from '../../components/sidebar/Sidebar';
import { pageStructure, structureRegion } from '../../lib/linkedin/page-structure';
export { extractMutualConnections as readMutuals } from '../../lib/linkedin/mutuals';
import { profileSlug } from '../../lib/linkedin/url';

/** "Copy page structure for a bug report" (a page that can't be read): the anonymised skeleton. */
const copyStructure = async () => pageStructure(structureRegion(document, profileSlug(location.href)));

const taken = new WeakSet<HTMLElement>();

export function renderSidebar(container: HTMLElement, props: Props): void {
  // The shell's nodes go in the same task as Preact's arrive: no frame shows the container empty.
  if (!taken.has(container)) {
    taken.add(container);
    container.replaceChildren();
  }
  render(<Sidebar pageStructure={copyStructure} {...props} />, container);
}

export function unmountSidebar(container: HTMLElement): void {
  render(null, container);
  taken.delete(container);
}
