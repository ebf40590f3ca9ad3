import { describe, expect, it } from 'vitest';
import { composeSubjectInput, findComposes, mayContainCompose, parseAddressList } from '../../../lib/gmail/compose';
import { loadFixture } from '../../helpers/dom';

const INBOX = 'https://mail.google.com/mail/u/0/#inbox';
const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJqWlbZqPtwXJvKcJsPLvT';

type Person = { name?: string; email: string };

/**
 * What gmail-compose.html's page script does when Compose is clicked: clone `template#fx-compose-template`
 * into the mole strip with a fresh composeid; `withEditor: false` stops before the editor (`td.GQ`'s
 * child), which the script inserts 60 ms after the window shell.
 */
function openCompose(doc: Document, composeId: string, withEditor = true): { mole: HTMLElement; editor: HTMLElement } {
  const template = doc.getElementById('fx-compose-template') as HTMLTemplateElement;
  const mole = (template.content.cloneNode(true) as DocumentFragment).firstElementChild as HTMLElement;
  (mole.querySelector('input[name=composeid]') as HTMLInputElement).value = composeId;
  const gq = mole.querySelector('td.GQ') as HTMLElement;
  const editor = gq.firstElementChild as HTMLElement;
  if (!withEditor) gq.removeChild(editor);
  (doc.querySelector('div.dw .nH > .nH > .no') as HTMLElement).appendChild(mole);
  return { mole, editor };
}

/** The script's `commit()`: a chip in the field's listbox, then the collapsed summary re-synced. */
function addChip(mole: Element, kind: 'to' | 'cc' | 'bcc', person: Person): void {
  const doc = mole.ownerDocument;
  const list = mole.querySelector(`.anm[name=${kind}] [role=listbox]`) as HTMLElement;
  const chip = doc.createElement('div');
  chip.className = 'afV';
  chip.setAttribute('role', 'option');
  chip.setAttribute('data-name', person.name ?? person.email);
  chip.setAttribute('data-hovercard-id', person.email);
  chip.textContent = person.name ?? person.email;
  const agh = doc.createElement('div');
  agh.className = 'agh';
  agh.appendChild(chip);
  list.appendChild(agh);
  const summary = mole.querySelector('.oL.aDm.az9') as HTMLElement;
  summary.textContent = '';
  for (const c of mole.querySelectorAll('.GS .anm[name] [role=listbox] [role=option][data-hovercard-id]')) {
    const span = doc.createElement('span');
    span.setAttribute('email', c.getAttribute('data-hovercard-id') ?? '');
    span.textContent = c.getAttribute('data-name');
    summary.append(span, ', ');
  }
}

function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

