import { describe, expect, it } from 'vitest';
import { attemptsForSend, baseSubject, isReplyToOutreach, shouldMarkReplied, type SendContact } from '../../../lib/gmail/send';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2025, 6, 1);

function contact(over: Partial<SendContact> = {}): SendContact {
  return {
    id: 'c1',
    emails: ['olivia@example.com'],
    stage: 'prospect',
    attemptsUsed: 0,
    firstAttemptAt: null,
    repliedAt: null,
    ...over,
  };
}

const to = (...addresses: string[]) => ({ to: addresses, cc: [], bcc: [] });

describe('attemptsForSend', () => {
  it('records nothing when no recipient is a pipeline contact and no template was inserted', () => {
    expect(attemptsForSend({ message: to('someone@example.net'), contacts: [], inserted: null })).toEqual([]);
  });

  it("uses the inserted template's kind for the contact it was written for, whatever the stage says", () => {
    const c = contact({ stage: 'requested', attemptsUsed: 1, firstAttemptAt: T0 });
    expect(attemptsForSend({ message: to('olivia@example.com'), contacts: [c], inserted: { contactId: 'c1', kind: 'thank-you' } })).toEqual([
      { contactId: 'c1', kind: 'thank-you', reason: 'template' },
    ]);
  });

  it('counts an "Ask for an introduction" on the introducer, with the introduction it asks for', () => {
    const c = contact({ inPipeline: 0 });
    expect(
      attemptsForSend({ message: to('olivia@example.com'), contacts: [c], inserted: { contactId: 'c1', kind: 'intro-request', introductionId: 'i1' } }),
    ).toEqual([{ contactId: 'c1', kind: 'intro-request', reason: 'template', introductionId: 'i1' }]);
  });

  it('counts nothing for a plain mail to someone only in your network (not asked for an interview)', () => {
    const inNetworkOnly = contact({ inPipeline: 0 });
    const inPipeline = contact({ id: 'c2', emails: ['marcus@example.com'] });
    expect(attemptsForSend({ message: to('olivia@example.com', 'marcus@example.com'), contacts: [inNetworkOnly, inPipeline], inserted: null })).toEqual([
      { contactId: 'c2', kind: 'request', reason: 'stage' },
    ]);
  });

  it('honours the template for a contact reached by Cc or Bcc too (the user wrote it for them)', () => {
    const c = contact();
    expect(
      attemptsForSend({ message: { to: [], cc: [], bcc: ['OLIVIA@example.com'] }, contacts: [c], inserted: { contactId: 'c1', kind: 'request' } }),
    ).toEqual([{ contactId: 'c1', kind: 'request', reason: 'template' }]);
  });

  it('counts a template even for a contact in a stage that would count nothing (scheduled)', () => {
    const c = contact({ stage: 'scheduled' });
    expect(attemptsForSend({ message: to('olivia@example.com'), contacts: [c], inserted: { contactId: 'c1', kind: 'update' } })).toEqual([
      { contactId: 'c1', kind: 'update', reason: 'template' },
    ]);
  });

  it('falls back to stages when the contact the template was written for is no longer a recipient', () => {
    const other = contact({ id: 'c2', emails: ['marcus@example.com'], stage: 'interviewed' });
    expect(
      attemptsForSend({ message: to('marcus@example.com'), contacts: [other], inserted: { contactId: 'c1', kind: 'request' } }),
    ).toEqual([{ contactId: 'c2', kind: 'thank-you', reason: 'stage' }]);
  });

  it('counts each pipeline contact in To by stage, matching addresses case-insensitively', () => {
    const a = contact({ id: 'a', emails: ['a@example.com'] });
    const b = contact({ id: 'b', emails: ['b@example.com'], stage: 'requested', attemptsUsed: 1, firstAttemptAt: T0 });
    expect(attemptsForSend({ message: to('A@Example.com', 'b@example.com'), contacts: [a, b], inserted: null })).toEqual([
      { contactId: 'a', kind: 'request', reason: 'stage' },
      { contactId: 'b', kind: 'follow-up', reason: 'stage' },
    ]);
  });

  it('never counts a contact only copied (Cc/Bcc) without a template: copying the referrer is etiquette, not outreach', () => {
    const referrer = contact({ id: 'ref', emails: ['hannah@example.com'], stage: 'thanked' });
    const target = contact({ id: 't', emails: ['olivia@example.com'] });
    expect(
      attemptsForSend({
        message: { to: ['olivia@example.com'], cc: ['hannah@example.com'], bcc: [] },
        contacts: [target, referrer],
        inserted: null,
      }),
    ).toEqual([{ contactId: 't', kind: 'request', reason: 'stage' }]);
  });

  it('counts a contact with two addresses in To once', () => {
    const c = contact({ emails: ['olivia@example.com', 'olivia@work.example'] });
    expect(attemptsForSend({ message: to('olivia@example.com', 'olivia@work.example'), contacts: [c, c], inserted: null })).toHaveLength(1);
  });

  it('records nothing for a scheduled or moved-on contact written to without a template', () => {
    const s = contact({ id: 's', emails: ['s@example.com'], stage: 'scheduled' });
    const m = contact({ id: 'm', emails: ['m@example.com'], stage: 'moved-on' });
    expect(attemptsForSend({ message: to('s@example.com', 'm@example.com'), contacts: [s, m], inserted: null })).toEqual([]);
  });
});

