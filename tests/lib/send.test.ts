import { describe, expect, it } from 'vitest';
import { kindFromStage, type StageFacts } from '../../lib/send';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2025, 6, 1);

function contact(over: Partial<StageFacts> = {}): StageFacts {
  return { stage: 'prospect', attemptsUsed: 0, firstAttemptAt: null, repliedAt: null, ...over };
}

describe('kindFromStage: what a plain message (no template) counts as, on any channel', () => {
  it('is a request for a prospect never written to', () => {
    expect(kindFromStage(contact())).toBe('request');
  });

  it('is a follow-up for a prospect or requested contact already written to', () => {
    expect(kindFromStage(contact({ attemptsUsed: 1, firstAttemptAt: T0 }))).toBe('follow-up');
    expect(kindFromStage(contact({ stage: 'requested', attemptsUsed: 2, firstAttemptAt: T0 }))).toBe('follow-up');
  });

  it('is a request for a contact moved to "requested" by hand without any note logged', () => {
    expect(kindFromStage(contact({ stage: 'requested' }))).toBe('request');
  });

  it('is nothing once they answered our outreach: writing back is conversation, not an attempt', () => {
    expect(kindFromStage(contact({ stage: 'requested', attemptsUsed: 1, firstAttemptAt: T0, repliedAt: T0 + DAY }))).toBeNull();
  });

  it('still counts when their only "reply" predates our first note (they wrote first)', () => {
    expect(kindFromStage(contact({ stage: 'requested', attemptsUsed: 1, firstAttemptAt: T0, repliedAt: T0 - DAY }))).toBe(
      'follow-up',
    );
  });

  it('is nothing while a meeting is scheduled: that mail is logistics', () => {
    expect(kindFromStage(contact({ stage: 'scheduled', attemptsUsed: 1, firstAttemptAt: T0 }))).toBeNull();
  });

  it('is a thank-you after the interview, and an update once thanked or keeping in touch', () => {
    expect(kindFromStage(contact({ stage: 'interviewed' }))).toBe('thank-you');
    expect(kindFromStage(contact({ stage: 'thanked' }))).toBe('update');
    expect(kindFromStage(contact({ stage: 'keeping-in-touch' }))).toBe('update');
  });

  it('is nothing for a contact you moved on from', () => {
    expect(kindFromStage(contact({ stage: 'moved-on', attemptsUsed: 3, firstAttemptAt: T0 }))).toBeNull();
  });
});
