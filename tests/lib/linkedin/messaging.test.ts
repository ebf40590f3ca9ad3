import { describe, expect, it } from 'vitest';
import { composerRoots, composerText, findLinkedInComposers, type LinkedInComposer } from '../../../lib/linkedin/messaging';
import { loadFixture } from '../../helpers/dom';

const THREAD = 'https://www.linkedin.com/messaging/thread/2-MzQ5ZTEyYjAtNmE4Ny00ZjVhLWI1YzItOWQ3YTFmMGUyYjQxXzEwMA==/';
const FEED = 'https://www.linkedin.com/feed/';
const SAMIRA = 'https://www.linkedin.com/in/samira-haddad-6d2e9b14/';
const DANIEL = 'https://www.linkedin.com/in/daniel-okafor-7e21c9a4/';

/** The parts of a composer a test can compare with plain values. */
function summary(c: LinkedInComposer) {
  return {
    kind: c.kind,
    recipient: c.recipient,
    maxLength: c.maxLength,
    minimized: c.minimized,
    send: c.sendButton?.textContent?.trim() ?? null,
  };
}

/** Builds the invitation dialog the invite-note fixture's script creates on Connect (step 1) and "Add a note" (step 2). */
function openInviteDialog(doc: Document, stage: 1 | 2, name = 'Samira Haddad'): HTMLElement {
  const fromTemplate = (key: string): DocumentFragment => {
    const template = doc.querySelector<HTMLTemplateElement>(`template[data-fx="${key}"]`);
    const t = doc.createElement('template');
    t.innerHTML = (template?.innerHTML ?? '').replace(/\{\{(\w+)\}\}/g, (_, k: string) => (k === 'name' ? name : ''));
    return t.content;
  };
  const outlet = doc.getElementById('artdeco-modal-outlet');
  if (!outlet) throw new Error('no modal outlet');
  let dialog = outlet.querySelector<HTMLElement>('[role="dialog"]');
  if (!dialog) {
    outlet.replaceChildren(fromTemplate('invite-modal'));
    dialog = outlet.querySelector<HTMLElement>('[role="dialog"]');
  }
  if (!dialog) throw new Error('no dialog');
  dialog.querySelector('.artdeco-modal__header')?.replaceChildren(fromTemplate(`invite-header-${stage}`));
  dialog.querySelector('.artdeco-modal__content')?.replaceChildren(fromTemplate(`invite-content-${stage}`));
  dialog.querySelector('.artdeco-modal__actionbar')?.replaceChildren(fromTemplate(`invite-actions-${stage}`));
  return dialog;
}

/** What LinkedIn's 2025–26 shell does: an open shadow root on `#interop-outlet` holding the legacy UI. */
function mountInterop(doc: Document, template: string): ShadowRoot {
  const host = doc.getElementById('interop-outlet');
  const content = doc.querySelector<HTMLTemplateElement>(`template[data-fx="${template}"]`)?.content;
  if (!host || !content) throw new Error('fixture has no interop outlet or template');
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.append(content.cloneNode(true));
  return shadow;
}

describe('findLinkedInComposers on the messaging page', () => {
  it('finds the open thread’s box and names the thread header’s person', () => {
    const doc = loadFixture('linkedin-messaging.html', THREAD);
    const composers = findLinkedInComposers(doc, THREAD);
    expect(composers.map(summary)).toEqual([
      {
        kind: 'message',
        recipient: { name: 'Mateo García', profileUrl: 'https://www.linkedin.com/in/mateo-garcia-3c71d8e2/' },
        maxLength: null,
        minimized: false,
        send: 'Send',
      },
    ]);
    const [composer] = composers;
    expect(composer?.editor).toBe(doc.querySelector('form#msg-form-ember214 div.msg-form__contenteditable[contenteditable=true][role=textbox]'));
    expect(composer?.sendButton).toBe(doc.querySelector('button.msg-form__send-button'));
    expect(composer?.element.contains(composer.editor)).toBe(true);
    expect(composer?.element.contains(doc.querySelector('.msg-conversations-container__conversations-list'))).toBe(false);
  });

  it('reads a hashed-class thread in French; member-id profile links keep their case', () => {
    const url = 'https://www.linkedin.com/messaging/thread/2-ZmM5YjJkNGEtMWU3Yy00YjJhLThmMWQtM2E1YzdlOWIwZDJmXzEwMA==/';
    const doc = loadFixture('linkedin-messaging-hashed.html', url);
    const composers = findLinkedInComposers(doc, url);
    expect(composers.map(summary)).toEqual([
      {
        kind: 'message',
        recipient: { name: 'Camille Dubois', profileUrl: 'https://www.linkedin.com/in/ACoAAB3xK9sBq2Lm7TfHcY1pWzR0vN4eU8gQj5c/' },
        maxLength: null,
        minimized: false,
        send: 'Envoyer',
      },
    ]);
    expect(composers[0]?.editor.getAttribute('aria-label')).toBe('Écrire un message…');
  });
});

