/**
 * The rhythm of an informational interview, as pure functions of the stored records and `now`:
 * the 3/6 rule (no reply → up to three notes, about two weeks apart, within six weeks, then move on),
 * preparing the day before a meeting, a thank-you within two days of it, and short updates after.
 *
 * Everything is epoch milliseconds and a day is exactly 24 hours, so results never depend on the
 * machine's time zone or a daylight-saving change; calendars are for display code only. Every number
 * comes from `Settings`, so changing a setting simply recomputes from the stored timestamps.
 */
import type { Attempt, AttemptKind, ComposeSettings, Contact, Introduction, Meeting, Settings, Stage } from './schemas';

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

/** Preparation is due this long before a meeting starts. */
export const PREPARE_BEFORE_MS = DAY;
/** Writing again sooner than this (or `followUpDays`, if shorter) earns a `too-soon` warning. */
export const TOO_SOON_DAYS = 10;

export type NextAction = 'follow-up' | 'thank-you' | 'keep-in-touch' | 'prepare' | 'move-on' | 'intro-follow-up';

export interface ContactStatus {
  stage: Stage;
  /** Outreach notes (`request` and `follow-up` attempts) that count toward the 3/6 rule. */
  attemptsUsed: number;
  attemptsAllowed: number;
  lastAttemptAt: number | null;
  firstAttemptAt: number | null;
  /** `dueAt` is stable for a given set of records (it never becomes `now`), so it can key a notice. */
  next: { action: NextAction; dueAt: number; label: string; introductionId?: string } | null;
  /** When the next follow-up is due by the rule (before any snooze); null unless one is next. */
  nextFollowUpAt: number | null;
  /** First outreach note + `windowDays`; null before the first note. */
  windowClosesAt: number | null;
}

export interface ContactRecords {
  contact: Contact;
  attempts: Attempt[];
  meetings: Meeting[];
  /** Introductions this contact was asked to make (they are the introducer). */
  introductions?: Introduction[];
}

const OUTREACH: ReadonlySet<AttemptKind> = new Set(['request', 'follow-up']);
const AFTER_MEETING: ReadonlySet<AttemptKind> = new Set(['thank-you', 'update']);
/** Stages that say the meeting has happened, whether or not it was marked held. */
const MET_STAGES: ReadonlySet<Stage> = new Set(['interviewed', 'thanked', 'keeping-in-touch']);
const THANKED_STAGES: ReadonlySet<Stage> = new Set(['thanked', 'keeping-in-touch']);
/** Stages in which an unanswered request is still being followed up. */
const OUTREACH_STAGES: ReadonlySet<Stage> = new Set(['prospect', 'requested']);

