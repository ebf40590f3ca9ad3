import { useMemo, useState } from 'preact/hooks';
import { etiquetteWarnings } from '../../lib/cadence';
import { ask, ClientError, EXTENSION_RELOADED } from '../../lib/client';
import { kindFromStage } from '../../lib/gmail/send';
import type { ContactView } from '../../lib/messages';
import type { Settings, Template, TemplateId } from '../../lib/schemas';
import { STAGE_LABELS } from '../../lib/stages';
import { firstNameOf, namesReferrer, renderForContact, templateContext, type TemplateContext } from '../../lib/templates';
import { ContactPicker, pickedToReferrer, type Picked } from '../ContactPicker';
import { useAsk } from '../use-ask';
import type { ComposeRecipient, ComposeSnapshot, InsertPlan } from './types';

export type Props = {
  snapshot: ComposeSnapshot;
  /** Writes into the compose; a throw is shown in the menu. */
  onInsert: (plan: InsertPlan) => void | Promise<void>;
  onClose: () => void;
  now?: () => number;
};

/** The four e-mail templates the menu offers (the LinkedIn note is not an e-mail). */
export const MENU_TEMPLATES: readonly TemplateId[] = ['request', 'follow-up', 'thank-you', 'update'];

const SHORT_LABEL: Record<string, string> = {
  request: 'Request',
  'follow-up': 'Follow-up',
  'thank-you': 'Thank-you',
  update: 'Update',
};

export const RELOAD_MESSAGE = 'Warm Intro was updated — reload this page to keep using it.';

export function errorText(error: unknown): string {
  if (error instanceof ClientError && error.code === EXTENSION_RELOADED) return RELOAD_MESSAGE;
  return error instanceof Error ? error.message : String(error);
}

/** Why a variable may be empty, and where to fix it for good. */
const MISSING_LABEL: Record<string, { label: string; why: string }> = {
  userName: { label: 'Your name', why: 'is not set — add it in Settings, or type it here' },
  fieldOfInterest: { label: 'The field you are exploring', why: 'is not set — add it in Settings, or type it here' },
  referrerName: { label: 'Who referred you', why: 'is not recorded for this contact' },
  referrerFirstName: { label: "Referrer's first name", why: 'is not recorded for this contact' },
  company: { label: 'Their company', why: 'is not recorded for this contact' },
  firstName: { label: 'Their first name', why: 'is not recorded' },
  fullName: { label: 'Their name', why: 'is not recorded' },
  meetingMinutes: { label: 'Minutes you ask for', why: 'is not set' },
};
const SETTINGS_VARIABLES = new Set(['userName', 'fieldOfInterest']);
/** Filled from another variable when that one is typed in, so only the source is asked for. */
const DERIVED: Record<string, string> = { referrerFirstName: 'referrerName', firstName: 'fullName' };

function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

