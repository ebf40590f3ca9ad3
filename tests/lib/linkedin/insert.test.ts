import { describe, expect, it } from 'vitest';
import { insertIntoEditor } from '../../../lib/linkedin/insert';
import { loadFixture } from '../../helpers/dom';

const THREAD = 'https://www.linkedin.com/messaging/thread/2-MzQ5ZTEyYjAtNmE4Ny00ZjVhLWI1YzItOWQ3YTFmMGUyYjQxXzEwMA==/';
const SAMIRA = 'https://www.linkedin.com/in/samira-haddad-6d2e9b14/';

type Seen = { type: string; inputType: string | undefined; data: string | null | undefined; bubbles: boolean };

/** Records the input events that reach `listener` (as LinkedIn's form-level handler would see them). */
function recordInputs(listener: EventTarget): Seen[] {
  const seen: Seen[] = [];
  listener.addEventListener('input', (event) => {
    const e = event as InputEvent;
    seen.push({ type: e.type, inputType: e.inputType, data: e.data, bubbles: e.bubbles });
  });
  return seen;
}

function messageBox() {
  const doc = loadFixture('linkedin-messaging.html', THREAD);
  const form = doc.querySelector<HTMLFormElement>('form#msg-form-ember214');
  const editor = form?.querySelector<HTMLElement>('.msg-form__contenteditable');
  if (!form || !editor) throw new Error('fixture changed');
  return { doc, form, editor };
}

function noteField(maxLength = 300) {
  const doc = loadFixture('linkedin-invite-note.html', SAMIRA);
  const outlet = doc.getElementById('artdeco-modal-outlet');
  const content = doc.querySelector<HTMLTemplateElement>('template[data-fx="invite-content-2"]')?.innerHTML ?? '';
  if (!outlet) throw new Error('fixture changed');
  const note = content.replace('maxlength="300"', `maxlength="${maxLength}"`);
  outlet.innerHTML = `<div role="dialog" class="artdeco-modal send-invite"><div class="artdeco-modal__content">${note}</div></div>`;
  const area = outlet.querySelector('textarea');
  if (!area) throw new Error('fixture changed');
  return { doc, outlet, area };
}

describe('insertIntoEditor in a message box (contenteditable)', () => {
  it('falls back to a DOM change plus a bubbling InputEvent when execCommand is missing', () => {
    const { doc, form, editor } = messageBox();
    expect(typeof (doc as Partial<Document>).execCommand).not.toBe('function'); // happy-dom has none
    const seen = recordInputs(form);
    expect(insertIntoEditor(editor, 'Hi Mateo, thanks!')).toBe(true);
    expect(editor.innerHTML).toBe('<p>Hi Mateo, thanks!</p>'); // the empty <p><br></p> is replaced
    expect(seen).toEqual([{ type: 'input', inputType: 'insertText', data: 'Hi Mateo, thanks!', bubbles: true }]);
  });

  it('keeps one paragraph per line, as LinkedIn’s editor does', () => {
    const { editor } = messageBox();
    expect(insertIntoEditor(editor, 'Hi Mateo,\n\nThursday works.')).toBe(true);
    expect(editor.innerHTML).toBe('<p>Hi Mateo,</p><p><br></p><p>Thursday works.</p>');
  });

  it('adds after text already in the box', () => {
    const { editor } = messageBox();
    editor.innerHTML = '<p>Hi Mateo,</p>';
    expect(insertIntoEditor(editor, 'are you free Thursday?')).toBe(true);
    expect(editor.textContent).toBe('Hi Mateo,are you free Thursday?');
    expect(editor.querySelectorAll('p')).toHaveLength(2);
  });

  it('inserts markup as text, never as elements', () => {
    const { editor } = messageBox();
    expect(insertIntoEditor(editor, '<img src=x onerror=alert(1)> & <b>bold</b>')).toBe(true);
    expect(editor.querySelector('img, b')).toBeNull();
    expect(editor.textContent).toBe('<img src=x onerror=alert(1)> & <b>bold</b>');
  });

  it('uses execCommand when the browser has it, without inserting twice', () => {
    const { doc, form, editor } = messageBox();
    const seen = recordInputs(form);
    // Stand-in for Chromium: inserts at the selection and fires its own input event.
    Object.assign(doc, {
      execCommand: (command: string, _ui: boolean, value: string) => {
        if (command !== 'insertText') return false;
        editor.innerHTML = `<p>${value}</p>`;
        const view = doc.defaultView as Window & typeof globalThis;
        editor.dispatchEvent(new view.InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
        return true;
      },
    });
    expect(insertIntoEditor(editor, 'Hello')).toBe(true);
    expect(editor.innerHTML).toBe('<p>Hello</p>');
    expect(seen).toHaveLength(1);
  });

  it('falls back when execCommand reports success but changed nothing', () => {
    const { doc, form, editor } = messageBox();
    const seen = recordInputs(form);
    Object.assign(doc, { execCommand: () => true });
    expect(insertIntoEditor(editor, 'Hello')).toBe(true);
    expect(editor.innerHTML).toBe('<p>Hello</p>');
    expect(seen.map((s) => s.data)).toEqual(['Hello']);
  });
});

describe('insertIntoEditor in an invitation note (textarea)', () => {
  it('writes through the prototype setter, past a React-style value tracker, and fires a bubbling input event', () => {
    const { outlet, area, doc } = noteField();
    const view = doc.defaultView as Window & typeof globalThis;
    const native = Object.getOwnPropertyDescriptor(view.HTMLTextAreaElement.prototype, 'value');
    // React keeps the last value it wrote on the node itself; a plain `.value =` goes through this.
    let tracked: string | null = null;
    Object.defineProperty(area, 'value', {
      configurable: true,
      get: () => native?.get?.call(area),
      set: (v: string) => {
        tracked = v;
        native?.set?.call(area, v);
      },
    });
    const seen = recordInputs(outlet);
    expect(insertIntoEditor(area, 'We met at the Austin meetup.')).toBe(true);
    expect(area.value).toBe('We met at the Austin meetup.');
    expect(tracked).toBeNull(); // the tracker did not see the write, so React will take the event's value
    expect(seen).toEqual([{ type: 'input', inputType: 'insertText', data: 'We met at the Austin meetup.', bubbles: true }]);
  });

  it('refuses a note longer than the field allows and leaves it untouched', () => {
    const { area } = noteField(200);
    expect(insertIntoEditor(area, 'x'.repeat(201))).toBe(false);
    expect(area.value).toBe('');
    expect(insertIntoEditor(area, 'x'.repeat(200))).toBe(true);
  });

  it('does nothing for elements that are not editors', () => {
    const { doc } = messageBox();
    const button = doc.querySelector<HTMLElement>('button.msg-form__send-button');
    expect(button && insertIntoEditor(button, 'Hello')).toBe(false);
    expect(button?.textContent).toBe('Send');
  });
});