describe('findComposes on gmail-compose.html (inbox)', () => {
  it('finds nothing before Compose is clicked: the template and the inbox rows are not composes', () => {
    const doc = loadFixture('gmail-compose.html', INBOX);
    expect(doc.querySelectorAll('tr.zA span[email]').length).toBe(5);
    expect(findComposes(doc)).toEqual([]);
  });

  it('reads a freshly opened compose as the README expects: no recipients, empty subject, body <br>', () => {
    const doc = loadFixture('gmail-compose.html', INBOX);
    openCompose(doc, 'c1');
    const c = only(findComposes(doc));
    expect(c).toMatchObject({
      composeId: 'c1',
      draftId: null, // the template holds the string "undefined" until Gmail saves
      threadId: null,
      to: [],
      cc: [],
      bcc: [],
      subject: '',
      inline: false,
      fullscreen: false,
      minimized: false,
    });
    expect(c.element.getAttribute('role')).toBe('dialog');
    expect(c.body.getAttribute('g_editable')).toBe('true');
    expect(c.body.innerHTML).toBe('<br>');
    expect(c.sendButton?.textContent).toBe('Send');
    expect(composeSubjectInput(c)?.getAttribute('name')).toBe('subjectbox');
  });

  it('waits for the editor, which arrives after the window shell', () => {
    const doc = loadFixture('gmail-compose.html', INBOX);
    const { mole, editor } = openCompose(doc, 'c1', false);
    expect(mayContainCompose(mole)).toBe(true);
    expect(findComposes(doc)).toEqual([]);
    (mole.querySelector('td.GQ') as HTMLElement).appendChild(editor);
    expect(mayContainCompose(editor)).toBe(true);
    expect(only(findComposes(doc)).composeId).toBe('c1');
  });

  it('reads chips per field, lower-cased and deduplicated, and ignores autocomplete suggestions and typed text', () => {
    const doc = loadFixture('gmail-compose.html', INBOX);
    const { mole } = openCompose(doc, 'c1');
    addChip(mole, 'to', { name: 'Hannah Becker', email: 'Hannah.Becker@Example.com' });
    addChip(mole, 'to', { email: 'hannah.becker@example.com' });
    addChip(mole, 'cc', { name: 'Ravi Shah', email: 'ravi.shah@example.net' });
    // An open suggestion list (the input's aria-controls target) with a hovercard id: not a recipient.
    const suggestions = mole.querySelector('.anm[name=to] .afj[role=listbox]') as HTMLElement;
    const option = doc.createElement('div');
    option.setAttribute('role', 'option');
    option.setAttribute('data-hovercard-id', 'priya.natarajan@example.com');
    suggestions.appendChild(option);
    (mole.querySelector('.anm[name=bcc] input') as HTMLInputElement).value = 'tomas.alvarez@example.com';

    const c = only(findComposes(doc));
    expect(c.to).toEqual(['hannah.becker@example.com']);
    expect(c.cc).toEqual(['ravi.shah@example.net']);
    expect(c.bcc).toEqual([]);
  });

  it('returns several composes in DOM order, the same elements on every call', () => {
    const doc = loadFixture('gmail-compose.html', INBOX);
    openCompose(doc, 'c1');
    openCompose(doc, 'c2');
    const first = findComposes(doc);
    expect(first.map((c) => c.composeId)).toEqual(['c1', 'c2']);
    const second = findComposes(doc);
    expect(second.map((c) => c.element)).toEqual(first.map((c) => c.element));
    expect(second[0]?.element).toBe(first[0]?.element);
    expect(second[1]?.body).toBe(first[1]?.body);
  });

  it('finds a compose inside an open shadow root', () => {
    const doc = loadFixture('gmail-compose.html', INBOX);
    const { mole } = openCompose(doc, 'c1');
    const host = doc.createElement('div');
    doc.body.appendChild(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.appendChild(mole);
    expect(only(findComposes(doc)).composeId).toBe('c1');
    expect(mayContainCompose(host)).toBe(true);
  });

  it('tells the MutationObserver which nodes to skip', () => {
    const doc = loadFixture('gmail-compose.html', INBOX);
    expect(mayContainCompose(doc.querySelector('tr.zA') as Element)).toBe(false);
    expect(mayContainCompose(doc.createTextNode('Compose'))).toBe(false);
    const template = doc.getElementById('fx-compose-template') as HTMLTemplateElement;
    expect(mayContainCompose(template.content)).toBe(true);
  });
});

describe('findComposes on gmail-reply.html (inline reply)', () => {
  it('reads the README values, scoped to the reply: thread headers are not recipients', () => {
    const doc = loadFixture('gmail-reply.html', THREAD);
    const c = only(findComposes(doc));
    expect(c).toMatchObject({
      composeId: 'c8',
      draftId: '#msg-a:r-6217437750293364518',
      threadId: 'thread-f:1837664310028547371',
      to: ['hannah.becker@example.com'],
      cc: ['ravi.shah@example.net'],
      bcc: [],
      subject: 'Re: Q3 partnership proposal — next steps',
      inline: true,
      fullscreen: false,
      minimized: false,
    });
    expect(c.element.classList.contains('M9')).toBe(true);
    expect(c.body.classList.contains('aO9')).toBe(true);
    expect(c.sendButton?.getAttribute('data-tooltip')).toMatch(/^Send/);
  });

  it('falls back to the collapsed summary when no chip row is in the DOM', () => {
    const doc = loadFixture('gmail-reply.html', THREAD);
    doc.querySelector('.M9 .fX')?.remove();
    const c = only(findComposes(doc));
    // The summary does not say who is Cc, so everyone lands in To.
    expect(c.to).toEqual(['hannah.becker@example.com', 'ravi.shah@example.net']);
    expect(c.cc).toEqual([]);
  });
});

describe('findComposes in a standalone pop-out window', () => {
  it('treats a compose under `body.xE.xp` as full screen, not inline', () => {
    const doc = loadFixture('gmail-compose.html', `${INBOX}?compose=new`);
    const template = doc.getElementById('fx-compose-template') as HTMLTemplateElement;
    const m9 = (template.content.cloneNode(true) as DocumentFragment).querySelector('.M9') as HTMLElement;
    (m9.querySelector('input[name=composeid]') as HTMLInputElement).value = 'c9';
    const main = doc.querySelector('[role=main]') as HTMLElement;
    main.replaceChildren(m9); // the pop-out page has the compose, without a dialog, as its main content
    doc.body.classList.add('xE', 'xp');
    const c = only(findComposes(doc));
    expect(c).toMatchObject({ composeId: 'c9', inline: false, fullscreen: true, minimized: false });
    expect(c.element).toBe(m9);
  });
});

describe('findComposes on project fixtures', () => {
  it('gmail-compose-multi.html: three composes in order, the first minimized', () => {
    const doc = loadFixture('gmail-compose-multi.html', INBOX);
    const composes = findComposes(doc);
    expect(composes.map((c) => [c.composeId, c.minimized])).toEqual([
      ['c21', true],
      ['c22', false],
      ['c23', false],
    ]);
    const [c21, c22, c23] = composes;
    expect(c21).toMatchObject({
      draftId: '#msg-a:r-4410923387716650021',
      subject: 'Coffee chat?',
      to: ['priya.natarajan@example.com'],
    });
    expect(c22).toMatchObject({ to: ['hannah.becker@example.com'], cc: ['ravi.shah@example.net'], bcc: [] });
    // Same address twice in different case, one Bcc, and an address still being typed (not a chip).
    expect(c23).toMatchObject({
      to: ['zoe.angstrom-nunez@example.com'],
      cc: [],
      bcc: ['tomas.alvarez@example.com'],
      subject: '',
    });
  });

  it('gmail-compose-multi.html: display names with commas never split an address', () => {
    const doc = loadFixture('gmail-compose-multi.html', INBOX);
    const c22 = findComposes(doc)[1];
    expect(c22?.element.querySelector('[data-name="Becker, Hannah"]')).not.toBeNull();
    c22?.element.querySelector('.fX')?.remove(); // only the collapsed "Becker, Hannah, Shah, Ravi (Legal)" line left
    expect(findComposes(doc)[1]).toMatchObject({ to: ['hannah.becker@example.com', 'ravi.shah@example.net'] });
  });

  it('gmail-compose-fullscreen.html: full screen, with a signature in the body', () => {
    const doc = loadFixture('gmail-compose-fullscreen.html', `${INBOX}?compose=new`);
    const c = only(findComposes(doc));
    expect(c).toMatchObject({
      composeId: 'c31',
      to: ['mei.lin@example.com'],
      subject: 'Quick question about your move to product',
      fullscreen: true,
      inline: false,
      minimized: false,
    });
    expect(c.element.closest('.aSs .aSt')).not.toBeNull();
    expect(c.body.querySelector('[data-smartmail=gmail_signature]')).not.toBeNull();
  });

  it('gmail-compose-legacy.html: legacy chips, hidden inputs and typed textarea text', () => {
    const doc = loadFixture('gmail-compose-legacy.html', INBOX);
    const c = only(findComposes(doc));
    expect(c.to).toEqual(['hannah.becker@example.com']);
    expect(c.cc).toEqual(['ravi.shah@example.net', 'marcus.lindqvist@example.com']);
    expect(c.bcc).toEqual([]);
    expect(c.subject).toBe('Intro: Hannah ↔ Marcus');
  });

  it('gmail-compose-legacy.html: a legacy chip without its hidden input takes the field of its row', () => {
    const doc = loadFixture('gmail-compose-legacy.html', INBOX);
    for (const input of doc.querySelectorAll('.vR input[type=hidden]')) input.remove();
    const c = only(findComposes(doc));
    expect(c.to).toEqual(['hannah.becker@example.com']);
    expect(c.cc).toEqual(['ravi.shah@example.net', 'marcus.lindqvist@example.com']);
  });

  it("gmail-compose-from.html: the user's own From address is not a recipient", () => {
    const doc = loadFixture('gmail-compose-from.html', INBOX);
    const c = only(findComposes(doc));
    expect(c.element.querySelector('[data-hovercard-id="alex.morgan@example.org"]')).not.toBeNull();
    expect([...c.to, ...c.cc, ...c.bcc]).toEqual(['samira.haddad@example.com']);

    // Summary fallback too: the From row stays out even when it is the only other `[email]` left.
    for (const field of c.element.querySelectorAll('.anm[name]')) field.remove();
    const summaryOnly = only(findComposes(doc));
    expect([...summaryOnly.to, ...summaryOnly.cc, ...summaryOnly.bcc]).toEqual(['samira.haddad@example.com']);
  });
});

describe('parseAddressList', () => {
  it('splits on commas and semicolons outside quotes and angle brackets', () => {
    expect(
      parseAddressList('"Becker, Hannah" <Hannah.Becker@example.com>, ravi.shah@example.net; Shah, Ravi <ravi@example.net>'),
    ).toEqual(['hannah.becker@example.com', 'ravi.shah@example.net', 'ravi@example.net']);
  });

  it('keeps an address whose display name looks like an address, and drops unfinished entries', () => {
    expect(parseAddressList('"x@evil.example, y" <marcus.lindqvist@example.com>, marcus.lind')).toEqual([
      'marcus.lindqvist@example.com',
    ]);
    expect(parseAddressList('')).toEqual([]);
  });
});
