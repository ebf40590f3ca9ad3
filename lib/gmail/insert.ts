/**
 * Writing into a Gmail compose so that Gmail notices (and saves the draft): the subject through the
 * native value setter plus input events, the body at its top, above the signature and quoted text.
 * Text is always inserted as text (textContent, `insertText`), never parsed as HTML.
 */
import * as S from './selectors';

/** Sets the subject field as typing would: native setter, then bubbling `input` and `change`. */
export function setSubject(input: HTMLInputElement, text: string): void {
  // The prototype's setter, not an own property a page script may have put on the element.
  const setter = findValueSetter(Object.getPrototypeOf(input) as object | null);
  if (setter) setter.call(input, text);
  else input.value = text;
  const view = input.ownerDocument.defaultView;
  input.dispatchEvent(inputEvent(view, text));
  input.dispatchEvent(new (view?.Event ?? Event)('change', { bubbles: true }));
}

/**
 * Inserts plain text at the top of a compose body: into its first line when that line is empty
 * (`<br>`, `<div dir=ltr><br></div>`), otherwise above the existing content. Uses
 * `execCommand('insertText')` where the browser has it (keeps Gmail's undo stack and events); builds
 * `<div>` lines with textContent where it does not (happy-dom). Leaves the caret after the text.
 */
export function insertBody(body: HTMLElement, text: string): void {
  const doc = body.ownerDocument;
  const at = insertionPoint(body);
  body.focus();
  if (insertWithExecCommand(doc, at, text)) return;

  const lines = text.split(/\r\n|\r|\n/);
  const frag = doc.createDocumentFragment();
  for (const line of lines) {
    const div = doc.createElement('div');
    if (line) div.textContent = line;
    else div.appendChild(doc.createElement('br')); // an empty line keeps its height only with a <br>
    frag.appendChild(div);
  }
  const last = frag.lastChild;
  if (at.emptyLine) at.parent.replaceChild(frag, at.emptyLine);
  else at.parent.insertBefore(frag, at.before);
  if (last) placeCaretAfter(doc, last);

  const view = doc.defaultView;
  body.dispatchEvent(inputEvent(view, text));
  // Gmail's older draft-save path also listens for key events in the editor.
  body.dispatchEvent(new (view?.KeyboardEvent ?? KeyboardEvent)('keyup', { bubbles: true }));
}

type InsertionPoint = {
  parent: Node;
  /** An empty first line to replace, if any. */
  emptyLine: Node | null;
  /** Otherwise the node to insert before (null: append). */
  before: Node | null;
};

function insertionPoint(body: HTMLElement): InsertionPoint {
  let parent: Element = body;
  for (;;) {
    const first = firstContentChild(parent);
    if (!first) return { parent, emptyLine: null, before: null };
    if (isEmptyLine(first)) return { parent, emptyLine: first, before: null };
    // Gmail sometimes wraps the whole body, signature included, in one `<div dir=ltr>`: go inside it.
    if (first.nodeType === 1 && !isSignatureOrQuote(first as Element) && containsSignatureOrQuote(first as Element)) {
      parent = first as Element;
      continue;
    }
    return { parent, emptyLine: null, before: first };
  }
}

function firstContentChild(parent: Node): ChildNode | null {
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1) return node;
    if (node.nodeType === 3 && (node.textContent ?? '').trim() !== '') return node;
  }
  return null;
}

/** A line holding nothing but a line break: `<br>`, or a `<div>`/`<p>` with only `<br>`s and blanks. */
function isEmptyLine(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  if (el.tagName === 'BR') return true;
  if (el.tagName !== 'DIV' && el.tagName !== 'P') return false;
  if (isSignatureOrQuote(el)) return false;
  if ((el.textContent ?? '').replace(/[\s\u200b\ufeff]/g, '') !== '') return false;
  return Array.from(el.querySelectorAll('*')).every((child) => child.tagName === 'BR');
}

const SIGNATURE_OR_QUOTE = [...S.bodySignature, ...S.bodyQuote].join(',');

function isSignatureOrQuote(el: Element): boolean {
  return el.matches(SIGNATURE_OR_QUOTE);
}

function containsSignatureOrQuote(el: Element): boolean {
  return el.querySelector(SIGNATURE_OR_QUOTE) !== null;
}

/** Real Chromium: caret at the insertion point, then `insertText`. False when unavailable or refused. */
function insertWithExecCommand(doc: Document, at: InsertionPoint, text: string): boolean {
  if (typeof doc.execCommand !== 'function') return false;
  const selection = doc.getSelection();
  if (!selection) return false;
  const range = doc.createRange();
  if (at.emptyLine) {
    // Inside the empty line (before its <br>), so the typed text replaces the placeholder.
    if (at.emptyLine.nodeName === 'BR') range.setStartBefore(at.emptyLine);
    else range.setStart(at.emptyLine, 0);
  } else if (at.before) {
    range.setStartBefore(at.before);
  } else {
    range.setStart(at.parent, at.parent.childNodes.length);
  }
  range.collapse(true);
  selection.removeAllRanges();
  selection.addRange(range);
  // Above existing content the text needs its own line break, or it would run into the first line.
  const typed = at.emptyLine || !at.before ? text : `${text}\n`;
  try {
    return doc.execCommand('insertText', false, typed);
  } catch {
    return false;
  }
}

function placeCaretAfter(doc: Document, node: Node): void {
  const selection = doc.getSelection();
  if (!selection) return;
  const range = doc.createRange();
  range.setStartAfter(node);
  range.collapse(true);
  selection.removeAllRanges();
  selection.addRange(range);
}

function inputEvent(view: (Window & typeof globalThis) | null, text: string): Event {
  const init = { bubbles: true, inputType: 'insertText', data: text };
  const Ctor = view?.InputEvent ?? (typeof InputEvent === 'function' ? InputEvent : null);
  return Ctor ? new Ctor('input', init) : new (view?.Event ?? Event)('input', { bubbles: true });
}

function findValueSetter(proto: object | null): ((this: HTMLInputElement, value: string) => void) | null {
  for (let p = proto; p; p = Object.getPrototypeOf(p) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(p, 'value');
    if (descriptor?.set) return descriptor.set as (this: HTMLInputElement, value: string) => void;
  }
  return null;
}
