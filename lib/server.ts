/**
 * The background's side of the protocol: check who sent a raw message and what it asks, run it
 * against the repository, and always answer — a malformed or unknown message, or one from a sender
 * that may not make it, gets an error reply and writes nothing.
 */
import type { z } from 'zod';
import { parsePayload, parseType, REQUESTS, type Reply, type RequestType, type Responses } from './messages';
import { PAGE_LIMITS, PAGE_SEARCH } from './page-scope';
import { createLimiter } from './rate-limit';
import { isStorageError, RepoError, type ContactDraft, type Repository } from './repository';
import { COMPOSE_SETTINGS, type ComposeSettings } from './schemas';
import type { Caller } from './senders';

/** Requests that only read; everything else is a write that may change what is due. */
const READS = new Set<RequestType>([
  'contact.lookup',
  'contact.matchEmails',
  'contact.search',
  'contact.find',
  'contact.list',
  'pipeline.summary',
  'due.list',
  'settings.get',
  'settings.compose',
  // Opens the dashboard: changes no data.
  'settings.open',
  'templates.list',
  'backup.export',
  'due.page',
  'board.cards',
  'insights.get',
  'network.list',
  'network.moveCandidates',
  'introducers.forProfile',
  'company.people',
  'badges.forProfiles',
  'intro.list',
]);

/** Whether a request type may change data. */
export function isWrite(type: string): boolean {
  return Object.hasOwn(REQUESTS, type) && !READS.has(type as RequestType);
}

/**
 * What the server needs from the worker around it. There is no after-write hook: no reply waits for
 * work its caller does not need, so whoever sends the reply runs that work after it, for a reply
 * that is `ok` to a request `isWrite` names (entrypoints/background/messages.ts).
 */
export interface ServerHooks {
  /** Run the reminder check now; answers how many actions are due. */
  checkReminders?: () => Promise<number>;
  /** Open the dashboard's settings in a tab (a compose menu's "Set it in Settings"). */
  openSettings?: () => Promise<void>;
  /** The clock for the page rate limits. */
  now?: () => number;
}

/** Each handler gets its payload as the request's schema parsed it. */
type Handlers = { [T in RequestType]: (payload: z.output<(typeof REQUESTS)[T]['schema']>) => Promise<Responses[T]> };

function handlers(repo: Repository, hooks: ServerHooks): Handlers {
  return {
    'contact.lookup': (p) => repo.lookup(p),
    'contact.matchEmails': async (p: { emails: string[] }) => {
      const views = [];
      const seen = new Set<string>();
      for (const email of p.emails) {
        const view = await repo.lookup({ email });
        if (view && !seen.has(view.contact.id)) {
          seen.add(view.contact.id);
          views.push(view);
        }
      }
      return views;
    },
    'contact.search': (p) => repo.search(p.query, p.limit),
    'contact.find': async (p) =>
      (await repo.search(p.query, PAGE_SEARCH.maxResults, { byEmail: false })).map((c) => ({ id: c.id, name: c.name, company: c.company })),
    'contact.list': () => repo.listContacts(),
    'contact.log': (p: ContactDraft) => repo.logContact(p),
    'contact.update': (p) => repo.updateContact(p.id, p.patch),
    'contact.notes': (p) => repo.updateContact(p.contactId, { notes: p.notes }),
    'contact.addEmail': (p) => repo.addEmail(p.contactId, p.email),
    'contact.delete': async (p) => (await repo.deleteContact(p.id), null),
    'contact.replied': (p) => repo.markReplied(p.contactId, p.at),
    'contact.stage': (p) => repo.setStage(p.contactId, p.stage),
    'contact.snooze': (p) => repo.snooze(p.contactId, p.until),
    'contact.interviewed': (p) => repo.markInterviewed(p.contactId, p.meetingId),
    'attempt.record': (p) => repo.recordAttempt(p),
    'attempt.delete': async (p) => (await repo.deleteAttempt(p.id), null),
    'meeting.schedule': (p) => repo.scheduleMeeting(p),
    'meeting.update': async ({ id, patch: { reflection, ...rest } }) => {
      const current = await repo.db.meetings.get(id);
      if (!current) throw new RepoError('not-found', 'That meeting no longer exists.');
      // A reflection answer or two at a time: the others stay as they were.
      const answered = Object.fromEntries(Object.entries(reflection ?? {}).filter(([, v]) => v !== undefined));
      return repo.updateMeeting(id, { ...rest, ...(reflection ? { reflection: { ...current.reflection, ...answered } } : {}) });
    },
    'meeting.delete': async (p) => (await repo.deleteMeeting(p.id), null),
    'referral.add': (p) => repo.addReferral(p),
    'pipeline.summary': () => repo.summary(),
    'due.list': () => repo.due(),
    'settings.get': () => repo.settings(),
    'settings.compose': async () => {
      const all = await repo.settings();
      return Object.fromEntries(COMPOSE_SETTINGS.map((k) => [k, all[k]])) as ComposeSettings;
    },
    'settings.open': async () => (await hooks.openSettings?.(), null),
    'settings.save': (p) => repo.saveSettings(p),
    'templates.list': () => repo.templates(),
    'template.save': (p) => repo.saveTemplate(p),
    'template.reset': (p) => repo.resetTemplate(p.id),
    'backup.export': () => repo.exportBackup(),
    'backup.restore': (p) => repo.restoreBackup(p.backup),
    'data.clear': async () => (await repo.clearAll(), null),
    'contacts.import': (p) => repo.importContacts(p.contacts, p.duplicates, p.target, p.part),
    'contact.merge': (p) => repo.mergeContacts(p.keepId, p.dropId),
    'network.list': (p) => repo.networkList(p),
    'network.toPipeline': (p) => repo.toPipeline(p.contactId),
    'network.moveCandidates': () => repo.moveCandidates(),
    'network.moveProspects': () => repo.moveProspects(),
    'network.undoMove': (p) => repo.undoMove(p.token),
    'network.dismissMove': async () => (await repo.dismissMove(), null),
    'introducers.forProfile': (p) => repo.introducersForProfile(p),
    'company.people': (p) => repo.companyPeople(p.company, p.limit),
    'badges.forProfiles': (p) => repo.badges(p.profileUrls),
    'introducer.save': (p) => repo.saveIntroducer(p),
    'intro.ask': (p) => repo.askIntroduction(p),
    'intro.setStatus': (p) => repo.setIntroductionStatus(p.id, p.status, p.at),
    'intro.followedUp': (p) => repo.introFollowedUp(p),
    'intro.list': (p) => repo.listIntroductions(p),
    'reminders.check': async () => ({ due: hooks.checkReminders ? await hooks.checkReminders() : (await repo.due()).length }),
    'due.page': (p) => repo.duePage(p.offset, p.limit),
    'board.cards': () => repo.board(),
    'insights.get': () => repo.insights(),
  };
}

