/**
 * When no pipeline contact matches the person a compose writes to: link them to an existing
 * contact, or add them. Gmail matches by address (linking adds the address to the contact);
 * LinkedIn by profile URL (linking adds nothing; adding takes the name and URL from the header).
 */
import { useState } from 'preact/hooks';
import { ask } from '../../lib/client';
import type { ContactView } from '../../lib/messages';
import { ContactPicker, pickedToReferrer, type Picked } from '../ContactPicker';
import { ErrorLine, useAction } from '../feedback';
import type { ComposeRecipient, ProfileRecipient } from './types';

/** "hannah.becker" → "Hannah Becker": a starting point the user edits, used only without a chip name. */
export function nameFromAddress(email: string): string {
  const local = email.split('@')[0] ?? email;
  return local
    .split(/[._+-]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toLocaleUpperCase() + w.slice(1))
    .join(' ');
}

/** No contact matches the recipients: link one of them to an existing contact, or add them. */
export function LinkRecipient({ recipients, onLinked }: { recipients: ComposeRecipient[]; onLinked: (view: ContactView) => void }) {
  const [email, setEmail] = useState(recipients[0]!.email);
  const recipient = recipients.find((r) => r.email === email) ?? recipients[0]!;
  const [mode, setMode] = useState<'choose' | 'pick' | 'create'>('choose');
  const [name, setName] = useState(recipient.name ?? nameFromAddress(recipient.email));
  const [referrer, setReferrer] = useState<Picked>(null);
  const { busy, error, run } = useAction();

  const link = async (contactId: string) => {
    const view = await ask('contact.lookup', { id: contactId });
    if (!view) throw new Error('That contact no longer exists.');
    onLinked(view);
  };

  return (
    <section class="wi-link" data-testid="wi-unmatched">
      <p class="wi-link__intro">
        {recipients.length > 1 ? 'None of the recipients is in your pipeline yet.' : (
          <>
            <strong>{recipient.name ?? recipient.email}</strong>
            {recipient.name && <span class="wi-quiet"> {recipient.email}</span>} is not in your pipeline yet.
          </>
        )}
      </p>
      {recipients.length > 1 && (
        <label class="wi-field">
          <span>Recipient</span>
          <select
            value={email}
            data-testid="wi-recipient-select"
            onChange={(e) => {
              const next = (e.target as HTMLSelectElement).value;
              setEmail(next);
              const r = recipients.find((x) => x.email === next);
              setName(r?.name ?? nameFromAddress(next));
            }}
          >
            {recipients.map((r) => (
              <option key={r.email} value={r.email}>
                {r.name ? `${r.name} <${r.email}>` : r.email}
              </option>
            ))}
          </select>
        </label>
      )}
      {mode === 'choose' && (
        <div class="wi-row">
          <button type="button" class="wi-quiet" data-testid="wi-pick-contact" onClick={() => setMode('pick')}>
            Link to a contact…
          </button>
          <button type="button" data-testid="wi-create-contact" onClick={() => setMode('create')}>
            Add as a new contact
          </button>
        </div>
      )}
      {mode === 'pick' && (
        <>
          <ContactPicker
            label={`Which contact is ${recipient.email}?`}
            value={null}
            placeholder="Search by name"
            testId="wi-pick-search"
            onChange={(picked) => {
              if (picked?.type !== 'contact') return;
              const contact = picked.contact;
              void run(async () => {
                const emails = [...new Set([...contact.emails, recipient.email.toLowerCase()])];
                await ask('contact.update', { id: contact.id, patch: { emails } });
                await link(contact.id);
              });
            }}
          />
          <button type="button" class="wi-link" onClick={() => setMode('choose')}>
            Back
          </button>
        </>
      )}
      {mode === 'create' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              const { contact } = await ask('contact.log', {
                name: name.trim(),
                emails: [recipient.email],
                referrer: pickedToReferrer(referrer),
              });
              await link(contact.id);
            });
          }}
        >
          <label class="wi-field">
            <span>Name</span>
            <input required value={name} data-testid="wi-new-name" onInput={(e) => setName((e.target as HTMLInputElement).value)} />
          </label>
          <ContactPicker
            label="Referred by"
            value={referrer}
            onChange={setReferrer}
            placeholder="Who introduced you? (optional)"
            testId="wi-new-referrer"
          />
          <div class="wi-row">
            <button type="submit" disabled={busy || !name.trim()} data-testid="wi-create-submit">
              Add to pipeline
            </button>
            <button type="button" class="wi-link" onClick={() => setMode('choose')}>
              Back
            </button>
          </div>
        </form>
      )}
      <ErrorLine error={error} />
    </section>
  );
}

/** A LinkedIn composer whose person is not in the pipeline (or cannot be told: a group thread). */
export function LinkProfile({ recipient, onLinked }: { recipient: ProfileRecipient | null; onLinked: (view: ContactView) => void }) {
  const [mode, setMode] = useState<'choose' | 'pick' | 'create'>('choose');
  const [name, setName] = useState(recipient?.name ?? '');
  const [referrer, setReferrer] = useState<Picked>(null);
  const { busy, error, run } = useAction();

  const link = async (contactId: string) => {
    const view = await ask('contact.lookup', { id: contactId });
    if (!view) throw new Error('That contact no longer exists.');
    onLinked(view);
  };

  return (
    <section class="wi-link" data-testid="wi-unmatched">
      <p class="wi-link__intro">
        {recipient ? (
          <>
            <strong>{recipient.name}</strong> is not in your pipeline yet.
          </>
        ) : (
          'This conversation is not with one person Warm Intro can tell. Choose who you are writing to.'
        )}
      </p>
      {mode === 'choose' && (
        <div class="wi-row">
          <button type="button" class="wi-quiet" data-testid="wi-pick-contact" onClick={() => setMode('pick')}>
            Link to a contact…
          </button>
          <button type="button" data-testid="wi-create-contact" onClick={() => setMode('create')}>
            Add as a new contact
          </button>
        </div>
      )}
      {mode === 'pick' && (
        <>
          <ContactPicker
            label={recipient ? `Which contact is ${recipient.name}?` : 'Which contact?'}
            value={null}
            placeholder="Search by name"
            testId="wi-pick-search"
            onChange={(picked) => {
              // For this message only: the contact is not changed (their saved profile may be another URL).
              if (picked?.type === 'contact') void run(() => link(picked.contact.id));
            }}
          />
          <button type="button" class="wi-link" onClick={() => setMode('choose')}>
            Back
          </button>
        </>
      )}
      {mode === 'create' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              const { contact } = await ask('contact.log', {
                name: name.trim(),
                profileUrl: recipient?.profileUrl ?? null,
                referrer: pickedToReferrer(referrer),
              });
              await link(contact.id);
            });
          }}
        >
          <label class="wi-field">
            <span>Name</span>
            <input required value={name} data-testid="wi-new-name" onInput={(e) => setName((e.target as HTMLInputElement).value)} />
          </label>
          {recipient?.profileUrl && (
            <p class="wi-quiet wi-link__url" data-testid="wi-new-profile">
              {recipient.profileUrl}
            </p>
          )}
          <ContactPicker
            label="Referred by"
            value={referrer}
            onChange={setReferrer}
            placeholder="Who introduced you? (optional)"
            testId="wi-new-referrer"
          />
          <div class="wi-row">
            <button type="submit" disabled={busy || !name.trim()} data-testid="wi-create-submit">
              Add to pipeline
            </button>
            <button type="button" class="wi-link" onClick={() => setMode('choose')}>
              Back
            </button>
          </div>
        </form>
      )}
      <ErrorLine error={error} />
    </section>
  );
}
