import { describe, expect, it } from 'vitest';
import { attemptForLinkedInSend, recipientKey, type LinkedInInserted } from '../../../lib/linkedin/send';
import type { StageFacts } from '../../../lib/send';

const MATEO = { name: 'Mateo García', profileUrl: 'https://www.linkedin.com/in/mateo-garcia-3c71d8e2/' };
const T0 = Date.UTC(2025, 6, 1);
const DAY = 86_400_000;

function matched(over: Partial<StageFacts> = {}): StageFacts & { id: string } {
  return { id: 'mateo', stage: 'prospect', attemptsUsed: 0, firstAttemptAt: null, repliedAt: null, ...over };
}

const inserted = (over: Partial<LinkedInInserted> = {}): LinkedInInserted => ({
  contactId: 'mateo',
  kind: 'request',
  recipient: MATEO.profileUrl,
  ...over,
});

describe('recipientKey', () => {
  it('is the profile URL, else the name in one spelling, else nothing', () => {
    expect(recipientKey(MATEO)).toBe(MATEO.profileUrl);
    expect(recipientKey({ name: '  Hannah   Becker ', profileUrl: null })).toBe('name:hannah becker');
    expect(recipientKey({ name: ' ', profileUrl: null })).toBeNull();
    expect(recipientKey(null)).toBeNull();
  });
});

describe('attemptForLinkedInSend', () => {
  it('counts an inserted "Ask for an introduction" with the introduction it asks for', () => {
    const inserted: LinkedInInserted = { contactId: 'c1', kind: 'intro-request', introductionId: 'i1', recipient: 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/' };
    expect(
      attemptForLinkedInSend({
        text: 'Hi Olivia, would you introduce me to Élodie?',
        recipient: { name: 'Olivia Hartmann', profileUrl: 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/' },
        inserted,
        matched: null,
      }),
    ).toEqual({ contactId: 'c1', kind: 'intro-request', reason: 'template', introductionId: 'i1' });
  });

  it('counts the inserted template for the person it was written for', () => {
    expect(attemptForLinkedInSend({ text: 'Hi Mateo, Olivia suggested…', recipient: MATEO, inserted: inserted(), matched: null })).toEqual({
      contactId: 'mateo',
      kind: 'request',
      reason: 'template',
    });
  });

  it('counts a connect note as what its template says (a thank-you)', () => {
    const plan = attemptForLinkedInSend({ text: 'Thank you again', recipient: MATEO, inserted: inserted({ kind: 'thank-you' }), matched: matched({ stage: 'interviewed' }) });
    expect(plan).toEqual({ contactId: 'mateo', kind: 'thank-you', reason: 'template' });
  });

  it('counts nothing when nothing was written (an invitation sent without a note)', () => {
    expect(attemptForLinkedInSend({ text: '  \n', recipient: MATEO, inserted: inserted(), matched: matched() })).toBeNull();
  });

  it("falls back to the stage when the composer's recipient changed after inserting", () => {
    const hannah = { name: 'Hannah Becker', profileUrl: null };
    expect(attemptForLinkedInSend({ text: 'Hi', recipient: hannah, inserted: inserted(), matched: null })).toBeNull();
    const other = { name: 'Priya', profileUrl: 'https://www.linkedin.com/in/priya-natarajan-5c9d0e21/' };
    expect(attemptForLinkedInSend({ text: 'Hi', recipient: other, inserted: inserted(), matched: matched({ stage: 'thanked' }) })).toEqual({
      contactId: 'mateo',
      kind: 'update',
      reason: 'stage',
    });
  });

  it('counts a plain message from the stage: first note, follow-up, none while scheduled or once answered', () => {
    const plain = (m: StageFacts & { id: string }) => attemptForLinkedInSend({ text: 'Hi', recipient: MATEO, inserted: null, matched: m })?.kind ?? null;
    expect(plain(matched())).toBe('request');
    expect(plain(matched({ stage: 'requested', attemptsUsed: 1, firstAttemptAt: T0 }))).toBe('follow-up');
    expect(plain(matched({ stage: 'requested', attemptsUsed: 1, firstAttemptAt: T0, repliedAt: T0 + DAY }))).toBeNull();
    expect(plain(matched({ stage: 'scheduled' }))).toBeNull();
    expect(plain(matched({ stage: 'moved-on' }))).toBeNull();
  });

  it('counts nothing for someone outside the pipeline', () => {
    expect(attemptForLinkedInSend({ text: 'Hi', recipient: MATEO, inserted: null, matched: null })).toBeNull();
  });

  it('counts a template inserted in a group conversation for the contact the user picked', () => {
    const plan = attemptForLinkedInSend({ text: 'Hi all', recipient: null, inserted: inserted({ recipient: null }), matched: null });
    expect(plan).toEqual({ contactId: 'mateo', kind: 'request', reason: 'template' });
  });

  it('matches a name-only recipient (a new-message pill) between insert and send', () => {
    const pill = { name: 'Hannah Becker', profileUrl: null };
    const plan = attemptForLinkedInSend({ text: 'Hi', recipient: pill, inserted: inserted({ recipient: recipientKey(pill) }), matched: null });
    expect(plan?.reason).toBe('template');
  });
});
