import { useEffect, useRef, useState } from 'preact/hooks';
import { ask, type ClientError } from '../../lib/client';
import type { ContactView, Introducer } from '../../lib/messages';
import type { Contact } from '../../lib/schemas';
import { STAGE_LABELS, STAGES, type Stage } from '../../lib/stages';
import { ErrorLine, errorText, useAction } from '../feedback';
import { ContactPicker, pickedToReferrer, type Picked } from '../ContactPicker';
import { useAsk } from '../use-ask';
import { Introducers } from './Introducers';
import { REFERRER_LIST_ID } from './sidebar-text';
import type { MutualConnections } from '../../lib/linkedin/mutuals';

/** What the page shows, as read by lib/linkedin/extract.ts. */
export interface ProfileFacts {
  name: string;
  headline: string | null;
  company: string | null;
  location: string | null;
  profileUrl: string;
  /** LinkedIn's member id (`ACoAA…`) when the page shows it for this person. */
  memberId?: string | null;
}

export type PageState =
  | { kind: 'reading'; profileUrl: string }
  | { kind: 'unreadable'; profileUrl: string }
  | { kind: 'profile'; profile: ProfileFacts };

/** An answer the sidebar's plain-DOM shell already has (undefined data: none yet). */
export interface Answer<T> {
  data?: T;
  error?: ClientError | null;
}

/** What the shell asked before Preact loaded, for the person at `profileUrl`: shown at once, asked again. */
export interface ShellAnswers {
  profileUrl: string;
  lookup?: Answer<ContactView | null>;
  introducers?: Answer<Introducer[]>;
}

export type Props = {
  page: PageState;
  collapsed: boolean;
  onToggle: () => void;
  now?: () => number;
  /** The anonymised structure of the page (lib/linkedin/page-structure.ts), for "couldn't read" reports. */
  pageStructure?: () => Promise<string>;
  /** The top card's mutual-connection line, for "Who can introduce you". */
  mutuals?: MutualConnections | null;
  /** Answers already in hand (the shell's), for the person on the page. */
  initial?: ShellAnswers | null;
};

/**
 * Formatters made on first use: the first Intl object in a fresh page costs tens of milliseconds,
 * which a module-level one would add to every LinkedIn page load, sidebar or not.
 */
function lazyFormat(options: Intl.DateTimeFormatOptions) {
  let fmt: Intl.DateTimeFormat | null = null;
  return { format: (t: number) => (fmt ??= new Intl.DateTimeFormat(undefined, options)).format(t) };
}
const dateFmt = lazyFormat({ dateStyle: 'medium' });
const dateTimeFmt = lazyFormat({ dateStyle: 'medium', timeStyle: 'short' });

/**
 * The log form. It is on screen before the lookup answers (`ready`: the answer is "not a contact"):
 * a click before then waits for the answer, and is dropped if the person turns out to be known (the
 * form then gives way to their record), so an early click never logs anyone twice.
 */
function LogForm({ facts, profileUrl, manual, ready = true }: { facts: ProfileFacts | null; profileUrl: string; manual: boolean; ready?: boolean }) {
  const [referrer, setReferrer] = useState<Picked>(null);
  const [note, setNote] = useState('');
  const [name, setName] = useState(facts?.name ?? '');
  const [headline, setHeadline] = useState(facts?.headline ?? '');
  const [company, setCompany] = useState(facts?.company ?? '');
  const { busy, error, run } = useAction();
  const [queued, setQueued] = useState(false);
  const send = () =>
    void run(() =>
      ask('contact.log', {
        name: manual ? name : facts!.name,
        headline: manual ? headline || null : facts!.headline,
        company: manual ? company || null : facts!.company,
        location: manual ? null : facts!.location,
        profileUrl,
        // The member id ties this contact to LinkedIn's /in/<member id>/ links (message threads).
        memberId: manual ? null : (facts?.memberId ?? null),
        referrer: pickedToReferrer(referrer),
        notes: note,
      }),
    );
  const submit = (e: Event) => {
    e.preventDefault();
    if (ready) send();
    else setQueued(true);
  };
  useEffect(() => {
    if (!ready || !queued) return;
    setQueued(false);
    send();
  }, [ready, queued]);
  return (
    <form onSubmit={submit} class="wi-log">
      {manual && (
        <>
          <label class="wi-field">
            <span>Name</span>
            <input required value={name} data-testid="wi-manual-name" onInput={(e) => setName((e.target as HTMLInputElement).value)} />
          </label>
          <label class="wi-field">
            <span>Headline</span>
            <input value={headline} onInput={(e) => setHeadline((e.target as HTMLInputElement).value)} />
          </label>
          <label class="wi-field">
            <span>Company</span>
            <input value={company} onInput={(e) => setCompany((e.target as HTMLInputElement).value)} />
          </label>
        </>
      )}
      <ContactPicker
        label="Referred by"
        value={referrer}
        onChange={setReferrer}
        placeholder="Who introduced you? (optional)"
        testId="wi-referrer"
        listId={REFERRER_LIST_ID}
      />
      <label class="wi-field">
        <span>Note</span>
        <textarea rows={2} value={note} data-testid="wi-note" onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
      </label>
      <button type="submit" disabled={busy || queued || (manual && !name.trim())} data-testid="wi-log-contact">
        Log contact
      </button>
      <ErrorLine error={error} />
    </form>
  );
}

