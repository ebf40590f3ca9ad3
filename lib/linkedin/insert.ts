/**
 * Puts text into a LinkedIn message box or invitation note so that the page notices. LinkedIn's
 * components keep their own copy of the text and update it only from input events; a bare DOM or
 * `.value` write is ignored and Send stays disabled. Text only, never HTML.
 */

/** Whitespace-free form, to find `text` in an editor whose paragraphs swallowed its newlines. */
function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

function contains(haystack: string, text: string): boolean {
  return squash(haystack).includes(squash(text));
}

/** `document.execCommand('insertText')`: the path that behaves like typing (undo, maxlength, events). */
function execInsert(doc: Document, text: string): boolean {
  // Deprecated but still the only way to type into a contenteditable; absent in some DOMs (happy-dom).
  if (typeof doc.execCommand !== 'function') return false;
  try {
    return doc.execCommand('insertText', false, text);
  } catch {
    return false;
  }
}

// The page's own constructors: events from another realm are rejected by some DOMs.
function inputEvent(view: Window & typeof globalThis, text: string): Event {
  return new view.InputEvent('input', { bubbles: true, cancelable: false, inputType: 'insertText', data: text });
}

/** Empty in the eyes of a reader: LinkedIn's empty box holds `<p><br></p>`. */
function isBlank(editor: HTMLElement): boolean {
  return (editor.textContent ?? '').trim() === '';
}

function insertIntoContentEditable(editor: HTMLElement, text: string): boolean {
  const doc = editor.ownerDocument;
  const view = doc.defaultView;
  if (!view) return false;
  const blank = isBlank(editor);
  editor.focus();
  // Select the empty placeholder paragraph (so it is replaced) or put the caret at the end.
  const selection = view.getSelection();
  if (selection) {
    const range = doc.createRange();
    range.selectNodeContents(editor);
    if (!blank) range.collapse(false);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  const before = editor.textContent ?? '';
  if (execInsert(doc, text) && editor.textContent !== before && contains(editor.textContent ?? '', text)) return true;

  // Fallback: write the text ourselves, one paragraph per line as LinkedIn's editor keeps it, then
  // tell the page with the event typing would have fired.
  const usesParagraphs = blank || editor.querySelector(':scope > p') !== null;
  if (blank) editor.replaceChildren();
  const lines = text.split('\n');
  if (usesParagraphs) {
    for (const line of lines) {
      const p = doc.createElement('p');
      if (line) p.append(doc.createTextNode(line));
      else p.append(doc.createElement('br'));
      editor.append(p);
    }
  } else {
    lines.forEach((line, i) => {
      if (i > 0) editor.append(doc.createElement('br'));
      editor.append(doc.createTextNode(line));
    });
  }
  if (selection) {
    const range = doc.createRange();
    range.selectNodeContents(editor);
    range.collapse(false);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  editor.dispatchEvent(inputEvent(view, text));
  return contains(editor.textContent ?? '', text);
}

function insertIntoTextarea(area: HTMLTextAreaElement, text: string): boolean {
  const doc = area.ownerDocument;
  const view = doc.defaultView;
  if (!view) return false;
  const before = area.value;
  // The browser would cut the note at `maxlength`; refuse instead, so the caller can tell the user.
  if (area.maxLength > 0 && before.length + text.length > area.maxLength) return false;
  area.focus();
  area.setSelectionRange(before.length, before.length);
  if (execInsert(doc, text) && area.value !== before && area.value.includes(text)) return true;

  // Fallback: React tracks `value` on the element itself and ignores writes it made; the
  // prototype's setter bypasses that tracker, and the bubbling input event updates its state.
  const setter = Object.getOwnPropertyDescriptor(view.HTMLTextAreaElement.prototype, 'value')?.set;
  if (!setter) return false;
  setter.call(area, before + text);
  area.dispatchEvent(inputEvent(view, text));
  return area.value.includes(text);
}

/**
 * Inserts `text` at the end of `editor` (a contenteditable message box or a `<textarea>` note) the
 * way typing would, and returns whether the text is now there. A note that would exceed its
 * `maxlength` is left untouched and false is returned.
 */
export function insertIntoEditor(editor: HTMLElement, text: string): boolean {
  if (!text) return false;
  // Tag names, not instanceof: the editor may come from another realm (a test DOM, a frame).
  if (editor.tagName === 'TEXTAREA') return insertIntoTextarea(editor as HTMLTextAreaElement, text);
  const editable = editor.getAttribute('contenteditable');
  if (editor.isContentEditable || editable === 'true' || editable === '') {
    return insertIntoContentEditable(editor, text);
  }
  return false;
}
