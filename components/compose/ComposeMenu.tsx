import { useId, useMemo, useState } from 'preact/hooks';
import { etiquetteWarnings } from '../../lib/cadence';
import { ask, type ClientError } from '../../lib/client';
import type { ContactView, IntroductionView } from '../../lib/messages';
import type { ComposeSettings, Template, TemplateId } from '../../lib/schemas';
import { kindFromStage } from '../../lib/send';
import { STAGE_LABELS } from '../../lib/stages';
import { firstNameOf, fitToLimit, namesReferrer, renderForContact, templateContext, type TemplateContext } from '../../lib/templates';
import { useAsk } from '../use-ask';
import { ErrorLine, errorText, useAction } from '../feedback';
import { LinkProfile, LinkRecipient } from './LinkRecipient';
import type { ComposeSnapshot, InsertPlan, LinkedInSnapshot, MenuSnapshot } from './types';

export { errorText, RELOAD_MESSAGE } from '../feedback';
export { nameFromAddress } from './LinkRecipient';

export type Props = {
  /** The Gmail compose or LinkedIn composer the menu was opened on. */
  snapshot: MenuSnapshot;
  /** Writes into the compose; a throw is shown in the menu. */
  onInsert: (plan: InsertPlan) => void | Promise<void>;
  onClose: () => void;
  now?: () => number;
};

/** The e-mail templates Gmail offers (the LinkedIn note is not an e-mail). */
export const MENU_TEMPLATES: readonly TemplateId[] = ['request', 'follow-up', 'thank-you', 'update'];
/** LinkedIn adds the note that goes with a connection request after a meeting. */
export const LINKEDIN_TEMPLATES: readonly TemplateId[] = ['request', 'follow-up', 'thank-you', 'connect-note', 'update'];

export function templatesFor(snapshot: MenuSnapshot): readonly TemplateId[] {
  return snapshot.channel === 'linkedin' ? LINKEDIN_TEMPLATES : MENU_TEMPLATES;
}

const SHORT_LABEL: Record<string, string> = {
  request: 'Request',
  'follow-up': 'Follow-up',
  'thank-you': 'Thank-you',
  'connect-note': 'Connect note',
  update: 'Update',
  'intro-request': 'Introduction',
};

/** "Ask for an introduction" is offered to someone asked (or about to be asked) to introduce you. */
export const INTRO_TEMPLATE: TemplateId = 'intro-request';

/** The introductions this contact may be asked for now: they are the introducer, and it is still open. */
export function openIntroductions(view: ContactView | null): IntroductionView[] {
  if (!view) return [];
  return (view.introductions ?? []).filter((i) => i.introducerId === view.contact.id && (i.status === 'suggested' || i.status === 'asked'));
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
  targetName: { label: 'Who you want to meet', why: 'is not recorded for this introduction' },
  targetFirstName: { label: "Their first name", why: 'is not recorded for this introduction' },
  targetCompany: { label: 'Where they work', why: 'is not recorded for this introduction' },
  introReason: { label: 'Why you want to meet them', why: 'was not written down — a sentence helps the introducer' },
};
const SETTINGS_VARIABLES = new Set(['userName', 'fieldOfInterest']);
/** Filled from another variable when that one is typed in, so only the source is asked for. */
const DERIVED: Record<string, string> = { referrerFirstName: 'referrerName', firstName: 'fullName', targetFirstName: 'targetName' };

