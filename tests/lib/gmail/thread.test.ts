import { describe, expect, it } from 'vitest';
import { inboxSenders, latestThreadMessage } from '../../../lib/gmail/thread';
import { loadFixture } from '../../helpers/dom';

const INBOX = 'https://mail.google.com/mail/u/0/#inbox';
const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJqWlbZqPtwXJvKcJsPLvT';

describe('latestThreadMessage', () => {
  it('gmail-reply.html: the last message is from Hannah; the reply compose under it does not count', () => {
    const doc = loadFixture('gmail-reply.html', THREAD);
    expect(latestThreadMessage(doc)).toEqual({
      threadId: 'thread-f:1837664310028547371', // same form as the reply compose's threadId
      subject: 'Q3 partnership proposal — next steps',
      from: 'hannah.becker@example.com',
      fromName: 'Hannah Becker',
      messageId: '#msg-f:1837664310028547371',
    });
  });

  it('reports the user as sender when the user wrote last', () => {
    const doc = loadFixture('gmail-reply.html', THREAD);
    doc.querySelector('[role=list] > .h7')?.remove();
    expect(latestThreadMessage(doc)).toMatchObject({
      from: 'alex.morgan@example.org',
      fromName: 'Alex Morgan',
      messageId: '#msg-f:1837657722233344455',
    });
  });

  it('skips a saved draft shown at the end of the thread', () => {
    const doc = loadFixture('gmail-reply.html', THREAD);
    const list = doc.querySelector('[role=list]') as HTMLElement;
    const draft = (list.firstElementChild as HTMLElement).cloneNode(true) as HTMLElement;
    draft.querySelector('[data-message-id]')?.setAttribute('data-message-id', '#msg-a:r-6217437750293364518');
    list.appendChild(draft);
    expect(latestThreadMessage(doc)?.messageId).toBe('#msg-f:1837664310028547371');
  });

  it('falls back to the legacy thread id when the heading has no perm id', () => {
    const doc = loadFixture('gmail-reply.html', THREAD);
    doc.querySelector('h2.hP')?.removeAttribute('data-thread-perm-id');
    expect(latestThreadMessage(doc)?.threadId).toBe('1980a7c2d4e5f601');
  });

  it('is null on the inbox, and when the thread view is hidden', () => {
    expect(latestThreadMessage(loadFixture('gmail-compose.html', INBOX))).toBeNull();
    const doc = loadFixture('gmail-reply.html', THREAD);
    (doc.querySelector('.a98.iY') as HTMLElement).style.display = 'none';
    expect(latestThreadMessage(doc)).toBeNull();
  });
});

describe('inboxSenders', () => {
  it('gmail-compose.html: the senders of the five rows, in order', () => {
    expect(inboxSenders(loadFixture('gmail-compose.html', INBOX))).toEqual([
      'hannah.becker@example.com',
      'notifications-noreply@example.net',
      'ravi.shah@example.net',
      'calendar-notification@example.com',
      'zoe.angstrom-nunez@example.com',
    ]);
  });

  it('ignores thread headers and composes, lower-cases and deduplicates', () => {
    expect(inboxSenders(loadFixture('gmail-reply.html', THREAD))).toEqual([]);
    const doc = loadFixture('gmail-compose.html', INBOX);
    const row = doc.querySelector('tr.zA') as HTMLElement;
    const sender = row.querySelector('span[email]') as HTMLElement;
    const me = sender.cloneNode(true) as HTMLElement;
    me.setAttribute('email', 'Hannah.Becker@EXAMPLE.com');
    sender.after(', ', me);
    expect(inboxSenders(doc)[0]).toBe('hannah.becker@example.com');
    expect(inboxSenders(doc)).toHaveLength(5);
  });
});