function refuse(code: 'forbidden' | 'rate-limited', message: string): Reply<never> {
  return { ok: false, error: { code, message } };
}

/**
 * `handle(raw, caller)`: `caller` is who the browser says sent it (lib/senders.ts). The sender is
 * checked before the payload is read: a request a page may not make is refused whatever it carries.
 */
export function createServer(repo: Repository, hooks: ServerHooks = {}) {
  const table = handlers(repo, hooks);
  const now = hooks.now ?? Date.now;
  const limiters = new Map(Object.entries(PAGE_LIMITS).map(([type, bucket]) => [type, createLimiter(bucket)]));
  return async function handle(raw: unknown, caller: Caller): Promise<Reply<unknown>> {
    if (caller.kind === 'stranger') {
      return refuse('forbidden', `Warm Intro answers only its own pages and its LinkedIn and Gmail helpers (${caller.why}).`);
    }
    const envelope = parseType(raw);
    if (!envelope.ok) return envelope;
    const { type } = envelope;
    if (caller.kind === 'page') {
      if (REQUESTS[type].from !== 'page') {
        return refuse('forbidden', `"${type}" is only for Warm Intro's own pages (popup, dashboard), not for a web page.`);
      }
      const limiter = limiters.get(type);
      if (limiter && !limiter.take(String(caller.tabId), now())) {
        return refuse('rate-limited', 'Too many requests from this tab; try again in a moment.');
      }
    }
    const msg = parsePayload(type, envelope.payload);
    if (!msg.ok) return msg;
    try {
      // parsePayload checked the payload against this very type's schema.
      const data = await (table[type] as (payload: unknown) => Promise<unknown>)(msg.payload);
      return { ok: true, data };
    } catch (error) {
      if (error instanceof RepoError) return { ok: false, error: { code: error.code, message: error.message } };
      if (isStorageError(error)) {
        return {
          ok: false,
          error: { code: 'storage', message: 'Warm Intro cannot reach its local database (disk full or storage blocked).' },
        };
      }
      if (error instanceof Error && error.name === 'ConstraintError') {
        return { ok: false, error: { code: 'conflict', message: 'That record already exists.' } };
      }
      console.error('[warm-intro] request failed', type, error);
      return { ok: false, error: { code: 'internal', message: 'Something went wrong inside Warm Intro; nothing was saved.' } };
    }
  };
}
