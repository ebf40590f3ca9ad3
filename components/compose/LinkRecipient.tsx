/**
 * When no pipeline contact matches the person a compose writes to: link them to an existing
 * contact, or add them. Gmail matches by address (linking adds the address to the contact);
 * LinkedIn by profile URL (linking adds nothing; adding takes the name and URL from the header).
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ask } from '../../lib/client';
import type { ContactView, PersonMatch } from '../../lib/messages';
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
  const [name, setName] = useState(recipient.name ?? nameFromAddress(recipient.email));

  const link = useLink(onLinked);

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
      <LinkChoices
        pickLabel={`Which contact is ${recipient.email}?`}
        name={name}
        setName={setName}
        onPick={async (contact) => {
          await ask('contact.addEmail', { contactId: contact.id, email: recipient.email });
          await link(contact.id);
        }}
        onCreate={async (newName, referrer) => {
          const { contact } = await ask('contact.log', { name: newName, emails: [recipient.email], referrer: pickedToReferrer(referrer) });
          await link(contact.id);
        }}
      />
    </section>
  );
}

/** A LinkedIn composer whose person is not in the pipeline (or cannot be told: a group thread). */
export function LinkProfile({ recipient, onLinked }: { recipient: ProfileRecipient | null; onLinked: (view: ContactView) => void }) {
  const [name, setName] = useState(recipient?.name ?? '');

  const link = useLink(onLinked);

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
      <LinkChoices
        pickLabel={recipient ? `Which contact is ${recipient.name}?` : 'Which contact?'}
        name={name}
        setName={setName}
        // For this message only: the contact is not changed (their saved profile may be another URL).
        onPick={(contact) => link(contact.id)}
        onCreate={async (newName, referrer) => {
          const { contact } = await ask('contact.log', {
            name: newName,
            profileUrl: recipient?.profileUrl ?? null,
            referrer: pickedToReferrer(referrer),
          });
          await link(contact.id);
        }}
        createNote={
          recipient?.profileUrl && (
            <p class="wi-quiet wi-link__url" data-testid="wi-new-profile">
              {recipient.profileUrl}
            </p>
          )
        }
      />
    </section>
  );
}

/** Hand the linked contact's whole view to the menu. */
function useLink(onLinked: (view: ContactView) => void) {
  return async (contactId: string) => {
    const view = await ask('contact.lookup', { id: contactId });
    if (!view) throw new Error('That contact no longer exists.');
    onLinked(view);
  };
}

/** The two ways out, shared by Gmail and LinkedIn: link an existing contact, or add a new one. */
function LinkChoices(props: {
  pickLabel: string;
  name: string;
  setName: (name: string) => void;
  onPick: (contact: PersonMatch) => Promise<void>;
  onCreate: (name: string, referrer: Picked) => Promise<void>;
  /** Shown in the "add" form under the name (e.g. the profile URL it will keep). */
  createNote?: ComponentChildren;
}) {
  const [mode, setMode] = useState<'choose' | 'pick' | 'create'>('choose');
  const [referrer, setReferrer] = useState<Picked>(null);
  const { busy, error, run } = useAction();
  const back = (
    <button type="button" class="wi-link" onClick={() => setMode('choose')}>
      Back
    </button>
  );
  return (
    <>
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
            label={props.pickLabel}
            value={null}
            placeholder="Search by name"
            testId="wi-pick-search"
            onChange={(picked) => {
              if (picked?.type === 'contact') void run(() => props.onPick(picked.contact));
            }}
          />
          {back}
        </>
      )}
      {mode === 'create' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => props.onCreate(props.name.trim(), referrer));
          }}
        >
          <label class="wi-field">
            <span>Name</span>
            <input required value={props.name} data-testid="wi-new-name" onInput={(e) => props.setName((e.target as HTMLInputElement).value)} />
          </label>
          {props.createNote}
          <ContactPicker
            label="Referred by"
            value={referrer}
            onChange={setReferrer}
            placeholder="Who introduced you? (optional)"
            testId="wi-new-referrer"
          />
          <div class="wi-row">
            <button type="submit" disabled={busy || !props.name.trim()} data-testid="wi-create-submit">
              Add to pipeline
            </button>
            {back}
          </div>
        </form>
      )}
      <ErrorLine error={error} />
    </>
  );
}
