/**
 * The sidebar's interactive part, loaded when it is needed (lib/lazy.ts): Preact hydrates the
 * shell's nodes (components/sidebar/SidebarShell.ts draws the same markup), then keeps them up to date.
 */
import { hydrate, render } from 'preact';
import { Sidebar, type Props } from '../../components/sidebar/Sidebar';
import { pageStructure, structureRegion } from '../../lib/linkedin/page-structure';
import { profileSlug } from '../../lib/linkedin/url';

/** "Copy page structure for a bug report" (a page that can't be read): the anonymised skeleton. */
const copyStructure = async () => pageStructure(structureRegion(document, profileSlug(location.href)));

const taken = new WeakSet<HTMLElement>();

export function renderSidebar(container: HTMLElement, props: Props): void {
  const vnode = <Sidebar pageStructure={copyStructure} {...props} />;
  if (taken.has(container)) return render(vnode, container);
  taken.add(container);
  // The shell's nodes stay (focus, caret and place kept). Hydration leaves fields as they are,
  // except a textarea, which it empties: what the user typed is put back and announced as input,
  // so the form's state holds it too.
  const fields = Array.from(container.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'))
    .filter((field) => field.value !== '')
    .map((field) => ({ field, value: field.value, start: field.selectionStart, end: field.selectionEnd }));
  hydrate(vnode, container);
  for (const { field, value, start, end } of fields) {
    if (!field.isConnected) continue;
    if (field.value !== value) {
      field.value = value;
      field.setSelectionRange(start, end);
    }
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

export function unmountSidebar(container: HTMLElement): void {
  render(null, container);
  taken.delete(container);
}
