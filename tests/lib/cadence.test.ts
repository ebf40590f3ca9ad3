import { describe, expect, it } from 'vitest';
import {
  type ContactStatus,
  contactStatus,
  DAY,
  dueActions,
  etiquetteWarnings,
  HOUR,
  isDue,
  stageAfterAttempt,
} from '../../lib/cadence';
import {
  ATTEMPT_KINDS,
  Attempt,
  type AttemptKind,
  Contact,
  type ContactInput,
  DEFAULT_SETTINGS,
  Meeting,
  type Settings,
  type Stage,
  STAGES,
} from '../../lib/schemas';

// 2026-02-02T15:00:00Z, a Monday; every test counts from here in whole epoch milliseconds.
const T0 = Date.UTC(2026, 1, 2, 15, 0, 0);
const MIN = 60_000;

let seq = 0;
function contact(over: Partial<ContactInput> = {}): Contact {
  return Contact.parse({ id: 'c1', name: 'Dana Reyes', createdAt: T0 - 30 * DAY, updatedAt: T0 - 30 * DAY, ...over });
}
function attempt(kind: AttemptKind, at: number, over: Partial<Attempt> = {}): Attempt {
  seq += 1;
  return Attempt.parse({ id: `a${seq}`, contactId: 'c1', at, channel: 'email', kind, createdAt: at, ...over });
}
function meeting(scheduledAt: number, over: Partial<Meeting> = {}): Meeting {
  seq += 1;
  return Meeting.parse({ id: `m${seq}`, contactId: 'c1', scheduledAt, createdAt: T0, updatedAt: T0, ...over });
}
function status(
  c: Contact,
  attempts: Attempt[],
  now: number,
  meetings: Meeting[] = [],
  settings: Settings = DEFAULT_SETTINGS,
): ContactStatus {
  return contactStatus({ contact: c, attempts, meetings }, settings, now);
}
const requested = (over: Partial<ContactInput> = {}) => contact({ stage: 'requested', ...over });

describe('contactStatus: before any outreach', () => {
  it('a prospect with no attempts has nothing to do', () => {
    const s = status(contact(), [], T0);
    expect(s).toEqual({
      stage: 'prospect',
      attemptsUsed: 0,
      attemptsAllowed: 3,
      lastAttemptAt: null,
      firstAttemptAt: null,
      next: null,
      nextFollowUpAt: null,
      windowClosesAt: null,
    });
    expect(isDue(s, T0 + 365 * DAY)).toBe(false);
  });

  it('thank-you and update notes are not outreach and start no follow-up clock', () => {
    const s = status(requested(), [attempt('thank-you', T0), attempt('update', T0 + DAY)], T0 + 2 * DAY);
    expect(s.attemptsUsed).toBe(0);
    expect(s.next).toBeNull();
  });
});

