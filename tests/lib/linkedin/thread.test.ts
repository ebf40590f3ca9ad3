import { describe, expect, it } from 'vitest';
import { findLinkedInComposers } from '../../../lib/linkedin/messaging';
import { latestMessage, threadMessages, viewerProfileUrls } from '../../../lib/linkedin/thread';
import { loadFixture } from '../../helpers/dom';

const FEED = 'https://www.linkedin.com/feed/';
const THREAD = 'https://www.linkedin.com/messaging/thread/2-NzJiNGQ5ZTEtM2M1YS00ZTZmLWI4YTItMWQ5YzNlNWY3YTJiXzEwMA==/';
const INES = 'https://www.linkedin.com/in/ines-duarte-9f0a3b62/';
const ALEX = 'https://www.linkedin.com/in/alex-morgan-3f7b21a9/';
const ALEX_ID = 'https://www.linkedin.com/in/ACoAAA7xViewer01bQ9rT3uV5wX7yZ1aC3eG5iK/';
const YUSUF = 'https://www.linkedin.com/in/ACoAAG8rYusuf26Demir4c1d9e7b2aQpLs/';
const AMARA = 'https://www.linkedin.com/in/ACoAAH2tAmara26Okoye8f3e1c5d7bWxYz/';

const plain = (m: ReturnType<typeof latestMessage>) => m && { fromProfileUrl: m.fromProfileUrl, fromName: m.fromName, mine: m.mine };

function mountInterop(doc: Document): ShadowRoot {
  const host = doc.getElementById('interop-outlet');
  const content = doc.querySelector<HTMLTemplateElement>('template[data-fx="interop-overlay"]')?.content;
  if (!host || !content) throw new Error('fixture has no interop outlet or template');
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.append(content.cloneNode(true));
  return shadow;
}

function conversation(doc: Document, url: string): Element {
  const [composer] = findLinkedInComposers(doc, url);
  if (!composer) throw new Error('no composer');
  return composer.element;
}

describe('latestMessage', () => {
  it('the contact answered after our note (classic thread): theirs, grouped follow-up and a link in its text ignored', () => {
    const doc = loadFixture('linkedin-thread-replied.html', THREAD);
    const convo = conversation(doc, THREAD);
    expect(plain(latestMessage(convo))).toEqual({ fromProfileUrl: INES, fromName: 'Ines Duarte', mine: false });
    expect(threadMessages(convo).map((m) => m.mine)).toEqual([true, false]);
  });

  it('we wrote last (2026 hashed thread, member-id links that differ from the nav’s vanity link): mine', () => {
    const url = 'https://www.linkedin.com/messaging/thread/2-ZDRlNWY2YTctYjhjOS00ZDBlLTlmMWEtMmIzYzRkNWU2ZjdhXzEwMA==/';
    const doc = loadFixture('linkedin-thread-2026-we-wrote-last.html', url);
    const convo = conversation(doc, url);
    expect(plain(latestMessage(convo))).toEqual({ fromProfileUrl: ALEX_ID, fromName: 'Alex Morgan', mine: true });
    expect(threadMessages(convo).map((m) => [m.fromProfileUrl, m.mine])).toEqual([
      [YUSUF, false],
      [ALEX_ID, true],
    ]);
  });

  it('the contact answered in a chat bubble inside #interop-outlet’s shadow root', () => {
    const doc = loadFixture('linkedin-bubble-2026.html', FEED);
    mountInterop(doc);
    const convo = conversation(doc, FEED);
    expect(plain(latestMessage(convo))).toEqual({ fromProfileUrl: AMARA, fromName: 'Amara Okoye', mine: false });
  });

  it('reads the existing fixtures: French hashed thread (theirs), bubbles where we wrote last (mine)', () => {
    const hashedUrl = 'https://www.linkedin.com/messaging/thread/2-ZmM5YjJkNGEtMWU3Yy00YjJhLThmMWQtM2E1YzdlOWIwZDJmXzEwMA==/';
    const hashed = loadFixture('linkedin-messaging-hashed.html', hashedUrl);
    expect(plain(latestMessage(conversation(hashed, hashedUrl)))).toMatchObject({ fromName: 'Camille Dubois', mine: false });
    const bubbles = loadFixture('linkedin-chat-bubbles.html', FEED);
    const [priya, tomas] = findLinkedInComposers(bubbles, FEED);
    expect(plain(latestMessage(priya!.element))).toEqual({ fromProfileUrl: ALEX, fromName: 'Alex Morgan', mine: true });
    // Only their message so far: theirs.
    expect(plain(latestMessage(tomas!.element))).toMatchObject({ fromName: 'Tomás Alvarez', mine: false });
  });

  it('is null for a conversation with no message yet (a new-message popup), and the profile card is no message', () => {
    const bubbles = loadFixture('linkedin-chat-bubbles.html', FEED);
    const popup = bubbles.getElementById('ember931');
    expect(popup).not.toBeNull();
    expect(latestMessage(popup!)).toBeNull();
    const doc = loadFixture('linkedin-thread-replied.html', THREAD);
    const convo = conversation(doc, THREAD);
    convo.querySelectorAll('.msg-s-message-list__event:not(:first-child)').forEach((li) => li.remove());
    expect(latestMessage(convo)).toBeNull();
  });

  it('is null when the sender cannot be told apart from the viewer (no header, no nav, no layout marker)', () => {
    const doc = loadFixture('linkedin-thread-2026-we-wrote-last.html', 'https://www.linkedin.com/messaging/');
    doc.querySelector('header')?.remove();
    doc.querySelector('#thread-detail-jump-target')?.remove();
    const convo = conversation(doc, 'https://www.linkedin.com/messaging/');
    expect(latestMessage(convo)).toBeNull();
  });

  it('is null when a third person writes in a conversation whose header names one (never guessed to be the viewer)', () => {
    const url = 'https://www.linkedin.com/messaging/thread/2-ZDRlNWY2YTctYjhjOS00ZDBlLTlmMWEtMmIzYzRkNWU2ZjdhXzEwMA==/';
    const doc = loadFixture('linkedin-thread-2026-we-wrote-last.html', url);
    const convo = conversation(doc, url);
    const first = convo.querySelector('li');
    const third = first!.cloneNode(true) as Element;
    third.querySelectorAll('a').forEach((a) => a.setAttribute('href', 'https://www.linkedin.com/in/ACoAAJ4wThird0Person5e6f7a8b9cDeFg/'));
    first!.parentElement!.append(third);
    expect(latestMessage(convo)).toBeNull();
  });

  it('finds the viewer in the global nav (classic dropdown and 2026 nav)', () => {
    expect([...viewerProfileUrls(loadFixture('linkedin-thread-replied.html', THREAD).body)]).toEqual([ALEX]);
    expect([...viewerProfileUrls(loadFixture('linkedin-bubble-2026.html', FEED).body)]).toEqual([ALEX]);
  });
});
