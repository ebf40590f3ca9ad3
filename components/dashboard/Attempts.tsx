import { useState } from 'preact/hooks';
import { ask } from '../../lib/client';
import type { ContactView } from '../../lib/messages';
import type { AttemptKind, Channel } from '../../lib/schemas';
import { Status, useAction } from './common';
import { dateInput, formatDate, formatDateTime } from './format';

const KINDS: Array<{ value: AttemptKind; label: string }> = [
  { value: 'request', label: 'Request' },
  { value: 'follow-up', label: 'Follow-up' },
  { value: 'thank-you', label: 'Thank-you' },
  { value: 'update', label: 'Update' },
];
const CHANNELS: Array<{ value: Channel; label: string }> = [
  { value: 'email', label: 'E-mail' },
  { value: 'linkedin', label: 'LinkedIn' },
  { value: 'phone', label: 'Phone' },
  { value: 'other', label: 'Other' },
];
const kindLabel = (k: AttemptKind) => KINDS.find((x) => x.value === k)?.label ?? k;
const channelLabel = (c: Channel) => CHANNELS.find((x) => x.value === c)?.label ?? c;

/** When a note logged for `date` (local) was sent: now for today, midday for another day. */
function attemptTime(date: string, now = new Date()): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  if (date === dateInput(now.getTime())) return now.getTime();
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12, 0).getTime();
}

/** The outreach timeline: the 3/6 rule's count and dates, every note sent, and logging one by hand. */
export function Attempts({ view }: { view: ContactView }) {
  const { contact, attempts, status } = view;
  const [date, setDate] = useState(() => dateInput(Date.now()));
  const [channel, setChannel] = useState<Channel>('email');
  const [kind, setKind] = useState<AttemptKind>(attempts.length ? 'follow-up' : 'request');
  const action = useAction();

  return (
    <section class="wi-panel" aria-labelledby="wi-attempts-title">
      <h2 id="wi-attempts-title">Outreach</h2>
      <p data-testid="wi-attempt-count">
        <strong>
          {status.attemptsUsed} of {status.attemptsAllowed}
        </strong>{' '}
        notes sent
        {status.nextFollowUpAt !== null && <> · next follow-up {formatDate(status.nextFollowUpAt)}</>}
        {status.windowClosesAt !== null && contact.stage !== 'moved-on' && <> · window closes {formatDate(status.windowClosesAt)}</>}
      </p>
      <p class="wi-row">
        {contact.repliedAt !== null ? (
          <span>Replied {formatDate(contact.repliedAt)}</span>
        ) : (
          status.attemptsUsed > 0 && (
            <button type="button" class="wi-quiet" onClick={() => void action.run(() => ask('contact.replied', { contactId: contact.id }))}>
              They replied
            </button>
          )
        )}
      </p>
      {attempts.length ? (
        <ol class="wi-timeline" data-testid="wi-attempts">
          {attempts.map((a) => (
            <li key={a.id} data-testid="wi-attempt">
              <span class="wi-timeline__when">{formatDateTime(a.at)}</span>
              <span>
                <strong>{kindLabel(a.kind)}</strong> by {channelLabel(a.channel)}
                {a.subject && <span class="wi-quiet"> — {a.subject}</span>}
              </span>
              <button
                type="button"
                class="wi-quiet wi-small"
                aria-label={`Delete the ${kindLabel(a.kind).toLowerCase()} of ${formatDate(a.at)}`}
                onClick={() => void action.run(() => ask('attempt.delete', { id: a.id }))}
              >
                Delete
              </button>
            </li>
          ))}
        </ol>
      ) : (
        <p class="wi-quiet">No notes sent yet.</p>
      )}
      <form
        class="wi-subform"
        aria-label="Log a note sent earlier"
        onSubmit={(e) => {
          e.preventDefault();
          const at = attemptTime(date);
          if (at === null) return action.setError('Choose the date the note was sent.');
          void action.run(() => ask('attempt.record', { contactId: contact.id, at, channel, kind }), 'Logged.');
        }}
      >
        <h3>Log a note sent earlier</h3>
        <div class="wi-three">
          <label class="wi-field">
            <span>Date</span>
            <input type="date" value={date} max={dateInput(Date.now())} data-testid="wi-attempt-date" onInput={(e) => setDate((e.target as HTMLInputElement).value)} />
          </label>
          <label class="wi-field">
            <span>Channel</span>
            <select value={channel} data-testid="wi-attempt-channel" onChange={(e) => setChannel((e.target as HTMLSelectElement).value as Channel)}>
              {CHANNELS.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <label class="wi-field">
            <span>Kind</span>
            <select value={kind} data-testid="wi-attempt-kind" onChange={(e) => setKind((e.target as HTMLSelectElement).value as AttemptKind)}>
              {KINDS.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div class="wi-row">
          <button type="submit" disabled={action.busy} data-testid="wi-attempt-add">
            Log note
          </button>
        </div>
      </form>
      <Status error={action.error} done={action.done} />
    </section>
  );
}