describe('findLinkedInComposers on chat bubbles', () => {
  it('lists every bubble in DOM order, minimised ones too, and never the feed’s comment box', () => {
    const doc = loadFixture('linkedin-chat-bubbles.html', FEED);
    const composers = findLinkedInComposers(doc, FEED);
    expect(composers.map(summary)).toEqual([
      {
        kind: 'message',
        recipient: { name: 'Priya Natarajan', profileUrl: 'https://www.linkedin.com/in/priya-natarajan-5c9d0e21/' },
        maxLength: null,
        minimized: false,
        send: 'Send',
      },
      {
        kind: 'message',
        recipient: { name: 'Tomás Alvarez', profileUrl: 'https://www.linkedin.com/in/tomas-alvarez-91f3c0d2/' },
        maxLength: null,
        minimized: true,
        send: 'Send',
      },
      // A group conversation has no single recipient.
      { kind: 'message', recipient: null, maxLength: null, minimized: false, send: 'Send' },
      // A new-message popup names the one person picked in its recipient field (no URL there).
      { kind: 'message', recipient: { name: 'Hannah Becker', profileUrl: null }, maxLength: null, minimized: false, send: 'Send' },
    ]);
    expect(composers.every((c) => !c.editor.closest('.comments-comment-box'))).toBe(true);
    expect(composers[0]?.element.classList.contains('msg-overlay-conversation-bubble')).toBe(true);
  });

  it('finds no composer on a feed with only comment boxes', () => {
    expect(findLinkedInComposers(loadFixture('linkedin-feed.html', FEED), FEED)).toEqual([]);
    const doc = loadFixture('linkedin-chat-bubbles.html', FEED);
    doc.getElementById('msg-overlay')?.remove();
    expect(findLinkedInComposers(doc, FEED)).toEqual([]);
  });

  it('names nobody for a new-message popup before a recipient is picked', () => {
    const doc = loadFixture('linkedin-chat-bubbles.html', FEED);
    doc.querySelector('.artdeco-pill')?.remove();
    expect(findLinkedInComposers(doc, FEED).at(-1)?.recipient).toBeNull();
  });

  it('finds bubbles inside #interop-outlet’s open shadow root (2025–26 pages)', () => {
    const doc = loadFixture('linkedin-interop-bubbles.html', FEED);
    expect(findLinkedInComposers(doc, FEED)).toEqual([]);
    const shadow = mountInterop(doc, 'interop-overlay');
    expect(composerRoots(doc)).toEqual([doc, shadow]);
    const composers = findLinkedInComposers(doc, FEED);
    expect(composers.map(summary)).toEqual([
      {
        kind: 'message',
        recipient: { name: 'Marcus Lindqvist', profileUrl: 'https://www.linkedin.com/in/marcus-lindqvist-2b7a9e11/' },
        maxLength: null,
        minimized: false,
        send: 'Send',
      },
      {
        kind: 'message',
        recipient: { name: 'Olivia Hartmann', profileUrl: 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/' },
        maxLength: null,
        minimized: true,
        send: 'Send',
      },
    ]);
    expect(composers.every((c) => c.editor.getRootNode() === shadow)).toBe(true);
    // Searching from the shadow root alone finds the same boxes.
    expect(findLinkedInComposers(shadow, FEED).map((c) => c.editor)).toEqual(composers.map((c) => c.editor));
  });
});

describe('findLinkedInComposers on the invitation dialog', () => {
  it('finds nothing before Connect and nothing on the first step (no note field yet)', () => {
    const doc = loadFixture('linkedin-invite-note.html', SAMIRA);
    expect(findLinkedInComposers(doc, SAMIRA)).toEqual([]);
    openInviteDialog(doc, 1);
    expect(findLinkedInComposers(doc, SAMIRA)).toEqual([]);
  });

  it('finds the note after "Add a note": the profile’s owner, 300 characters on Premium', () => {
    const doc = loadFixture('linkedin-invite-note.html', SAMIRA);
    const dialog = openInviteDialog(doc, 2);
    const composers = findLinkedInComposers(doc, SAMIRA);
    expect(composers.map(summary)).toEqual([
      { kind: 'invitation', recipient: { name: 'Samira Haddad', profileUrl: SAMIRA }, maxLength: 300, minimized: false, send: 'Send' },
    ]);
    expect(composers[0]?.editor).toBe(doc.querySelector('textarea#custom-message[name=message]'));
    expect(composers[0]?.element).toBe(dialog);
    expect(composers[0]?.sendButton?.getAttribute('aria-label')).toBe('Send invitation');
  });

  it('reads a free account’s 200-character limit from maxlength, or from the counter alone', () => {
    const doc = loadFixture('linkedin-invite-note.html', SAMIRA);
    const dialog = openInviteDialog(doc, 2);
    const note = dialog.querySelector('textarea');
    note?.setAttribute('maxlength', '200');
    const counter = dialog.querySelector('.send-invite__counter');
    if (counter) counter.textContent = '0/200';
    expect(findLinkedInComposers(doc, SAMIRA)[0]?.maxLength).toBe(200);
    note?.removeAttribute('maxlength');
    expect(findLinkedInComposers(doc, SAMIRA)[0]?.maxLength).toBe(200);
  });

  it('credits a note opened for someone else (right rail) to that person, not the profile', () => {
    const doc = loadFixture('linkedin-invite-note.html', SAMIRA);
    openInviteDialog(doc, 1, 'Priya Natarajan');
    expect(findLinkedInComposers(doc, SAMIRA)).toEqual([]); // step 1 is seen and remembered
    openInviteDialog(doc, 2, 'Priya Natarajan');
    expect(findLinkedInComposers(doc, SAMIRA)[0]?.recipient).toEqual({ name: 'Priya Natarajan', profileUrl: null });
  });

  it('finds the note in the interop shadow root of a 2025–26 profile (free account, 200)', () => {
    const doc = loadFixture('linkedin-profile-hashed.html', DANIEL);
    const shadow = mountInterop(doc, 'interop-invite-note');
    const composers = findLinkedInComposers(doc, DANIEL);
    expect(composers.map(summary)).toEqual([
      { kind: 'invitation', recipient: { name: 'Daniel Okafor', profileUrl: DANIEL }, maxLength: 200, minimized: false, send: 'Send' },
    ]);
    expect(composers[0]?.editor.getRootNode()).toBe(shadow);
  });

  it('orders composers across the document and shadow roots as they appear', () => {
    const doc = loadFixture('linkedin-profile-hashed.html', DANIEL);
    mountInterop(doc, 'interop-invite-note');
    // A chat bubble in the light DOM before the outlet comes first.
    const bubbles = loadFixture('linkedin-chat-bubbles.html', FEED).getElementById('ember901');
    const copy = bubbles ? (doc.importNode(bubbles, true) as HTMLElement) : null;
    if (copy) doc.getElementById('interop-outlet')?.before(copy);
    expect(findLinkedInComposers(doc, DANIEL).map((c) => c.kind)).toEqual(['message', 'invitation']);
  });
});

describe('composerText: what Send would send, read from the box', () => {
  it('reads LinkedIn’s empty message box as empty, and one line per paragraph', () => {
    const doc = loadFixture('linkedin-messaging.html', THREAD);
    const [thread] = findLinkedInComposers(doc, THREAD);
    const editor = thread!.editor;
    expect(composerText(editor)).toBe('');
    editor.innerHTML = '<p>Hi Mateo,</p><p><br></p><p>Olivia Hartmann suggested I get in touch.</p><p><br></p>';
    expect(composerText(editor)).toBe('Hi Mateo,\n\nOlivia Hartmann suggested I get in touch.');
    editor.innerHTML = '<p>one<br>two <b>bold</b></p>';
    expect(composerText(editor)).toBe('one\ntwo bold');
  });

  it('reads an invitation note’s value', () => {
    const doc = loadFixture('linkedin-invite-note.html', SAMIRA);
    openInviteDialog(doc, 2);
    const [note] = findLinkedInComposers(doc, SAMIRA);
    (note!.editor as HTMLTextAreaElement).value = 'Hi Samira,\nHannah suggested I reach out.';
    expect(composerText(note!.editor)).toBe('Hi Samira,\nHannah suggested I reach out.');
  });
});

describe('chat bubble recipients with presence text', () => {
  it('never joins hidden "Status is online" text to the recipient’s name', () => {
    const doc = loadFixture('linkedin-chat-presence.html', FEED);
    expect(findLinkedInComposers(doc, FEED).map((c) => c.recipient)).toEqual([
      { name: 'Nadia Haddad', profileUrl: 'https://www.linkedin.com/in/ACoAAH4Gf6Dc8Xs0Az2Qw4Er6Ty8Ui0Op2Lk4Jh/' },
      { name: 'Jonas Becker', profileUrl: 'https://www.linkedin.com/in/jonas-becker-1f0e7d33/' },
    ]);
  });
});
