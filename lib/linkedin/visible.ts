/**
 * Text as a sighted reader sees it, for the page readers (mutual connections, people lists, company
 * pages, message threads). LinkedIn repeats text for screen readers in visually-hidden elements:
 * `.visually-hidden` / `.a11y-text` on the classic pages, a per-build hashed class on 2026 pages
 * (`._b51c9a1f { position:absolute; width:1px; height:1px; clip:rect(1px,1px,1px,1px) }`), so the
 * hidden ones are recognised by their computed style too, not only by class name.
 */
import { cleanText } from '../dom';
import * as S from './selectors';

/** True when `el` is a screen-reader-only copy (or not text at all): by class, attribute, or clipped 1px box. */
export function isVisuallyHidden(el: Element): boolean {
  if (el.matches(S.NOT_VISIBLE_TEXT)) return true;
  const view = el.ownerDocument?.defaultView;
  if (!view || typeof view.getComputedStyle !== 'function') return false;
  let style: CSSStyleDeclaration;
  try {
    style = view.getComputedStyle(el);
  } catch {
    return false;
  }
  if (style.display === 'none') return true;
  if (style.position !== 'absolute' && style.position !== 'fixed') return false;
  const tiny = (v: string) => /^(?:0|1)(?:px)?$/.test(v.trim());
  const clipped = /^rect\(/.test(style.clip) || /inset\(\s*50%/.test(style.clipPath ?? '');
  return clipped || (tiny(style.width) && tiny(style.height) && style.overflow === 'hidden');
}

/** The visible text of `el` (visually-hidden descendants skipped), collapsed and NFC; '' for none. */
export function visibleText(el: Element | null | undefined, skip?: (el: Element) => boolean): string {
  if (!el) return '';
  const out: string[] = [];
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) out.push((child as Text).data);
      else if (child.nodeType === 1) {
        const c = child as Element;
        if (c.tagName === 'BR') out.push(' ');
        else if (!isVisuallyHidden(c) && !skip?.(c)) walk(c);
      }
    }
  };
  if (!isVisuallyHidden(el)) walk(el);
  return cleanText(out.join('')).normalize('NFC');
}