function templateHint(id: TemplateId, view: ContactView | null, settings: ComposeSettings | undefined): string {
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
    case 'connect-note':
      return 'After meeting: connect with thanks';
    case 'update':
      return 'Closing the loop';
    case 'intro-request':
      return 'Ask them to introduce you, with a note to forward';
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

/**
 * The rendered template, with whatever the user typed for missing values. `short`: the template's
 * short form (a LinkedIn note, no subject).
 */
function usePreview(
  template: Template | null,
  view: ContactView | null,
  settings: ComposeSettings | undefined,
  typed: Record<string, string>,
  short: boolean,
  intro: IntroductionView | null,
) {
  return useMemo(() => {
    if (!template || !view || !settings) return null;
    const introduction = template.id === INTRO_TEMPLATE && intro ? { targetName: intro.targetName, targetCompany: intro.targetCompany, why: intro.why } : null;
    const base: TemplateContext = templateContext({ contact: view.contact, referrerName: view.referrerName, settings, introduction });
    const first = renderForContact(template, base, { short });
    // Unknown placeholders (a typo in an edited template) are asked for like missing ones, so the
    // mail never shows a raw `{name}`; left blank they become a visible `[name]`.
    const ctx: TemplateContext = { ...base };
    for (const name of first.unknown) ctx[name] = '';
    for (const [name, value] of Object.entries(typed)) if (value.trim()) ctx[name] = value.trim();
    for (const [derived, source] of Object.entries(DERIVED)) {
      if (!ctx[derived] && ctx[source]) ctx[derived] = firstNameOf(ctx[source]);
    }
    const rendered = renderForContact(template, ctx, { short });
    const asked = [...first.missing, ...first.unknown].filter((name) => !(DERIVED[name] && first.missing.includes(DERIVED[name]!)));
    return { rendered, asked, unknown: new Set(first.unknown) };
  }, [template, view, settings, typed, short, intro]);
}

/** Pipeline contacts matching the compose's recipients (undefined while loading). */
type Matched = { data: ContactView[] | undefined; error: ClientError | null; reload: () => void };
const NO_MATCH: Matched = { data: [], error: null, reload: () => {} };

/**
 * The menu beside a compose's Send button: who this message is for, which template, a preview with
 * anything missing asked for, the etiquette warnings, then Insert. Gmail's recipients are matched
 * by address, a LinkedIn composer's by the profile URL of the person it writes to.
 */
export function ComposeMenu(props: Props) {
  const { snapshot } = props;
  if (snapshot.channel === 'linkedin') {
    const url = snapshot.recipient?.profileUrl;
    return url ? <ProfileMatchedMenu {...props} snapshot={snapshot} profileUrl={url} /> : <MenuBody {...props} matched={NO_MATCH} />;
  }
  return <EmailMatchedMenu {...props} snapshot={snapshot} />;
}

function EmailMatchedMenu(props: Props & { snapshot: ComposeSnapshot }) {
  const emails = useMemo(() => [...new Set(props.snapshot.recipients.map((r) => r.email.toLowerCase()))].slice(0, 100), [props.snapshot]);
  const matches = useAsk('contact.matchEmails', { emails }, [emails.join(',')]);
  return <MenuBody {...props} matched={matches} />;
}

function ProfileMatchedMenu(props: Props & { snapshot: LinkedInSnapshot; profileUrl: string }) {
  const found = useAsk('contact.lookup', { profileUrl: props.profileUrl }, [props.profileUrl]);
  const data = useMemo(() => (found.data === undefined ? undefined : found.data ? [found.data] : []), [found.data]);
  return <MenuBody {...props} matched={{ data, error: found.error, reload: found.reload }} />;
}

function MenuBody({ snapshot, matched, onInsert, onClose, now = Date.now }: Props & { matched: Matched }) {
  const templates = useAsk('templates.list', undefined);
  // Only what templates and warnings use: a page never reads (or writes) the rest of the settings.
  const settingsAsk = useAsk('settings.compose', undefined);
  const settings = settingsAsk.data;
  const linkedIn = snapshot.channel === 'linkedin' ? snapshot : null;
  const email = snapshot.channel === 'linkedin' ? null : snapshot;
  const baseOffer = templatesFor(snapshot);
  // A limited field (an invitation note) gets the short form, and what is left of its limit.
  const room = linkedIn && linkedIn.maxLength !== null ? Math.max(0, linkedIn.maxLength - linkedIn.used) : null;
  const short = room !== null;

  const [chosenId, setChosenId] = useState<string | null>(null);
  const [linked, setLinked] = useState<ContactView | null>(null);
  const [templateId, setTemplateId] = useState<TemplateId | null>(null);
  const [introId, setIntroId] = useState<string | null>(null);
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [replaceSubject, setReplaceSubject] = useState(false);
  /** The note as the user shortened it, for the text it was edited from. */
  const [edit, setEdit] = useState<{ from: string; text: string } | null>(null);
  const { busy, error, run } = useAction();

  const views = matched.data ?? [];
  const wantedId = chosenId ?? linked?.contact.id ?? null;
  const view = views.find((v) => v.contact.id === wantedId) ?? (linked && linked.contact.id === wantedId ? linked : null) ?? views[0] ?? null;

  const intros = useMemo(() => openIntroductions(view), [view]);
  const intro = intros.find((i) => i.id === introId) ?? intros[0] ?? null;
  const offered = useMemo(() => (intros.length ? [...baseOffer, INTRO_TEMPLATE] : baseOffer), [baseOffer, intros.length]);

  const suggested = useMemo(() => {
    if (!view) return null;
    // Someone you know but are not asking for an interview, or an introduction not asked yet.
    if (intros.length && (view.contact.inPipeline === 0 || intros.some((i) => i.status === 'suggested'))) return INTRO_TEMPLATE;
    if (view.contact.inPipeline === 0) return null;
    const kind = kindFromStage({ ...view.status, repliedAt: view.contact.repliedAt });
    // Past the 3/6 rule's last note the advice is to move on, not to suggest another one.
    if (kind === 'follow-up' && view.status.attemptsUsed >= view.status.attemptsAllowed) return null;
    // After a meeting, an invitation goes with the connect note (a thank-you of its own).
    if (kind === 'thank-you' && linkedIn?.composer === 'invitation') return 'connect-note';
    return kind ? (offered.find((id) => id === kind) ?? null) : null;
  }, [view, offered, intros, linkedIn?.composer]);
  const selectedId = templateId ?? suggested;
  const template = templates.data?.find((t) => t.id === selectedId) ?? null;
  const preview = usePreview(template, view, settings, typed, short, intro);

  const loadError = matched.error ?? templates.error ?? settingsAsk.error;
  if (loadError) {
    return (
      <div class="wi-menu__content">
        <ErrorLine error={errorText(loadError)} />
      </div>
    );
  }
  if (!matched.data || !templates.data || !settings) {
    return <p class="wi-quiet wi-menu__content">Loading…</p>;
  }

  const usedText = template ? (short && template.short.trim() ? template.short : template.body) : '';
  const warnings =
    view && template
      ? etiquetteWarnings(view.status, template.kind, {
          now: now(),
          hasReferrer: !!view.referrerName,
          templateNamesReferrer: linkedIn ? namesReferrer(usedText) : namesReferrer(template.subject) || namesReferrer(template.body),
          settings,
        })
      : [];

  const subjectText = email ? (preview?.rendered.subject ?? '') : '';
  const current = email?.subject.trim() ?? '';
  const subjectMode: InsertPlan['subjectMode'] =
    !email || email.isReply || !subjectText || current === subjectText
      ? 'keep'
      : !current
        ? 'fill-if-empty'
        : replaceSubject
          ? 'replace'
          : 'keep';
  const stillMissing = preview?.rendered.missing ?? [];
  const rendered = preview?.rendered.body ?? '';
  // An edit belongs to the text it was made on: another template or a typed value starts afresh.
  const body = edit && edit.from === rendered ? edit.text : rendered;
  const fit = room !== null ? fitToLimit(body, room) : null;
  const tooLong = fit !== null && !fit.fits;

  const insert = () => {
    if (!view || !template || !preview || tooLong) return;
    void run(async () => {
      await onInsert({
        contactId: view.contact.id,
        templateId: template.id,
        kind: template.kind,
        ...(template.id === INTRO_TEMPLATE && intro ? { introductionId: intro.id } : {}),
        subject: email ? preview.rendered.subject : '',
        subjectMode,
        body,
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
      ) : linkedIn ? (
        <LinkProfile
          recipient={linkedIn.recipient}
          onLinked={(v) => {
            setLinked(v);
            setChosenId(v.contact.id);
            matched.reload();
          }}
        />
      ) : email!.recipients.length === 0 ? (
        <p class="wi-warning" data-testid="wi-no-recipients">
          Add the person you are writing to in “To” first, then open Warm Intro again.
        </p>
      ) : (
        <LinkRecipient
          recipients={email!.recipients}
          onLinked={(v) => {
            setLinked(v);
            setChosenId(v.contact.id);
            matched.reload();
          }}
        />
      )}

      <div class="wi-templates" role="radiogroup" aria-label="Template">
        {offered.map((id) => {
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
              data-template={id}
              data-template-id={id}
              disabled={!view}
              onClick={() => {
                setTemplateId(id);
                setReplaceSubject(false);
                setEdit(null);
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

      {view && template?.id === INTRO_TEMPLATE && intros.length > 1 && (
        <label class="wi-field">
          <span>Introduction to</span>
          <select value={intro?.id} data-testid="wi-intro-select" onChange={(e) => (setIntroId((e.target as HTMLSelectElement).value), setEdit(null))}>
            {intros.map((i) => (
              <option key={i.id} value={i.id}>
                {i.targetName}
                {i.targetCompany ? ` (${i.targetCompany})` : ''}
                {i.status === 'asked' ? (i.followedUpAt !== null ? ' · asked, followed up' : ' · asked') : ''}
              </option>
            ))}
          </select>
        </label>
      )}
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

          {email && (
            <div class="wi-preview__subject">
              {email.isReply ? (
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
          )}
          {email && !email.isReply && subjectText && current && current !== subjectText && (
            <label class="wi-check">
              <input
                type="checkbox"
                checked={replaceSubject}
                data-testid="wi-replace-subject"
                onChange={(e) => setReplaceSubject((e.target as HTMLInputElement).checked)}
              />
              <span>Replace the current subject “{current}”</span>
            </label>
          )}
          {fit ? (
            <NoteEditor
              text={body}
              length={fit.length}
              room={room!}
              used={linkedIn!.used}
              onEdit={(text) => setEdit({ from: rendered, text })}
            />
          ) : (
            <div class="wi-preview__body" data-testid="wi-preview-body">
              {body}
            </div>
          )}

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
                // A page may not change settings (a compromised page could otherwise sign your mail):
                // what is typed here serves this message; Settings, in Warm Intro's own page, keeps it.
                <p class="wi-quiet wi-missing__settings" data-testid="wi-settings-hint">
                  Typed here, it is used for this message only.{' '}
                  <button type="button" class="wi-link" data-testid="wi-open-settings" onClick={() => void run(() => ask('settings.open'))}>
                    Save it in Settings
                  </button>{' '}
                  to fill it in every time.
                </p>
              )}
            </div>
          )}

          <div class="wi-row wi-actions">
            <button
              type="button"
              disabled={busy || stillMissing.length > 0 || tooLong || !body.trim()}
              data-testid="wi-insert"
              onClick={insert}
            >
              Insert {SHORT_LABEL[template.id]?.toLowerCase() ?? 'template'}
            </button>
            {stillMissing.length > 0 && (
              <button type="button" class="wi-quiet" disabled={busy || tooLong} data-testid="wi-insert-anyway" onClick={insert}>
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

/**
 * A note with a limit (a LinkedIn invitation): the text as it will be inserted, editable, with
 * its count. Too long, it says by how much and Insert waits: the note is never cut mid-word.
 */
function NoteEditor({ text, length, room, used, onEdit }: { text: string; length: number; room: number; used: number; onEdit: (text: string) => void }) {
  const over = length - room;
  const countId = useId();
  return (
    <div class="wi-note">
      <textarea
        class={`wi-note__text${over > 0 ? ' wi-note__text--over' : ''}`}
        aria-label="Note"
        aria-describedby={countId}
        rows={5}
        value={text}
        data-testid="wi-preview-edit"
        onInput={(e) => onEdit((e.target as HTMLTextAreaElement).value)}
      />
      <p class="wi-note__meta">
        {over > 0 ? (
          <span class="wi-warning" role="status" data-testid="wi-too-long">
            {over} {over === 1 ? 'character' : 'characters'} too long for this note: shorten it here before inserting.
          </span>
        ) : (
          <span class="wi-quiet">{used > 0 ? `Added after the ${used} characters already in the note.` : 'You can edit the note here.'}</span>
        )}
        <span id={countId} class={`wi-count${over > 0 ? ' wi-count--over' : ''}`} data-testid="wi-count">
          {length} / {room}
        </span>
      </p>
    </div>
  );
}