describe('contactStatus: the 3/6 rule', () => {
  it('after the request, the first follow-up is due two weeks later', () => {
    const s = status(requested(), [attempt('request', T0)], T0 + DAY);
    expect(s.attemptsUsed).toBe(1);
    expect(s.firstAttemptAt).toBe(T0);
    expect(s.lastAttemptAt).toBe(T0);
    expect(s.windowClosesAt).toBe(T0 + 42 * DAY);
    expect(s.next).toEqual({ action: 'follow-up', dueAt: T0 + 14 * DAY, label: 'Follow up (attempt 2 of 3)' });
    expect(s.nextFollowUpAt).toBe(T0 + 14 * DAY);
    expect(isDue(s, T0 + 14 * DAY - 1)).toBe(false);
    expect(isDue(s, T0 + 14 * DAY)).toBe(true);
  });

  it('a prospect whose stage was not moved on still gets follow-ups once a request is logged', () => {
    const s = status(contact({ stage: 'prospect' }), [attempt('request', T0)], T0);
    expect(s.next?.action).toBe('follow-up');
  });

  it('after two notes, the third is due two weeks after the second', () => {
    const s = status(requested(), [attempt('request', T0), attempt('follow-up', T0 + 14 * DAY)], T0 + 15 * DAY);
    expect(s.next).toEqual({ action: 'follow-up', dueAt: T0 + 28 * DAY, label: 'Follow up (attempt 3 of 3)' });
  });

  it('after the third note, moving on is due when the six weeks end', () => {
    const attempts = [attempt('request', T0), attempt('follow-up', T0 + 14 * DAY), attempt('follow-up', T0 + 28 * DAY)];
    const s = status(requested(), attempts, T0 + 29 * DAY);
    expect(s.attemptsUsed).toBe(3);
    expect(s.next).toEqual({ action: 'move-on', dueAt: T0 + 42 * DAY, label: 'Move on politely — 3 notes, no reply' });
    expect(s.nextFollowUpAt).toBeNull();
  });

  it('three quick notes: moving on is due a follow-up interval after the third, before the window ends', () => {
    const attempts = [attempt('request', T0), attempt('follow-up', T0 + 3 * DAY), attempt('follow-up', T0 + 6 * DAY)];
    expect(status(requested(), attempts, T0 + 7 * DAY).next?.dueAt).toBe(T0 + 20 * DAY);
  });

  it('a late third note never pushes moving on past the window', () => {
    const attempts = [attempt('request', T0), attempt('follow-up', T0 + 14 * DAY), attempt('follow-up', T0 + 40 * DAY)];
    const s = status(requested(), attempts, T0 + 40 * DAY);
    expect(s.next?.action).toBe('move-on');
    expect(s.next?.dueAt).toBe(T0 + 42 * DAY);
  });

  it('when the window closes before a third note would be due, moving on is due when it closes', () => {
    const attempts = [attempt('request', T0), attempt('follow-up', T0 + 30 * DAY)];
    const s = status(requested(), attempts, T0 + 31 * DAY);
    expect(s.attemptsUsed).toBe(2);
    expect(s.next).toEqual({ action: 'move-on', dueAt: T0 + 42 * DAY, label: 'Move on politely — no reply in 6 weeks' });
    expect(s.nextFollowUpAt).toBeNull();
  });

  it('a follow-up due exactly when the window closes is still allowed', () => {
    const attempts = [attempt('request', T0), attempt('follow-up', T0 + 28 * DAY)];
    const s = status(requested(), attempts, T0 + 29 * DAY, [], { ...DEFAULT_SETTINGS, maxAttempts: 5 });
    expect(s.next).toMatchObject({ action: 'follow-up', dueAt: T0 + 42 * DAY });
  });

  it('orders attempts by when they happened, not by the order they were logged', () => {
    const late = attempt('follow-up', T0 + 14 * DAY);
    const early = attempt('request', T0);
    const s = status(requested(), [late, early], T0 + 15 * DAY);
    expect(s.firstAttemptAt).toBe(T0);
    expect(s.lastAttemptAt).toBe(T0 + 14 * DAY);
    expect(s.next?.dueAt).toBe(T0 + 28 * DAY);
  });

  it('a backdated attempt logged later counts from its own date', () => {
    const logged = attempt('request', T0 + 10 * DAY);
    // Entered on day 12, but sent on day 3.
    const backdated = attempt('follow-up', T0 + 3 * DAY, { createdAt: T0 + 12 * DAY });
    const s = status(requested(), [logged, backdated], T0 + 12 * DAY);
    expect(s.firstAttemptAt).toBe(T0 + 3 * DAY);
    expect(s.lastAttemptAt).toBe(T0 + 10 * DAY);
    expect(s.windowClosesAt).toBe(T0 + 45 * DAY);
    expect(s.next).toMatchObject({ action: 'follow-up', dueAt: T0 + 24 * DAY, label: 'Follow up (attempt 3 of 3)' });
  });

  it('two notes on the same day both count', () => {
    const s = status(requested(), [attempt('request', T0), attempt('follow-up', T0 + 6 * HOUR)], T0 + 7 * HOUR);
    expect(s.attemptsUsed).toBe(2);
    expect(s.next).toEqual({ action: 'follow-up', dueAt: T0 + 6 * HOUR + 14 * DAY, label: 'Follow up (attempt 3 of 3)' });
  });

  it('two notes logged with the same timestamp both count', () => {
    const s = status(requested(), [attempt('request', T0), attempt('request', T0)], T0);
    expect(s.attemptsUsed).toBe(2);
  });

  it("ignores another contact's attempts", () => {
    const s = status(requested(), [attempt('request', T0), attempt('follow-up', T0 + DAY, { contactId: 'other' })], T0 + 2 * DAY);
    expect(s.attemptsUsed).toBe(1);
  });
});

