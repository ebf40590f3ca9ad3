import { useRef, useState } from 'preact/hooks';
import { ask } from '../../lib/client';
import type { ContactView } from '../../lib/messages';
import type { Meeting } from '../../lib/schemas';
import { STAGE_LABELS, STAGES, type Stage } from '../../lib/stages';
import { DONE_LABEL, gmailComposeUrl, markDone, snooze } from '../actions';
import { ContactPicker, pickedToReferrer, type Picked } from '../ContactPicker';
import { useAsk } from '../use-ask';
import { Attempts } from './Attempts';
import { Introductions } from './Introductions';
import { changedFields, ConfirmButton, Status, useAction } from './common';
import { dueText, formatDate } from './format';
import { MeetingPanel } from './MeetingPanel';
import { contactHref } from './route';

export type Props = { id: string };

const MET: ReadonlySet<Stage> = new Set(['interviewed', 'thanked', 'keeping-in-touch']);

const list = (text: string) =>
  text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

function Field(props: { label: string; value: string; onInput: (v: string) => void; testId?: string; type?: string; hint?: string }) {
  return (
    <label class="wi-field">
      <span>{props.label}</span>
      <input type={props.type ?? 'text'} value={props.value} data-testid={props.testId} onInput={(e) => props.onInput((e.target as HTMLInputElement).value)} />
      {props.hint && <small class="wi-quiet">{props.hint}</small>}
    </label>
  );
}

type ProfileFields = { name: string; headline: string; company: string; location: string; profileUrl: string; emails: string; tags: string; notes: string };

function toPatch(form: ProfileFields, referrer: Picked) {
  return {
    name: form.name,
    headline: form.headline || null,
    company: form.company || null,
    location: form.location || null,
    profileUrl: form.profileUrl.trim() || null,
    emails: list(form.emails),
    tags: list(form.tags),
    notes: form.notes,
    referrer: pickedToReferrer(referrer),
  };
}

function ProfileForm({ view }: { view: ContactView }) {
  const c = view.contact;
  const [form, setForm] = useState({
    name: c.name,
    headline: c.headline ?? '',
    company: c.company ?? '',
    location: c.location ?? '',
    profileUrl: c.profileUrl ?? '',
    emails: c.emails.join(', '),
    tags: c.tags.join(', '),
    notes: c.notes,
  });
  const [referrer, setReferrer] = useState<Picked>(
    c.referrer?.type === 'contact'
      ? { type: 'contact', contact: { id: c.referrer.contactId, name: view.referrerName ?? '', company: null } }
      : c.referrer
        ? { type: 'name', name: c.referrer.name }
        : null,
  );
  // What the form held when filled (or last saved): only fields changed since then are sent.
  const saved = useRef<ReturnType<typeof toPatch>>(toPatch(form, referrer));
  const action = useAction();
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });
  return (
    <form
      class="wi-panel"
      aria-labelledby="wi-edit-title"
      onSubmit={(e) => {
        e.preventDefault();
        const patch = toPatch(form, referrer);
        const changed = changedFields(saved.current, patch);
        void action.run(async () => {
          await ask('contact.update', { id: c.id, patch: changed });
          saved.current = patch;
        }, 'Saved.');
      }}
    >
      <h2 id="wi-edit-title">Details</h2>
      <Field label="Name" value={form.name} onInput={set('name')} testId="wi-edit-name" />
      <Field label="Headline" value={form.headline} onInput={set('headline')} testId="wi-edit-headline" />
      <div class="wi-two">
        <Field label="Company" value={form.company} onInput={set('company')} testId="wi-edit-company" />
        <Field label="Location" value={form.location} onInput={set('location')} />
      </div>
      <Field label="LinkedIn profile URL" type="url" value={form.profileUrl} onInput={set('profileUrl')} />
      <Field label="E-mail addresses" value={form.emails} onInput={set('emails')} testId="wi-edit-emails" hint="Separate several with commas." />
      <Field label="Tags" value={form.tags} onInput={set('tags')} testId="wi-edit-tags" hint="Separate with commas, e.g. design, nonprofit." />
      <ContactPicker label="Referred by" value={referrer} onChange={setReferrer} excludeId={c.id} placeholder="Who introduced you?" testId="wi-edit-referrer" />
      <label class="wi-field">
        <span>Notes</span>
        <textarea rows={4} value={form.notes} data-testid="wi-edit-notes" onInput={(e) => set('notes')((e.target as HTMLTextAreaElement).value)} />
      </label>
      <div class="wi-row">
        <button type="submit" disabled={action.busy} data-testid="wi-edit-save">
          Save details
        </button>
      </div>
      <Status error={action.error} done={action.done} testId="wi-edit" />
    </form>
  );
}

