/**
 * DOM helpers that also look inside open shadow roots. LinkedIn's 2025–26 shell mounts its chat
 * overlay and dialogs inside the open shadow root of `#interop-outlet`, where `querySelectorAll`
 * from the document finds nothing.
 */

/** Every open shadow root at or below `root`, outermost first (document order of their hosts). */
export function openShadowRoots(root: ParentNode): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const visit = (node: ParentNode): void => {
    // TreeWalker skips nothing that can host a shadow root and is far cheaper than querySelectorAll('*').
    const doc = (node as Node).ownerDocument ?? (node as Document);
    const walker = doc.createTreeWalker(node as Node, 1 /* NodeFilter.SHOW_ELEMENT */);
    for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) {
      const shadow = el.shadowRoot;
      if (shadow) {
        found.push(shadow);
        visit(shadow);
      }
    }
  };
  visit(root);
  return found;
}

/** `querySelectorAll` over `root` and every open shadow root below it, in document order per tree. */
export function deepQuerySelectorAll<E extends Element = Element>(root: ParentNode, selector: string): E[] {
  const out = Array.from(root.querySelectorAll<E>(selector));
  for (const shadow of openShadowRoots(root)) out.push(...Array.from(shadow.querySelectorAll<E>(selector)));
  return out;
}

/** Text as a person reads it: trimmed, whitespace runs collapsed to one space. */
export function cleanText(text: string | null | undefined): string {
  // Zero-width spaces and bidi marks (Gmail wraps shortcuts in U+202A/U+202C) go; U+200C/U+200D
  // stay, since emoji sequences and Persian and Indic names need them. Whitespace runs become one space.
  return (text ?? '')
    .replace(/[\u200b\u200e\u200f\u202a-\u202e\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