describe('contactStatus: replies', () => {
  it('a reply after the first note stops follow-ups; the user schedules next', () => {
    const s = status(requested({ repliedAt: T0 + 2 * DAY }), [attempt('request', T0)], T0 + 20 * DAY);
    expect(s.next).toBeNull();
    expect(s.nextFollowUpAt).toBeNull();
    expect(s.attemptsUsed).toBe(1);
  });

  it('a reply in the same instant as the first note counts as a reply', () => {
    expect(status(requested({ repliedAt: T0 }), [attempt('request', T0)], T0 + DAY).next).toBeNull();
  });

  it('a reply between two notes still counts: they answered', () => {
    const attempts = [attempt('request', T0), attempt('follow-up', T0 + 14 * DAY)];
    expect(status(requested({ repliedAt: T0 + 7 * DAY }), attempts, T0 + 20 * DAY).next).toBeNull();
  });

  it('a reply from before any note (they wrote first) does not answer our request', () => {
    const s = status(requested({ repliedAt: T0 - 5 * DAY }), [attempt('request', T0)], T0 + DAY);
    expect(s.next).toMatchObject({ action: 'follow-up', dueAt: T0 + 14 * DAY });
  });
});

describe('contactStatus: moved on', () => {
  it('has no next action but still reports the notes used', () => {
    const attempts = [attempt('request', T0), attempt('follow-up', T0 + 14 * DAY), attempt('follow-up', T0 + 28 * DAY)];
    const s = status(contact({ stage: 'moved-on' }), attempts, T0 + 50 * DAY);
    expect(s.next).toBeNull();
    expect(s.attemptsUsed).toBe(3);
    expect(s.windowClosesAt).toBe(T0 + 42 * DAY);
  });

  it('ignores meetings too', () => {
    const s = status(contact({ stage: 'moved-on' }), [], T0, [meeting(T0 + DAY)]);
    expect(s.next).toBeNull();
  });
});