function ErrorLine({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" class="wi-error" data-testid="wi-error">
      {error}
    </p>
  ) : null;
}

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
function LinkRecipient({ recipients, onLinked }: { recipients: ComposeRecipient[]; onLinked: (view: ContactView) => void }) {
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

function templateHint(id: TemplateId, view: ContactView | null, settings: Settings | undefined): string {
  switch (id) {
    case 'request':
      return 'First note, names your referrer';
    case 'follow-up': {
      const max = settings?.maxAttempts ?? 3;
      const used = view?.status.attemptsUsed ?? 0;
      if (used >= max) return `All ${max} notes sent (3/6 rule)`;
      return used > 0 ? `Note ${used + 1} of ${max} (3/6 rule)` : `Note 2 or 3 of ${max} (3/6 rule)`;
    }
    case 'thank-you':
      return `Within ${Math.round((settings?.thankYouHours ?? 48) / 24)} days of meeting`;
    case 'update':
      return 'Closing the loop';
    default:
      return '';
  }
}

function statusLine(view: ContactView): string {
  const { status, contact } = view;
  const parts = [STAGE_LABELS[contact.stage]];
  if (status.attemptsUsed > 0) parts.push(`${status.attemptsUsed} of ${status.attemptsAllowed} notes sent`);
  if (view.referrerName) parts.push(`referred by ${view.referrerName}`);
  return parts.join(' · ');
}

/** The rendered template, with whatever the user typed for missing values. */
function usePreview(template: Template | null, view: ContactView | null, settings: Settings | undefined, typed: Record<string, string>) {
  return useMemo(() => {
    if (!template || !view || !settings) return null;
    const base: TemplateContext = templateContext({ contact: view.contact, referrerName: view.referrerName, settings });
    const first = renderForContact(template, base);
    // Unknown placeholders (a typo in an edited template) are asked for like missing ones, so the
    // mail never shows a raw `{name}`; left blank they become a visible `[name]`.
    const ctx: TemplateContext = { ...base };
    for (const name of first.unknown) ctx[name] = '';
    for (const [name, value] of Object.entries(typed)) if (value.trim()) ctx[name] = value.trim();
    for (const [derived, source] of Object.entries(DERIVED)) {
      if (!ctx[derived] && ctx[source]) ctx[derived] = firstNameOf(ctx[source]);
    }
    const rendered = renderForContact(template, ctx);
    const asked = [...first.missing, ...first.unknown].filter((name) => !(DERIVED[name] && first.missing.includes(DERIVED[name]!)));
    return { rendered, asked, unknown: new Set(first.unknown) };
  }, [template, view, settings, typed]);
}

/**
 * The menu beside a compose's Send button: who this mail is for, which template, a preview with
 * anything missing asked for, the etiquette warnings, then Insert.
 */
export function ComposeMenu({ snapshot, onInsert, onClose, now = Date.now }: Props) {
  const emails = useMemo(() => [...new Set(snapshot.recipients.map((r) => r.email.toLowerCase()))].slice(0, 100), [snapshot]);
  const matches = useAsk('contact.matchEmails', { emails }, [emails.join(',')]);
  const templates = useAsk('templates.list', undefined);
  const settingsAsk = useAsk('settings.get', undefined);
  const settings = settingsAsk.data;

  const [chosenId, setChosenId] = useState<string | null>(null);
  const [linked, setLinked] = useState<ContactView | null>(null);
  const [templateId, setTemplateId] = useState<TemplateId | null>(null);
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [saveToSettings, setSaveToSettings] = useState(false);
  const [replaceSubject, setReplaceSubject] = useState(false);
  const { busy, error, run } = useAction();

  const views = matches.data ?? [];
  const wantedId = chosenId ?? linked?.contact.id ?? null;
  const view = views.find((v) => v.contact.id === wantedId) ?? (linked && linked.contact.id === wantedId ? linked : null) ?? views[0] ?? null;

  const suggested = useMemo(() => {
    if (!view) return null;
    const kind = kindFromStage({ ...view.status, repliedAt: view.contact.repliedAt });
    // Past the 3/6 rule's last note the advice is to move on, not to suggest another one.
    if (kind === 'follow-up' && view.status.attemptsUsed >= view.status.attemptsAllowed) return null;
    return kind ? (MENU_TEMPLATES.find((id) => id === kind) ?? null) : null;
  }, [view]);
  const selectedId = templateId ?? suggested;
  const template = templates.data?.find((t) => t.id === selectedId) ?? null;
  const preview = usePreview(template, view, settings, typed);

  const loadError = matches.error ?? templates.error ?? settingsAsk.error;
  if (loadError) {
    return (
      <div class="wi-menu__content">
        <ErrorLine error={errorText(loadError)} />
      </div>
    );
  }
  if (!matches.data || !templates.data || !settings) {
    return <p class="wi-quiet wi-menu__content">Loading…</p>;
  }

  const warnings =
    view && template
      ? etiquetteWarnings(view.status, template.kind, {
          now: now(),
          hasReferrer: !!view.referrerName,
          templateNamesReferrer: namesReferrer(template.subject) || namesReferrer(template.body),
          settings,
        })
      : [];

  const subjectText = preview?.rendered.subject ?? '';
  const current = snapshot.subject.trim();
  const subjectMode: InsertPlan['subjectMode'] =
    snapshot.isReply || !subjectText || current === subjectText
      ? 'keep'
      : !current
        ? 'fill-if-empty'
        : replaceSubject
          ? 'replace'
          : 'keep';
  const stillMissing = preview?.rendered.missing ?? [];

  const insert = () => {
    if (!view || !template || !preview) return;
    void run(async () => {
      const patch: Partial<Settings> = {};
      if (saveToSettings) {
        for (const name of SETTINGS_VARIABLES) {
          const value = typed[name]?.trim();
          if (value) (patch as Record<string, string>)[name] = value;
        }
      }
      if (Object.keys(patch).length) await ask('settings.save', patch);
      await onInsert({
        contactId: view.contact.id,
        templateId: template.id,
        kind: template.kind,
        subject: preview.rendered.subject,
        subjectMode,
        body: preview.rendered.body,
      });
      onClose();
    });
  };

  return (
    <div class="wi-menu__content">
      {view ? (
        <section class="wi-for" data-testid="wi-contact">
          {views.length > 1 ? (
            <label class="wi-field">
              <span>Writing to</span>
              <select
                value={view.contact.id}
                data-testid="wi-contact-select"
                onChange={(e) => setChosenId((e.target as HTMLSelectElement).value)}
              >
                {views.map((v) => (
                  <option key={v.contact.id} value={v.contact.id}>
                    {v.contact.name}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <p class="wi-for__name">
              Writing to <strong data-testid="wi-contact-name">{view.contact.name}</strong>
            </p>
          )}
          <p class="wi-quiet wi-for__status" data-testid="wi-contact-status">
            {statusLine(view)}
          </p>
        </section>
      ) : snapshot.recipients.length === 0 ? (
        <p class="wi-warning" data-testid="wi-no-recipients">
          Add the person you are writing to in “To” first, then open Warm Intro again.
        </p>
      ) : (
        <LinkRecipient
          recipients={snapshot.recipients}
          onLinked={(v) => {
            setLinked(v);
            setChosenId(v.contact.id);
            matches.reload();
          }}
        />
      )}

      <div class="wi-templates" role="radiogroup" aria-label="Template">
        {MENU_TEMPLATES.map((id) => {
          const t = templates.data!.find((x) => x.id === id);
          if (!t) return null;
          const checked = selectedId === id;
          return (
            <button
              key={id}
              type="button"
              role="radio"
              aria-checked={checked}
              title={t.name}
              class={`wi-template${checked ? ' wi-template--on' : ''}`}
              data-testid="wi-template-option"
              data-template-id={id}
              disabled={!view}
              onClick={() => {
                setTemplateId(id);
                setReplaceSubject(false);
              }}
            >
              <span class="wi-template__name">
                {SHORT_LABEL[id] ?? t.name}
                {suggested === id && <span class="wi-badge">suggested</span>}
              </span>
              <span class="wi-template__hint">{templateHint(id, view, settings)}</span>
            </button>
          );
        })}
      </div>

      {view && template && preview && (
        <section class="wi-preview" aria-label="Preview">
          {warnings.length > 0 && (
            <ul class="wi-warnings">
              {warnings.map((w) => (
                <li key={w.code} class="wi-warning" data-testid="wi-etiquette-warning" data-code={w.code}>
                  {w.message}
                </li>
              ))}
            </ul>
          )}

          <div class="wi-preview__subject">
            {snapshot.isReply ? (
              <span class="wi-quiet" data-testid="wi-subject-kept">
                Reply — the subject stays as it is.
              </span>
            ) : subjectText ? (
              <>
                <span class="wi-preview__label">Subject</span>
                <span data-testid="wi-preview-subject">{subjectText}</span>
              </>
            ) : null}
          </div>
          {!snapshot.isReply && subjectText && current && current !== subjectText && (
            <label class="wi-check">
              <input
                type="checkbox"
                checked={replaceSubject}
                data-testid="wi-replace-subject"
                onChange={(e) => setReplaceSubject((e.target as HTMLInputElement).checked)}
              />
              <span>
                Replace the current subject “{current}”
              </span>
            </label>
          )}
          <div class="wi-preview__body" data-testid="wi-preview-body">
            {preview.rendered.body}
          </div>

          {preview.asked.length > 0 && (
            <div class="wi-missing" data-testid="wi-missing">
              <p class="wi-missing__title">
                {stillMissing.length > 0 ? 'Missing from this message:' : 'Filled in for this message:'}
              </p>
              {preview.asked.map((name) => {
                const info = preview.unknown.has(name)
                  ? { label: `{${name}}`, why: 'is not a placeholder Warm Intro knows' }
                  : (MISSING_LABEL[name] ?? { label: name, why: 'has no value' });
                return (
                  <label key={name} class="wi-field">
                    <span data-testid="wi-missing-item" data-variable={name}>
                      <strong>{info.label}</strong> {info.why}
                    </span>
                    <input
                      value={typed[name] ?? ''}
                      data-testid={`wi-missing-input-${name}`}
                      onInput={(e) => setTyped({ ...typed, [name]: (e.target as HTMLInputElement).value })}
                    />
                  </label>
                );
              })}
              {preview.asked.some((n) => SETTINGS_VARIABLES.has(n)) && (
                <label class="wi-check">
                  <input
                    type="checkbox"
                    checked={saveToSettings}
                    onChange={(e) => setSaveToSettings((e.target as HTMLInputElement).checked)}
                  />
                  <span>Also save to Settings</span>
                </label>
              )}
            </div>
          )}

          <div class="wi-row wi-actions">
            <button type="button" disabled={busy || stillMissing.length > 0} data-testid="wi-insert" onClick={insert}>
              Insert {SHORT_LABEL[template.id]?.toLowerCase() ?? 'template'}
            </button>
            {stillMissing.length > 0 && (
              <button type="button" class="wi-quiet" disabled={busy} data-testid="wi-insert-anyway" onClick={insert}>
                Insert with [gaps] marked
              </button>
            )}
          </div>
        </section>
      )}
      <ErrorLine error={error} />
    </div>
  );
}
