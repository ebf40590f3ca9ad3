import { describe, expect, it, vi } from 'vitest';
import { composeSubjectInput, findComposes, type GmailCompose } from '../../../lib/gmail/compose';
import { insertBody, setSubject } from '../../../lib/gmail/insert';
import { loadFixture } from '../../helpers/dom';

const INBOX = 'https://mail.google.com/mail/u/0/#inbox';
const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJqWlbZqPtwXJvKcJsPLvT';

/** A compose as gmail-compose.html's script opens it (template cloned into the mole strip). */
function newCompose(): { doc: Document; compose: GmailCompose } {
  const doc = loadFixture('gmail-compose.html', INBOX);
  const template = doc.getElementById('fx-compose-template') as HTMLTemplateElement;
  const mole = (template.content.cloneNode(true) as DocumentFragment).firstElementChild as HTMLElement;
  (mole.querySelector('input[name=composeid]') as HTMLInputElement).value = 'c1';
  (doc.querySelector('div.dw .nH > .nH > .no') as HTMLElement).appendChild(mole);
  return { doc, compose: findComposes(doc)[0] as GmailCompose };
}

/** The body's lines as a person sees them: one entry per block child, `''` for an empty line. */
function lines(el: Element): string[] {
  return Array.from(el.children, (child) => child.textContent ?? '');
}

describe('setSubject', () => {
  it('writes through the native setter and fires bubbling input and change events', () => {
    const { doc, compose } = newCompose();
    const input = composeSubjectInput(compose) as HTMLInputElement;
    const seen: string[] = [];
    doc.addEventListener('input', (e) => seen.push(`${e.type}:${(e as InputEvent).inputType}`));
    doc.addEventListener('change', (e) => seen.push(e.type));
    // A page script's own `value` property on the element must not swallow the write.
    let intercepted = false;
    Object.defineProperty(input, 'value', { configurable: true, get: () => '', set: () => (intercepted = true) });

    setSubject(input, 'Coffee chat? <b>20 min</b>');

    delete (input as { value?: string }).value; // back to the prototype's accessor
    expect(intercepted).toBe(false);
    expect(input.value).toBe('Coffee chat? <b>20 min</b>');
    expect(seen).toEqual(['input:insertText', 'change']);
    expect(findComposes(doc)[0]?.subject).toBe('Coffee chat? <b>20 min</b>');
  });
});

describe('insertBody without execCommand (happy-dom)', () => {
  it('replaces the empty <br> of a new compose with one <div> per line and notifies Gmail', () => {
    const { doc, compose } = newCompose();
    const events: string[] = [];
    doc.addEventListener('input', (e) => events.push(`input:${(e as InputEvent).inputType}:${(e as InputEvent).data}`));
    doc.addEventListener('keyup', () => events.push('keyup'));

    insertBody(compose.body, 'Hi Priya,\n\nWould you have 20 minutes?');

    expect(compose.body.innerHTML).toBe('<div>Hi Priya,</div><div><br></div><div>Would you have 20 minutes?</div>');
    expect(events).toEqual(['input:insertText:Hi Priya,\n\nWould you have 20 minutes?', 'keyup']);
    expect(doc.activeElement).toBe(compose.body);
  });

  it('gmail-reply.html: lands before the quoted text, in place of the empty first line', () => {
    const doc = loadFixture('gmail-reply.html', THREAD);
    const { body } = findComposes(doc)[0] as GmailCompose;
    const quote = body.querySelector('.gmail_quote_container') as HTMLElement;
    const quoteHtml = quote.outerHTML;

    insertBody(body, 'Hi Hannah,\r\nTuesday works.');

    expect(lines(body)).toEqual(['Hi Hannah,', 'Tuesday works.', expect.stringContaining('wrote:')]);
    expect(body.lastElementChild).toBe(quote);
    expect(quote.outerHTML).toBe(quoteHtml);
    expect(body.querySelector(':scope > div[dir=ltr]:first-child')).toBeNull(); // the empty line is gone
  });

  it('gmail-compose-fullscreen.html: lands above the signature, keeping the blank line before it', () => {
    const doc = loadFixture('gmail-compose-fullscreen.html', `${INBOX}?compose=new`);
    const { body } = findComposes(doc)[0] as GmailCompose;
    const signature = body.querySelector('[data-smartmail=gmail_signature]') as HTMLElement;

    insertBody(body, 'Hi Mei,');

    const children = Array.from(body.childNodes);
    expect(children.map((n) => n.nodeName)).toEqual(['DIV', 'DIV', 'SPAN', 'BR', 'DIV']);
    expect(children[0]?.textContent).toBe('Hi Mei,');
    expect(children[1]?.textContent).toBe(''); // Gmail's second empty line stays as the gap
    expect(children[4]).toBe(signature);
  });

  it('goes inside a wrapper that holds the signature, and above existing text', () => {
    const { compose } = newCompose();
    const { body } = compose;
    const doc = body.ownerDocument;
    const wrapper = doc.createElement('div');
    wrapper.setAttribute('dir', 'ltr');
    const existing = doc.createElement('div');
    existing.textContent = 'Already typed';
    const signature = doc.createElement('div');
    signature.className = 'gmail_signature';
    signature.textContent = 'Alex';
    wrapper.append(existing, signature);
    body.replaceChildren(wrapper);

    insertBody(body, 'First');

    expect(body.children).toHaveLength(1);
    expect(lines(wrapper)).toEqual(['First', 'Already typed', 'Alex']);
  });

  it('keeps hostile text as text', () => {
    const { compose } = newCompose();
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';

    insertBody(compose.body, hostile);

    expect(compose.body.querySelector('img, script')).toBeNull();
    expect(compose.body.textContent).toBe(hostile);
  });
});

describe('insertBody with execCommand (real Chromium)', () => {
  it('types into the empty first line with insertText and builds nothing itself', () => {
    const doc = loadFixture('gmail-reply.html', THREAD);
    const { body } = findComposes(doc)[0] as GmailCompose;
    const emptyLine = body.firstElementChild as HTMLElement;
    let caret: Node | null = null;
    const execCommand = vi.fn((_command: string, _ui: boolean, _value: string) => {
      caret = doc.getSelection()?.anchorNode ?? null;
      return true;
    });
    Object.assign(doc, { execCommand });

    insertBody(body, 'Hi Hannah,');

    expect(execCommand).toHaveBeenCalledWith('insertText', false, 'Hi Hannah,');
    expect(caret).toBe(emptyLine);
    expect(body.firstElementChild).toBe(emptyLine); // the browser does the editing, not us
  });

  it('adds a line break when typing above existing content', () => {
    const { doc, compose } = newCompose();
    compose.body.innerHTML = '<div>Already typed</div>';
    const execCommand = vi.fn(() => true);
    Object.assign(doc, { execCommand });

    insertBody(compose.body, 'First');

    expect(execCommand).toHaveBeenCalledWith('insertText', false, 'First\n');
  });

  it('builds the lines itself when the browser refuses the command', () => {
    const { doc, compose } = newCompose();
    Object.assign(doc, { execCommand: vi.fn(() => false) });

    insertBody(compose.body, 'Hi');

    expect(compose.body.innerHTML).toBe('<div>Hi</div>');
  });
});