describe('contactStatus: meetings', () => {
  it('a meeting set up by the referrer, with no note from us, is prepared for a day ahead', () => {
    const at = T0 + 3 * DAY;
    const s = status(contact({ stage: 'scheduled' }), [], T0, [meeting(at)]);
    expect(s.attemptsUsed).toBe(0);
    expect(s.windowClosesAt).toBeNull();
    expect(s.next).toEqual({ action: 'prepare', dueAt: at - DAY, label: 'Prepare for your meeting — it starts in 3 days' });
    expect(isDue(s, at - DAY - 1)).toBe(false);
    expect(isDue(s, at - DAY)).toBe(true);
  });

  it('a meeting less than a day away is due now, with a due date that does not move with `now`', () => {
    const at = T0 + 5 * HOUR;
    const a = status(contact({ stage: 'scheduled' }), [], T0, [meeting(at)]);
    const b = status(contact({ stage: 'scheduled' }), [], T0 + HOUR, [meeting(at)]);
    expect(a.next?.dueAt).toBe(at - DAY);
    expect(b.next?.dueAt).toBe(at - DAY);
    expect(isDue(a, T0)).toBe(true);
    expect(a.next?.label).toBe('Prepare for your meeting — it starts in 5 hours');
  });

  it('a scheduled meeting stops follow-ups even in stage "requested"', () => {
    const s = status(requested(), [attempt('request', T0)], T0 + DAY, [meeting(T0 + 20 * DAY)]);
    expect(s.next?.action).toBe('prepare');
    expect(s.nextFollowUpAt).toBeNull();
  });

  it('the soonest of several upcoming meetings is the one to prepare for', () => {
    const s = status(contact({ stage: 'scheduled' }), [], T0, [meeting(T0 + 9 * DAY), meeting(T0 + 4 * DAY)]);
    expect(s.next?.dueAt).toBe(T0 + 3 * DAY);
  });

  it('a meeting that has started and is not marked held asks for nothing while the stage is "scheduled"', () => {
    const s = status(contact({ stage: 'scheduled' }), [], T0 + HOUR, [meeting(T0)]);
    expect(s.next).toBeNull();
  });

  it('after a held meeting, a thank-you reminder comes halfway through the 48 hours after it ended', () => {
    const m = meeting(T0, { held: true, minutes: 20 });
    const s = status(contact({ stage: 'interviewed' }), [attempt('request', T0 - 10 * DAY)], T0 + 26 * HOUR, [m]);
    expect(s.next).toEqual({ action: 'thank-you', dueAt: T0 + 20 * MIN + 24 * HOUR, label: 'Send a thank-you — you met a day ago' });
  });

  it('thank-you labels read like a person', () => {
    const m = meeting(T0, { held: true, minutes: 30 });
    const label = (now: number) => status(contact({ stage: 'interviewed' }), [], now, [m]).next?.label;
    expect(label(T0 + 40 * MIN)).toBe('Send a thank-you — you met just now');
    expect(label(T0 + 30 * MIN + 3 * HOUR)).toBe('Send a thank-you — you met 3 hours ago');
    expect(label(T0 + 30 * MIN + 3 * DAY)).toBe('Send a thank-you — you met 3 days ago');
  });

  it('a past meeting counts as held when the stage already says they met', () => {
    const s = status(contact({ stage: 'interviewed' }), [], T0 + DAY, [meeting(T0)]);
    expect(s.next?.action).toBe('thank-you');
  });

  it('a thank-you sent before the meeting (for agreeing to it) does not count as the thank-you', () => {
    const s = status(contact({ stage: 'interviewed' }), [attempt('thank-you', T0 - DAY)], T0 + HOUR, [meeting(T0, { held: true })]);
    expect(s.next?.action).toBe('thank-you');
  });

  it('after the thank-you, keeping in touch is due 60 days later, and again after each update', () => {
    const m = meeting(T0, { held: true });
    const thanks = attempt('thank-you', T0 + DAY);
    const c = contact({ stage: 'thanked' });
    expect(status(c, [thanks], T0 + 2 * DAY, [m]).next).toEqual({
      action: 'keep-in-touch',
      dueAt: T0 + 61 * DAY,
      label: 'Keep in touch — send a short update',
    });
    const update = attempt('update', T0 + 65 * DAY);
    const s = status(contact({ stage: 'keeping-in-touch' }), [update, thanks], T0 + 66 * DAY, [m]);
    expect(s.next?.dueAt).toBe(T0 + 125 * DAY);
  });

  it("the contact's own keep-in-touch interval overrides the setting", () => {
    const s = status(contact({ stage: 'thanked', keepInTouchDays: 90 }), [attempt('thank-you', T0 + DAY)], T0 + 2 * DAY, [
      meeting(T0, { held: true }),
    ]);
    expect(s.next?.dueAt).toBe(T0 + 91 * DAY);
  });

  it('keeps in touch from the last thank-you or update when no meeting was recorded', () => {
    const s = status(contact({ stage: 'keeping-in-touch' }), [attempt('update', T0)], T0);
    expect(s.next).toMatchObject({ action: 'keep-in-touch', dueAt: T0 + 60 * DAY });
  });

  it('stage "interviewed" without a recorded meeting has no date to anchor a thank-you', () => {
    expect(status(contact({ stage: 'interviewed' }), [], T0).next).toBeNull();
  });

  it('a second meeting coming up takes precedence over keeping in touch', () => {
    const meetings = [meeting(T0, { held: true }), meeting(T0 + 100 * DAY)];
    const s = status(contact({ stage: 'thanked' }), [attempt('thank-you', T0 + DAY)], T0 + 90 * DAY, meetings);
    expect(s.next).toMatchObject({ action: 'prepare', dueAt: T0 + 99 * DAY });
  });

  it('an unsent thank-you comes before preparing for a later meeting, and vice versa', () => {
    const held = meeting(T0, { held: true });
    const soonAfter = meeting(T0 + 2 * DAY);
    const c = contact({ stage: 'interviewed' });
    // Thank-you due T0+48h20m; prepare due T0+1d → prepare first.
    expect(status(c, [], T0 + HOUR, [held, soonAfter]).next?.action).toBe('prepare');
    const later = meeting(T0 + 10 * DAY);
    expect(status(c, [], T0 + HOUR, [held, later]).next?.action).toBe('thank-you');
  });

  it('the latest held meeting is the one to thank for', () => {
    const first = meeting(T0, { held: true });
    const second = meeting(T0 + 30 * DAY, { held: true });
    const s = status(contact({ stage: 'interviewed' }), [attempt('thank-you', T0 + DAY)], T0 + 31 * DAY, [second, first]);
    expect(s.next).toMatchObject({ action: 'thank-you', dueAt: T0 + 30 * DAY + 20 * MIN + 24 * HOUR });
  });
});

