import { describe, expect, it } from 'vitest';
import { findLinkedInComposers } from '../../../lib/linkedin/messaging';
import { loadFixture } from '../../helpers/dom';

const FEED = 'https://www.linkedin.com/feed/';

describe('a chat bubble’s recipient name', () => {
  it('leaves out the visually-hidden presence text even when a hashed class hides it inside the link (issue 12, item 5)', () => {
    const doc = loadFixture('linkedin-bubble-2026.html', FEED);
    const host = doc.getElementById('interop-outlet');
    const content = doc.querySelector<HTMLTemplateElement>('template[data-fx="interop-overlay"]')?.content;
    if (!host || !content) throw new Error('fixture has no interop outlet');
    host.attachShadow({ mode: 'open' }).append(content.cloneNode(true));
    expect(findLinkedInComposers(doc, FEED).map((c) => c.recipient)).toEqual([
      { name: 'Amara Okoye', profileUrl: 'https://www.linkedin.com/in/ACoAAH2tAmara26Okoye8f3e1c5d7bWxYz/' },
    ]);
  });

  it('still reads the thread header of a hashed 2026 thread whose headline line holds the presence text', () => {
    const url = 'https://www.linkedin.com/messaging/thread/2-ZDRlNWY2YTctYjhjOS00ZDBlLTlmMWEtMmIzYzRkNWU2ZjdhXzEwMA==/';
    const doc = loadFixture('linkedin-thread-2026-we-wrote-last.html', url);
    expect(findLinkedInComposers(doc, url).map((c) => c.recipient?.name)).toEqual(['Yusuf Demir']);
  });
});