function Notes({ contact }: { contact: Contact }) {
  const [text, setText] = useState(contact.notes);
  const [saved, setSaved] = useState(true);
  // Notes changed elsewhere show up here, unless the user is typing: never lose a draft.
  const shown = useRef(contact.notes);
  useEffect(() => {
    if (contact.notes === shown.current) return;
    shown.current = contact.notes;
    if (saved) setText(contact.notes);
  }, [contact.notes]);
  const { busy, error, run } = useAction();
  return (
    <div class="wi-notes">
      <label class="wi-field">
        <span>Notes</span>
        <textarea
          rows={3}
          value={text}
          data-testid="wi-notes"
          onInput={(e) => {
            setText((e.target as HTMLTextAreaElement).value);
            setSaved(false);
          }}
        />
      </label>
      {!saved && (
        <button
          type="button"
          disabled={busy}
          onClick={() => void run(() => ask('contact.notes', { contactId: contact.id, notes: text })).then((ok) => ok && setSaved(true))}
        >
          Save notes
        </button>
      )}
      <ErrorLine error={error} />
    </div>
  );
}

function MeetingForm({ contact, onDone }: { contact: Contact; onDone: () => void }) {
  const [date, setDate] = useState('');
  const [time, setTime] = useState('10:00');
  const [minutes, setMinutes] = useState(20);
  const { busy, error, run } = useAction();
  const submit = (e: Event) => {
    e.preventDefault();
    const at = new Date(`${date}T${time}`).getTime();
    if (!Number.isFinite(at)) return;
    void run(() => ask('meeting.schedule', { contactId: contact.id, scheduledAt: at, minutes })).then((ok) => ok && onDone());
  };
  return (
    <form class="wi-meeting-form" onSubmit={submit} data-testid="wi-meeting-form">
      <div class="wi-row">
        <label class="wi-field">
          <span>Date</span>
          <input type="date" required value={date} onInput={(e) => setDate((e.target as HTMLInputElement).value)} />
        </label>
        <label class="wi-field">
          <span>Time</span>
          <input type="time" required value={time} onInput={(e) => setTime((e.target as HTMLInputElement).value)} />
        </label>
      </div>
      <fieldset class="wi-row wi-minutes">
        <legend>Length</legend>
        {[15, 20].map((m) => (
          <label key={m}>
            <input type="radio" name="wi-minutes" checked={minutes === m} onChange={() => setMinutes(m)} /> {m} min
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={busy || !date}>
        Schedule
      </button>
      <ErrorLine error={error} />
    </form>
  );
}

function Referrals({ view }: { view: ContactView }) {
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const { busy, error, run } = useAction();
  const add = (e: Event) => {
    e.preventDefault();
    void run(() =>
      ask('referral.add', {
        fromContactId: view.contact.id,
        contact: { name, profileUrl: url.trim() || null },
      }),
    ).then((ok) => {
      if (ok) {
        setName('');
        setUrl('');
      }
    });
  };
  const count = view.referred.length;
  return (
    <section class="wi-referrals" aria-label="People they suggested">
      <h3>
        People {view.contact.name.split(' ')[0]} suggested{' '}
        <span class={count >= 2 ? 'wi-quiet' : 'wi-warning-inline'}>({count} of 2 asked for)</span>
      </h3>
      <ul>
        {view.referred.map((c) => (
          <li key={c.id}>
            {c.name} <span class="wi-quiet">· {STAGE_LABELS[c.stage]}</span>
          </li>
        ))}
      </ul>
      <form class="wi-row" onSubmit={add}>
        <input
          required
          placeholder="Name"
          aria-label="Name of the person they suggested"
          value={name}
          data-testid="wi-referral-name"
          onInput={(e) => setName((e.target as HTMLInputElement).value)}
        />
        <input
          placeholder="LinkedIn URL (optional)"
          aria-label="Their LinkedIn profile URL"
          value={url}
          onInput={(e) => setUrl((e.target as HTMLInputElement).value)}
        />
        <button type="submit" disabled={busy || !name.trim()} data-testid="wi-add-referral">
          Add
        </button>
      </form>
      <ErrorLine error={error} />
    </section>
  );
}

function Known({ view, now }: { view: ContactView; now: number }) {
  const { contact, status } = view;
  const [scheduling, setScheduling] = useState(false);
  const { busy, error, run } = useAction();
  const upcoming = view.meetings.filter((m) => !m.held).at(-1);
  const held = view.meetings.filter((m) => m.held).at(-1);
  const met = ['interviewed', 'thanked', 'keeping-in-touch'].includes(contact.stage);
  const outreachKind = status.attemptsUsed === 0 ? 'request' : 'follow-up';
  return (
    <div class="wi-known">
      <dl class="wi-facts">
        <dt>Stage</dt>
        <dd data-testid="wi-stage">{STAGE_LABELS[contact.stage]}</dd>
        <dt>Attempts</dt>
        <dd data-testid="wi-attempts">
          {status.attemptsUsed} of {status.attemptsAllowed}
          {status.nextFollowUpAt !== null && contact.stage !== 'moved-on' && (
            <span class="wi-quiet"> · next follow-up {dateFmt.format(status.nextFollowUpAt)}</span>
          )}
        </dd>
        {view.referrerName && (
          <>
            <dt>Referred by</dt>
            <dd data-testid="wi-referrer-name">{view.referrerName}</dd>
          </>
        )}
        {contact.repliedAt !== null && (
          <>
            <dt>Replied</dt>
            <dd>{dateFmt.format(contact.repliedAt)}</dd>
          </>
        )}
        {(upcoming ?? held) && (
          <>
            <dt>Meeting</dt>
            <dd data-testid="wi-meeting">
              {dateTimeFmt.format((upcoming ?? held)!.scheduledAt)} · {(upcoming ?? held)!.minutes} min
              {held && !upcoming ? ' · held' : ''}
            </dd>
          </>
        )}
      </dl>
      {status.next && (
        <p class={status.next.dueAt <= now ? 'wi-warning' : 'wi-quiet'} data-testid="wi-next">
          {status.next.label}
          {status.next.dueAt > now ? ` · ${dateFmt.format(status.next.dueAt)}` : ' · due now'}
        </p>
      )}
      <div class="wi-actions">
        {['prospect', 'requested'].includes(contact.stage) && (
          <button
            type="button"
            disabled={busy}
            data-testid="wi-record-message"
            onClick={() => void run(() => ask('attempt.record', { contactId: contact.id, channel: 'linkedin', kind: outreachKind }))}
          >
            I sent a LinkedIn message
          </button>
        )}
        {contact.stage === 'requested' && (
          <button type="button" class="wi-quiet" disabled={busy} data-testid="wi-mark-replied" onClick={() => void run(() => ask('contact.replied', { contactId: contact.id }))}>
            They replied
          </button>
        )}
        {!met && (
          <button type="button" class="wi-quiet" disabled={busy} data-testid="wi-schedule" onClick={() => setScheduling((s) => !s)}>
            {upcoming ? 'Reschedule' : 'Schedule meeting'}
          </button>
        )}
        {(contact.stage === 'scheduled' || upcoming) && (
          <button type="button" class="wi-quiet" disabled={busy} data-testid="wi-mark-interviewed" onClick={() => void run(() => ask('contact.interviewed', { contactId: contact.id, meetingId: upcoming?.id }))}>
            We met
          </button>
        )}
        <label class="wi-field wi-stage-select">
          <span>Change stage</span>
          <select
            value={contact.stage}
            disabled={busy}
            data-testid="wi-stage-select"
            onChange={(e) => void run(() => ask('contact.stage', { contactId: contact.id, stage: (e.target as HTMLSelectElement).value as Stage }))}
          >
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {STAGE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorLine error={error} />
      {scheduling && <MeetingForm contact={contact} onDone={() => setScheduling(false)} />}
      {met && <Referrals view={view} />}
      <Notes key={contact.id} contact={contact} />
    </div>
  );
}

function ProfileBody({ profile, now, mutuals, initial }: { profile: ProfileFacts; now: number; mutuals: MutualConnections | null; initial: ShellAnswers | null }) {
  const mine = initial?.profileUrl === profile.profileUrl ? initial : null;
  const found = useAsk('contact.lookup', { profileUrl: profile.profileUrl }, [profile.profileUrl], mine?.lookup);
  return (
    <>
      {found.error && found.data === undefined ? (
        <ErrorLine error={errorText(found.error)} />
      ) : (
        <>
          <ErrorLine error={found.error ? errorText(found.error) : null} />
          {found.data ? (
            <Known view={found.data} now={now} />
          ) : (
            // Before the answer too: "Log contact" is on screen at once, in the place it keeps.
            <LogForm key={profile.profileUrl} facts={profile} profileUrl={profile.profileUrl} manual={false} ready={found.data === null} />
          )}
        </>
      )}
      {/* Asked alongside the lookup, never after it (it keeps its place, so it is asked once). */}
      <Introducers profile={profile} view={found.data} mutuals={mutuals} initial={mine?.introducers} />
    </>
  );
}

/** "Couldn't read this profile": copy the page's anonymised structure, to the clipboard or, failing that, into a box. */
function CopyStructure({ get }: { get: () => Promise<string> }) {
  const [shown, setShown] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const { busy, error, run } = useAction();
  const copy = () =>
    void run(async () => {
      const text = await get();
      try {
        await navigator.clipboard.writeText(text);
        setCopied(true);
      } catch {
        setShown(text); // no clipboard access: let the user select and copy it
      }
    });
  return (
    <div class="wi-report">
      <button type="button" class="wi-quiet" disabled={busy} data-testid="wi-copy-structure" onClick={copy}>
        Copy page structure for a bug report
      </button>
      <p class="wi-quiet">
        Only the page's layout: tags, roles, link shapes. Every text and value is replaced by a placeholder, so no names or
        details go with it. Paste it into a bug report.
      </p>
      {copied && <p role="status" data-testid="wi-structure-copied">Copied to the clipboard.</p>}
      {shown !== null && (
        <label class="wi-field">
          <span>Select all and copy:</span>
          <textarea readOnly rows={4} value={shown} data-testid="wi-structure-text" onFocus={(e) => (e.target as HTMLTextAreaElement).select()} />
        </label>
      )}
      <ErrorLine error={error} />
    </div>
  );
}

/** The LinkedIn profile sidebar: who this is, where they are in the pipeline, what to do next. */
export function Sidebar({ page, collapsed, onToggle, now = Date.now, pageStructure, mutuals = null, initial = null }: Props) {
  if (collapsed) {
    return (
      <button type="button" class="wi-tab" data-testid="wi-sidebar-tab" aria-label="Open Warm Intro" aria-expanded="false" onClick={onToggle}>
        Warm Intro
      </button>
    );
  }
  return (
    <aside class="wi-sidebar" data-testid="wi-sidebar" aria-label="Warm Intro">
      <header class="wi-sidebar__header">
        <span class="wi-brand">Warm Intro</span>
        <button type="button" class="wi-quiet" aria-label="Collapse Warm Intro" aria-expanded="true" data-testid="wi-collapse" onClick={onToggle}>
          ›
        </button>
      </header>
      {page.kind === 'reading' && <p class="wi-quiet">Reading this profile…</p>}
      {page.kind === 'unreadable' && (
        <div data-testid="wi-unreadable">
          <p class="wi-quiet">Couldn't read this profile. You can still log the person by hand.</p>
          <LogForm facts={null} profileUrl={page.profileUrl} manual />
          {pageStructure && <CopyStructure get={pageStructure} />}
        </div>
      )}
      {page.kind === 'profile' && (
        <>
          <h2 data-testid="wi-profile-name">{page.profile.name}</h2>
          {page.profile.headline && <p class="wi-quiet wi-headline">{page.profile.headline}</p>}
          <p class="wi-quiet wi-meta">{[page.profile.company, page.profile.location].filter(Boolean).join(' · ')}</p>
          <ProfileBody key={page.profile.profileUrl} profile={page.profile} now={now()} mutuals={mutuals} initial={initial} />
        </>
      )}
    </aside>
  );
}