describe('contactStatus: settings changed mid-way', () => {
  const attempts = [attempt('request', T0), attempt('follow-up', T0 + 10 * DAY)];

  it('recomputes from the stored timestamps', () => {
    const c = requested();
    const now = T0 + 11 * DAY;
    expect(status(c, attempts, now).next?.dueAt).toBe(T0 + 24 * DAY);
    expect(status(c, attempts, now, [], { ...DEFAULT_SETTINGS, followUpDays: 7 }).next?.dueAt).toBe(T0 + 17 * DAY);
    expect(status(c, attempts, now, [], { ...DEFAULT_SETTINGS, maxAttempts: 2 }).next).toMatchObject({
      action: 'move-on',
      dueAt: T0 + 24 * DAY,
    });
    expect(status(c, attempts, now, [], { ...DEFAULT_SETTINGS, windowDays: 21 }).next).toMatchObject({
      action: 'move-on',
      dueAt: T0 + 21 * DAY,
    });
    expect(status(c, attempts, now, [], { ...DEFAULT_SETTINGS, maxAttempts: 5 }).attemptsAllowed).toBe(5);
  });

  it('recomputes the thank-you and keep-in-touch dates too', () => {
    const held = [meeting(T0, { held: true, minutes: 15 })];
    expect(status(contact({ stage: 'interviewed' }), [], T0, held, { ...DEFAULT_SETTINGS, thankYouHours: 24 }).next?.dueAt).toBe(
      T0 + 15 * MIN + 12 * HOUR,
    );
    const thanks = [attempt('thank-you', T0 + DAY)];
    expect(status(contact({ stage: 'thanked' }), thanks, T0, held, { ...DEFAULT_SETTINGS, keepInTouchDays: 30 }).next?.dueAt).toBe(
      T0 + 31 * DAY,
    );
  });
});

describe('contactStatus: days are 24 hours, whatever the clocks do', () => {
  it('a follow-up across the US change to daylight time (2026-03-08) is 14 × 24 hours later', () => {
    // Noon EST on 2026-03-01; the follow-up lands at 1 p.m. EDT — the same instant 336 hours on.
    const sent = Date.UTC(2026, 2, 1, 17, 0, 0);
    const s = status(requested(), [attempt('request', sent)], sent + DAY);
    expect(s.next?.dueAt).toBe(Date.UTC(2026, 2, 15, 17, 0, 0));
    expect(s.windowClosesAt).toBe(Date.UTC(2026, 3, 12, 17, 0, 0));
  });

  it('a thank-you reminder across the EU change back to standard time (2026-10-25) comes 24 hours after the meeting', () => {
    // 11:00 CEST on Saturday 2026-10-24; 24 hours after its end is 10:20 CET on Sunday (clocks went back).
    const start = Date.UTC(2026, 9, 24, 9, 0, 0);
    const s = status(contact({ stage: 'interviewed' }), [], start + HOUR, [meeting(start, { held: true })]);
    expect(s.next?.dueAt).toBe(Date.UTC(2026, 9, 25, 9, 20, 0));
  });

  it('preparation across the EU change is due 24 hours before, not a calendar day', () => {
    // Sunday 2026-10-25 09:00 CET, hours after the change; 24 hours earlier is 10:00 CEST on Saturday.
    const start = Date.UTC(2026, 9, 25, 8, 0, 0);
    const s = status(contact({ stage: 'scheduled' }), [], Date.UTC(2026, 9, 20), [meeting(start)]);
    expect(s.next?.dueAt).toBe(Date.UTC(2026, 9, 24, 8, 0, 0));
  });
});

describe('contactStatus: snooze', () => {
  it('moves a due date that falls before the snooze to the end of the snooze', () => {
    const until = T0 + 20 * DAY;
    const s = status(requested({ snoozedUntil: until }), [attempt('request', T0)], T0 + 15 * DAY);
    expect(s.next?.dueAt).toBe(until);
    expect(s.nextFollowUpAt).toBe(T0 + 14 * DAY);
    expect(isDue(s, T0 + 15 * DAY)).toBe(false);
    expect(isDue(s, until)).toBe(true);
  });

  it('leaves a due date after the snooze alone', () => {
    const s = status(requested({ snoozedUntil: T0 + 5 * DAY }), [attempt('request', T0)], T0 + DAY);
    expect(s.next?.dueAt).toBe(T0 + 14 * DAY);
  });

  it('an expired snooze keeps the action due', () => {
    const s = status(requested({ snoozedUntil: T0 + 15 * DAY }), [attempt('request', T0)], T0 + 16 * DAY);
    expect(s.next?.dueAt).toBe(T0 + 15 * DAY);
    expect(isDue(s, T0 + 16 * DAY)).toBe(true);
  });

  it('applies to every kind of action', () => {
    const s = status(contact({ stage: 'interviewed', snoozedUntil: T0 + 5 * DAY }), [], T0 + HOUR, [meeting(T0, { held: true })]);
    expect(s.next).toMatchObject({ action: 'thank-you', dueAt: T0 + 5 * DAY });
  });
});