describe('shouldMarkReplied', () => {
  const base = { stage: 'requested' as const, attemptsUsed: 1, lastAttemptAt: T0, repliedAt: null };

  it('marks an open request with no reply yet', () => {
    expect(shouldMarkReplied(base)).toBe(true);
    expect(shouldMarkReplied({ ...base, stage: 'prospect' })).toBe(true);
  });

  it('ignores prospects never written to, and every later stage', () => {
    expect(shouldMarkReplied({ ...base, stage: 'prospect', attemptsUsed: 0, lastAttemptAt: null })).toBe(false);
    for (const stage of ['scheduled', 'interviewed', 'thanked', 'keeping-in-touch', 'moved-on'] as const) {
      expect(shouldMarkReplied({ ...base, stage })).toBe(false);
    }
  });

  it('marks again only when the known reply is older than our last note', () => {
    expect(shouldMarkReplied({ ...base, repliedAt: T0 + DAY })).toBe(false);
    expect(shouldMarkReplied({ ...base, repliedAt: T0 - DAY })).toBe(true);
  });
});

describe('isReplyToOutreach', () => {
  const request = { kind: 'request', subject: 'Hannah Becker suggested I reach out', gmailThreadId: null };
  it('recognises a reply by its subject, whatever the prefix', () => {
    for (const subject of ['Re: Hannah Becker suggested I reach out', 'RE: Re:  hannah becker suggested I reach out', 'AW: Hannah Becker suggested I reach out', 'Fwd: Re: Hannah Becker suggested I reach out']) {
      expect(isReplyToOutreach([request], { threadId: 'thread-f:1', subject })).toBe(true);
    }
  });
  it('recognises the same thread even under another subject', () => {
    expect(isReplyToOutreach([{ ...request, gmailThreadId: 'thread-f:9' }], { threadId: 'thread-f:9', subject: 'Quick question' })).toBe(true);
  });
  it('does not take an old, unrelated conversation with the same person for a reply', () => {
    expect(isReplyToOutreach([request], { threadId: 'thread-f:2', subject: 'Re: Lunch next week?' })).toBe(false);
    expect(isReplyToOutreach([{ ...request, kind: 'thank-you' }], { threadId: null, subject: 'Re: Hannah Becker suggested I reach out' })).toBe(false);
    expect(isReplyToOutreach([], { threadId: null, subject: null })).toBe(false);
  });
  it('strips prefixes only at the start', () => {
    expect(baseSubject('Re: Fwd: Are you free?')).toBe('are you free?');
  });
});