function Referrals({ view }: { view: ContactView }) {
  const { contact, referred, meetings } = view;
  const first = contact.name.split(/\s+/)[0];
  const held = [...meetings].reverse().find((m) => m.held);
  const interviewed = !!held || MET.has(contact.stage);
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [mayUseName, setMayUseName] = useState(true);
  const action = useAction();
  const asked = meetings.some((m) => m.askedForReferrals);

  const setAsked = async (value: boolean) => {
    let meeting: Meeting | undefined = held ?? meetings.at(-1);
    // Met without a meeting on record (the stage was moved by hand): keep the answer on a held one.
    meeting ??= await ask('meeting.schedule', { contactId: contact.id, scheduledAt: Date.now() });
    await ask('meeting.update', { id: meeting.id, patch: { askedForReferrals: value, ...(interviewed ? { held: true } : {}) } });
  };

  return (
    <section class="wi-panel" aria-labelledby="wi-referrals-title">
      <h2 id="wi-referrals-title">Referrals</h2>
      <p>
        Referred by:{' '}
        {view.referrerName ? (
          contact.referrer?.type === 'contact' ? (
            <a href={contactHref(contact.referrer.contactId)} data-testid="wi-referrer-link">
              {view.referrerName}
            </a>
          ) : (
            <strong>{view.referrerName}</strong>
          )
        ) : (
          <span class="wi-quiet">nobody recorded</span>
        )}
      </p>
      {interviewed && (
        <label class="wi-check" data-testid="wi-asked-referrals">
          <input type="checkbox" checked={asked} onChange={(e) => void action.run(() => setAsked((e.target as HTMLInputElement).checked))} />
          Asked {first} for two more people to talk to
        </label>
      )}
      <h3>
        People {first} referred <span class="wi-quiet">({referred.length}{interviewed ? ' of 2 asked for' : ''})</span>
      </h3>
      {referred.length ? (
        <ul class="wi-referred" data-testid="wi-referred">
          {referred.map((r) => (
            <li key={r.id}>
              <a href={contactHref(r.id)}>{r.name}</a> <span class="wi-quiet">{STAGE_LABELS[r.stage]}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="wi-quiet">No one yet.{interviewed ? '' : ' After you meet, ask who else you should talk to.'}</p>
      )}
      <form
        class="wi-subform"
        aria-label={`Add someone ${first} referred`}
        onSubmit={(e) => {
          e.preventDefault();
          void action
            .run(
              () =>
                ask('referral.add', {
                  fromContactId: contact.id,
                  contact: { name, profileUrl: url.trim() || null },
                  mayUseName,
                }),
              `Added ${name}.`,
            )
            .then((ok) => {
              if (ok) {
                setName('');
                setUrl('');
              }
            });
        }}
      >
        <div class="wi-two">
          <Field label="Name of the person they suggested" value={name} onInput={setName} testId="wi-referral-name" />
          <Field label="Their LinkedIn URL (optional)" type="url" value={url} onInput={setUrl} />
        </div>
        <label class="wi-check">
          <input type="checkbox" checked={mayUseName} onChange={(e) => setMayUseName((e.target as HTMLInputElement).checked)} />
          {first} said I may use their name
        </label>
        <div class="wi-row">
          <button type="submit" disabled={action.busy || !name.trim()} data-testid="wi-referral-add">
            Add referral
          </button>
        </div>
      </form>
      <Status error={action.error} done={action.done} />
    </section>
  );
}

function Header({ view }: { view: ContactView }) {
  const { contact, status } = view;
  const action = useAction();
  const mail = gmailComposeUrl(contact);
  const next = status.next;
  return (
    <header class="wi-detail__header">
      <p>
        <a href="#/board">← Board</a>
      </p>
      <h1 data-testid="wi-contact-name">{contact.name}</h1>
      {contact.headline && <p class="wi-detail__headline">{contact.headline}</p>}
      <p class="wi-quiet">
        {[contact.company, contact.location].filter(Boolean).join(' · ')}
        {contact.emails.length > 0 && <> · {contact.emails.join(', ')}</>} · added {formatDate(contact.createdAt)}
      </p>
      <div class="wi-row wi-detail__links">
        {contact.profileUrl && (
          <a href={contact.profileUrl} target="_blank" rel="noopener noreferrer" data-testid="wi-profile-link">
            LinkedIn profile
          </a>
        )}
        {mail && (
          <a href={mail} target="_blank" rel="noopener noreferrer">
            Write in Gmail
          </a>
        )}
        <label class="wi-inline">
          <span>Stage</span>
          <select
            value={contact.stage}
            data-testid="wi-detail-stage"
            onChange={(e) => void action.run(() => ask('contact.stage', { contactId: contact.id, stage: (e.target as HTMLSelectElement).value as Stage }))}
          >
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {STAGE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {next && (
        <div class={`wi-next${next.dueAt <= Date.now() ? ' wi-next--due' : ''}`} data-testid="wi-detail-next">
          <span>
            <strong>Next:</strong> {next.label} — {dueText(next.dueAt)}
          </span>
          <button type="button" disabled={action.busy} onClick={() => void action.run(() => markDone(contact, next.action, next.dueAt))}>
            {DONE_LABEL[next.action]}
          </button>
          <button type="button" class="wi-quiet" disabled={action.busy} onClick={() => void action.run(() => snooze(contact))}>
            Snooze 3 days
          </button>
        </div>
      )}
      <Status error={action.error} />
    </header>
  );
}

/** Everything about one person: facts, referrals, outreach, the meeting and what came of it. */
export function ContactDetail({ id }: Props) {
  const view = useAsk('contact.lookup', { id }, [id]);
  const settings = useAsk('settings.get', undefined);
  const del = useAction();

  if (!view.data) {
    if (view.data === null) {
      return (
        <section>
          <h1>Contact not found</h1>
          <p>
            This contact no longer exists. <a href="#/board">Back to the board</a>
          </p>
        </section>
      );
    }
    return view.error ? (
      <p role="alert" class="wi-error">
        {view.error.message}
      </p>
    ) : (
      <p class="wi-quiet">Loading…</p>
    );
  }
  const v = view.data;
  return (
    <article class="wi-detail" data-testid="wi-contact-detail">
      <Header view={v} />
      <div class="wi-detail__grid">
        <div class="wi-detail__col">
          <ProfileForm key={v.contact.id} view={v} />
          <Referrals view={v} />
          <Introductions view={v} />
          <section class="wi-panel" aria-labelledby="wi-delete-title">
            <h2 id="wi-delete-title">Delete</h2>
            <ConfirmButton
              label="Delete contact…"
              testId="wi-delete-contact"
              question={
                <>
                  Delete <strong>{v.contact.name}</strong> with their attempts, meetings and notes? This cannot be undone.
                </>
              }
              confirmLabel="Delete contact"
              onConfirm={() => del.run(() => ask('contact.delete', { id: v.contact.id })).then((ok) => ok && (location.hash = '#/board'))}
            />
            <Status error={del.error} />
          </section>
        </div>
        <div class="wi-detail__col">
          <Attempts view={v} />
          <MeetingPanel view={v} defaultMinutes={settings.data?.meetingMinutes ?? 20} />
        </div>
      </div>
    </article>
  );
}