describe('dueActions', () => {
  it('lists only the contacts due now, oldest due first, then by name', () => {
    const now = T0 + 30 * DAY;
    const item = (id: string, name: string, at: number, over: Partial<ContactInput> = {}) => ({
      contact: contact({ id, name, stage: 'requested', ...over }),
      attempts: [attempt('request', at, { contactId: id })],
      meetings: [],
    });
    const result = dueActions(
      [
        item('b', 'Bea', T0 + 10 * DAY), // due day 24
        item('a', 'Ann', T0), // due day 14
        item('z', 'Zed', T0 + 10 * DAY), // due day 24, same as Bea
        item('n', 'Not yet', T0 + 20 * DAY), // due day 34
        item('s', 'Snoozed', T0, { snoozedUntil: T0 + 40 * DAY }),
        item('r', 'Replied', T0, { repliedAt: T0 + DAY }),
      ],
      DEFAULT_SETTINGS,
      now,
    );
    expect(result.map((r) => r.contact.name)).toEqual(['Ann', 'Bea', 'Zed']);
    expect(result[0]?.status.next?.action).toBe('follow-up');
  });

  it('is empty when nothing is due', () => {
    expect(dueActions([], DEFAULT_SETTINGS, T0)).toEqual([]);
  });
});

describe('stageAfterAttempt', () => {
  const table: Record<Stage, Record<AttemptKind, Stage>> = {
    prospect: { request: 'requested', 'follow-up': 'requested', 'thank-you': 'prospect', update: 'prospect', 'intro-request': 'prospect' },
    requested: { request: 'requested', 'follow-up': 'requested', 'thank-you': 'requested', update: 'requested', 'intro-request': 'requested' },
    scheduled: { request: 'scheduled', 'follow-up': 'scheduled', 'thank-you': 'scheduled', update: 'scheduled', 'intro-request': 'scheduled' },
    interviewed: { request: 'interviewed', 'follow-up': 'interviewed', 'thank-you': 'thanked', update: 'interviewed', 'intro-request': 'interviewed' },
    thanked: { request: 'thanked', 'follow-up': 'thanked', 'thank-you': 'thanked', update: 'keeping-in-touch', 'intro-request': 'thanked' },
    'keeping-in-touch': {
      request: 'keeping-in-touch',
      'follow-up': 'keeping-in-touch',
      'thank-you': 'keeping-in-touch',
      update: 'keeping-in-touch',
      'intro-request': 'keeping-in-touch',
    },
    'moved-on': { request: 'moved-on', 'follow-up': 'moved-on', 'thank-you': 'moved-on', update: 'moved-on', 'intro-request': 'moved-on' },
  };
  for (const stage of STAGES) {
    for (const kind of ATTEMPT_KINDS) {
      it(`${stage} + ${kind} → ${table[stage][kind]}`, () => {
        expect(stageAfterAttempt(stage, kind)).toBe(table[stage][kind]);
      });
    }
  }
});