// Attempts may be logged late or backdated, so order comes from `at`, never from insertion;
// `createdAt` and `id` only break ties (two notes on one day both count).
function byTime(a: Attempt, b: Attempt): number {
  return a.at - b.at || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function contactStatus(input: ContactRecords, settings: Settings, now: number): ContactStatus {
  const { contact } = input;
  // Defensive: a caller that hands over another contact's records must not move this one's dates.
  const attempts = input.attempts.filter((a) => a.contactId === contact.id).sort(byTime);
  const meetings = input.meetings.filter((m) => m.contactId === contact.id);

  const outreach = attempts.filter((a) => OUTREACH.has(a.kind));
  const firstAttemptAt = outreach[0]?.at ?? null;
  const lastAttemptAt = outreach.at(-1)?.at ?? null;
  const windowClosesAt = firstAttemptAt === null ? null : firstAttemptAt + settings.windowDays * DAY;

  const status: ContactStatus = {
    stage: contact.stage,
    attemptsUsed: outreach.length,
    attemptsAllowed: settings.maxAttempts,
    lastAttemptAt,
    firstAttemptAt,
    next: null,
    nextFollowUpAt: null,
    windowClosesAt,
  };
  const introNext = introFollowUp(input.introductions ?? [], contact.id, settings);
  // Someone outside the pipeline (network, an introduction's target) has no pipeline rhythm.
  const pipelineNext =
    contact.inPipeline === 0 || contact.stage === 'moved-on'
      ? null
      : meetings.length > 0 || MET_STAGES.has(contact.stage)
        ? afterContact(contact, attempts, meetings, settings, now)
        : outreachNext(status, contact, settings);
  if (pipelineNext?.action === 'follow-up') status.nextFollowUpAt = pipelineNext.dueAt;
  const next = introNext && (!pipelineNext || introNext.dueAt < pipelineNext.dueAt) ? introNext : pipelineNext;
  if (!next) return status;

  // Snooze postpones, never advances: only due dates before `snoozedUntil` move.
  if (next && contact.snoozedUntil !== null && next.dueAt < contact.snoozedUntil) {
    next.dueAt = contact.snoozedUntil;
  }
  status.next = next;
  return status;
}

/** When the one gentle follow-up on an introduction request falls due, or null once sent or resolved. */
export function introFollowUpDueAt(intro: Introduction, settings: Settings): number | null {
  if (intro.status !== 'asked' || intro.askedAt === null || intro.followedUpAt !== null) return null;
  return intro.followUpAt ?? intro.askedAt + settings.introFollowUpDays * DAY;
}

/** The earliest introduction follow-up this introducer owes. */
function introFollowUp(introductions: Introduction[], introducerId: string, settings: Settings): ContactStatus['next'] {
  let best: ContactStatus['next'] = null;
  for (const intro of introductions) {
    if (intro.introducerId !== introducerId) continue;
    const dueAt = introFollowUpDueAt(intro, settings);
    if (dueAt !== null && (!best || dueAt < best.dueAt)) {
      best = { action: 'intro-follow-up', dueAt, label: 'Follow up once on your introduction request', introductionId: intro.id };
    }
  }
  return best;
}

/** The 3/6 rule, for a contact with no meeting yet. */
function outreachNext(status: ContactStatus, contact: Contact, settings: Settings): ContactStatus['next'] {
  const { attemptsUsed, firstAttemptAt, lastAttemptAt, windowClosesAt } = status;
  if (!OUTREACH_STAGES.has(contact.stage)) return null;
  if (firstAttemptAt === null || lastAttemptAt === null || windowClosesAt === null) return null;
  // A reply at or after our first note answers it and stops follow-ups (the user schedules next).
  // A reply from before our first note — they wrote first — answers nothing we asked.
  if (contact.repliedAt !== null && contact.repliedAt >= firstAttemptAt) return null;

  const followUpAt = lastAttemptAt + settings.followUpDays * DAY;
  if (attemptsUsed < settings.maxAttempts && followUpAt <= windowClosesAt) {
    return {
      action: 'follow-up',
      dueAt: followUpAt,
      label: `Follow up (attempt ${attemptsUsed + 1} of ${settings.maxAttempts})`,
    };
  }
  if (attemptsUsed >= settings.maxAttempts) {
    // The last note gets its usual wait for an answer, but never past the window.
    return {
      action: 'move-on',
      dueAt: Math.min(followUpAt, windowClosesAt),
      label: `Move on politely — ${attemptsUsed} notes, no reply`,
    };
  }
  // The window closes before another note would be due: move on when it closes.
  return {
    action: 'move-on',
    dueAt: windowClosesAt,
    label: `Move on politely — no reply in ${duration(settings.windowDays)}`,
  };
}

/** Preparing, thanking and keeping in touch, once a meeting exists (or the stage says they met). */
function afterContact(
  contact: Contact,
  attempts: Attempt[],
  meetings: Meeting[],
  settings: Settings,
  now: number,
): ContactStatus['next'] {
  const end = (m: Meeting) => m.scheduledAt + m.minutes * 60_000;
  // Held: marked so, or over while the stage already says they met (the user moved the stage on
  // without ticking "held").
  const held = meetings
    .filter((m) => m.held || (MET_STAGES.has(contact.stage) && end(m) <= now))
    .sort((a, b) => a.scheduledAt - b.scheduledAt)
    .at(-1);
  const upcoming = meetings
    .filter((m) => !m.held && m.scheduledAt > now)
    .sort((a, b) => a.scheduledAt - b.scheduledAt)[0];

  let prepare: ContactStatus['next'] = null;
  if (upcoming) {
    // Due a day before; if that moment has passed it is simply overdue (still stable for notices).
    prepare = {
      action: 'prepare',
      dueAt: upcoming.scheduledAt - PREPARE_BEFORE_MS,
      label: `Prepare for your meeting — it starts in ${span(upcoming.scheduledAt - now)}`,
    };
  }

  let followThrough: ContactStatus['next'] = null;
  // Notes after the meeting started count: a thank-you is often logged with the meeting's own time.
  const since = held?.scheduledAt ?? -Infinity;
  const after = attempts.filter((a) => AFTER_MEETING.has(a.kind) && a.at >= since);
  const thanked = after.some((a) => a.kind === 'thank-you');
  if (held && !thanked) {
    // "Within two days" is `thankYouHours` (48) after the meeting ends, not calendar days. The
    // reminder comes halfway through, the day after the meeting, so a full day is left to write.
    const ago = now - end(held);
    followThrough = {
      action: 'thank-you',
      dueAt: end(held) + (settings.thankYouHours * HOUR) / 2,
      label: `Send a thank-you — you met ${ago < HOUR ? 'just now' : `${span(ago)} ago`}`,
    };
  } else if (after.length > 0 && (held || THANKED_STAGES.has(contact.stage))) {
    // Without a held meeting (stage moved on by hand) the last thank-you or update still anchors this.
    const days = contact.keepInTouchDays ?? settings.keepInTouchDays;
    followThrough = {
      action: 'keep-in-touch',
      dueAt: after.at(-1)!.at + days * DAY,
      label: 'Keep in touch — send a short update',
    };
  }

  if (prepare && followThrough) {
    // A pending thank-you can be more pressing than the next meeting; an update never is.
    if (followThrough.action === 'keep-in-touch') return prepare;
    return followThrough.dueAt <= prepare.dueAt ? followThrough : prepare;
  }
  return prepare ?? followThrough;
}

/** Whether the status has an action due at `now` (snooze already applied by `contactStatus`). */
export function isDue(status: ContactStatus, now: number): boolean {
  return status.next !== null && status.next.dueAt <= now;
}

/** The contacts with an action due at `now`, oldest due first (then by name, for a stable list). */
export function dueActions(
  items: ContactRecords[],
  settings: Settings,
  now: number,
): Array<{ contact: Contact; status: ContactStatus }> {
  return items
    .map((item) => ({ contact: item.contact, status: contactStatus(item, settings, now) }))
    .filter(({ status }) => isDue(status, now))
    .sort((a, b) => a.status.next!.dueAt - b.status.next!.dueAt || a.contact.name.localeCompare(b.contact.name));
}

/**
 * The stage a contact moves to when an attempt of `kind` is logged. Only forward moves out of the
 * stage the attempt completes; anything else (including `moved-on`) is left for the user to change.
 */
export function stageAfterAttempt(stage: Stage, kind: AttemptKind): Stage {
  switch (kind) {
    case 'request':
    case 'follow-up':
      return stage === 'prospect' ? 'requested' : stage;
    case 'thank-you':
      return stage === 'interviewed' ? 'thanked' : stage;
    case 'update':
      return stage === 'thanked' ? 'keeping-in-touch' : stage;
    case 'intro-request':
      // A note to an introducer is about someone else: their own stage stays.
      return stage;
  }
}

export type EtiquetteCode = 'moved-on' | 'fourth-attempt' | 'too-soon' | 'no-referrer';

/**
 * Reasons to pause before sending an attempt of `kind`. Outreach warnings (`fourth-attempt`,
 * `too-soon`, the six-week `moved-on`) apply only while a request is unanswered — once they reply,
 * writing back is conversation, not another attempt.
 */
export function etiquetteWarnings(
  status: ContactStatus,
  kind: AttemptKind,
  opts: { now: number; hasReferrer: boolean; templateNamesReferrer: boolean; settings: ComposeSettings },
): Array<{ code: EtiquetteCode; message: string }> {
  const { now, settings } = opts;
  const warnings: Array<{ code: EtiquetteCode; message: string }> = [];
  const isOutreach = OUTREACH.has(kind);
  const awaitingReply =
    status.stage === 'moved-on' || status.next?.action === 'follow-up' || status.next?.action === 'move-on';

  if (status.stage === 'moved-on') {
    warnings.push({
      code: 'moved-on',
      message: 'You have moved on from this contact. The 3/6 rule says to let it rest.',
    });
  } else if (isOutreach && awaitingReply && status.windowClosesAt !== null && now >= status.windowClosesAt) {
    warnings.push({
      code: 'moved-on',
      message: `It has been ${duration(settings.windowDays)} since your first note. Time to move on politely.`,
    });
  }

  if (isOutreach && awaitingReply && status.attemptsUsed >= settings.maxAttempts) {
    warnings.push({
      code: 'fourth-attempt',
      message: `This would be note ${status.attemptsUsed + 1}; the 3/6 rule stops at ${settings.maxAttempts}.`,
    });
  }

  // A user who chose a shorter follow-up interval is not warned for keeping to it.
  const tooSoonMs = Math.min(TOO_SOON_DAYS, settings.followUpDays) * DAY;
  const sinceLast = status.lastAttemptAt === null ? Infinity : now - status.lastAttemptAt;
  if (isOutreach && awaitingReply && sinceLast < tooSoonMs) {
    warnings.push({
      code: 'too-soon',
      message: `You last wrote ${span(sinceLast)} ago. Give them about ${duration(settings.followUpDays)} between notes.`,
    });
  }

  if (kind === 'request' && opts.hasReferrer && !opts.templateNamesReferrer) {
    warnings.push({
      code: 'no-referrer',
      message:
        'This request does not name who referred you. A warm introduction works best named, ideally in the subject.',
    });
  }
  return warnings;
}

/** "2 weeks", "10 days". */
function duration(days: number): string {
  if (days % 7 === 0) return days === 7 ? '1 week' : `${days / 7} weeks`;
  return days === 1 ? '1 day' : `${days} days`;
}

/** A rough elapsed time, for labels: "an hour", "5 hours", "a day", "3 days". */
function span(ms: number): string {
  const hours = Math.floor(Math.max(0, ms) / HOUR);
  if (hours < 1) return 'under an hour';
  if (hours < 2) return 'an hour';
  if (hours < 24) return `${hours} hours`;
  const days = Math.floor(hours / 24);
  return days === 1 ? 'a day' : `${days} days`;
}