describe('etiquetteWarnings', () => {
  const opts = (now: number, over: Partial<{ hasReferrer: boolean; templateNamesReferrer: boolean; settings: Settings }> = {}) => ({
    now,
    hasReferrer: true,
    templateNamesReferrer: true,
    settings: DEFAULT_SETTINGS,
    ...over,
  });
  const codes = (w: Array<{ code: string }>) => w.map((x) => x.code);
  const three = () => [attempt('request', T0), attempt('follow-up', T0 + 14 * DAY), attempt('follow-up', T0 + 28 * DAY)];

  it('a first request naming the referrer is fine', () => {
    const s = status(contact(), [], T0);
    expect(etiquetteWarnings(s, 'request', opts(T0))).toEqual([]);
  });

  it('a timely follow-up is fine', () => {
    const now = T0 + 14 * DAY;
    expect(etiquetteWarnings(status(requested(), [attempt('request', T0)], now), 'follow-up', opts(now))).toEqual([]);
  });

  it('warns about writing to a contact you moved on from, whatever the kind', () => {
    const s = status(contact({ stage: 'moved-on' }), [attempt('request', T0)], T0 + 50 * DAY);
    for (const kind of ATTEMPT_KINDS) {
      expect(codes(etiquetteWarnings(s, kind, opts(T0 + 50 * DAY)))).toContain('moved-on');
    }
  });

  it('warns once the six-week window has closed without a reply', () => {
    const attempts = [attempt('request', T0), attempt('follow-up', T0 + 30 * DAY)];
    const now = T0 + 43 * DAY;
    const w = etiquetteWarnings(status(requested(), attempts, now), 'follow-up', opts(now));
    expect(codes(w)).toEqual(['moved-on']);
    expect(w[0]?.message).toMatch(/6 weeks/);
  });

  it('warns about a fourth note', () => {
    const now = T0 + 41 * DAY;
    const w = etiquetteWarnings(status(requested(), three(), now), 'follow-up', opts(now));
    expect(codes(w)).toEqual(['fourth-attempt']);
    expect(w[0]?.message).toMatch(/note 4/);
  });

  it('counts a fourth note against the configured maximum', () => {
    const attempts = [attempt('request', T0), attempt('follow-up', T0 + 14 * DAY)];
    const now = T0 + 28 * DAY;
    const settings = { ...DEFAULT_SETTINGS, maxAttempts: 2 };
    expect(codes(etiquetteWarnings(status(requested(), attempts, now, [], settings), 'request', opts(now, { settings })))).toEqual([
      'fourth-attempt',
    ]);
  });

  it('warns about writing again under 10 days after the last note', () => {
    const s = (now: number) => status(requested(), [attempt('request', T0)], now);
    expect(codes(etiquetteWarnings(s(T0 + 9 * DAY), 'follow-up', opts(T0 + 9 * DAY)))).toEqual(['too-soon']);
    expect(etiquetteWarnings(s(T0 + 2 * HOUR), 'follow-up', opts(T0 + 2 * HOUR))[0]?.message).toMatch(/You last wrote 2 hours ago/);
    expect(etiquetteWarnings(s(T0 + 10 * DAY), 'follow-up', opts(T0 + 10 * DAY))).toEqual([]);
  });

  it('does not call a follow-up too soon when it keeps to a shorter interval the user chose', () => {
    const settings = { ...DEFAULT_SETTINGS, followUpDays: 7 };
    const now = T0 + 7 * DAY;
    const s = status(requested(), [attempt('request', T0)], now, [], settings);
    expect(etiquetteWarnings(s, 'follow-up', opts(now, { settings }))).toEqual([]);
  });

  it('warns about a request that does not name the referrer, only when there is one', () => {
    const s = status(contact(), [], T0);
    expect(codes(etiquetteWarnings(s, 'request', opts(T0, { templateNamesReferrer: false })))).toEqual(['no-referrer']);
    expect(etiquetteWarnings(s, 'request', opts(T0, { hasReferrer: false, templateNamesReferrer: false }))).toEqual([]);
    expect(etiquetteWarnings(s, 'thank-you', opts(T0, { templateNamesReferrer: false }))).toEqual([]);
  });

  it('after a reply, writing back is conversation: no fourth-note or too-soon warning', () => {
    const now = T0 + 29 * DAY;
    const s = status(requested({ repliedAt: T0 + 28 * DAY + HOUR }), three(), now);
    expect(etiquetteWarnings(s, 'follow-up', opts(now))).toEqual([]);
  });

  it('thank-you and update notes are never outreach warnings', () => {
    const now = T0 + 29 * DAY;
    const s = status(requested(), three(), now);
    expect(etiquetteWarnings(s, 'thank-you', opts(now))).toEqual([]);
    expect(etiquetteWarnings(s, 'update', opts(now))).toEqual([]);
  });

  it('can raise several warnings at once', () => {
    const attempts = [...three(), attempt('follow-up', T0 + 45 * DAY)];
    const now = T0 + 46 * DAY;
    const s = status(requested(), attempts, now);
    expect(codes(etiquetteWarnings(s, 'request', opts(now, { templateNamesReferrer: false })))).toEqual([
      'moved-on',
      'fourth-attempt',
      'too-soon',
      'no-referrer',
    ]);
  });
});
