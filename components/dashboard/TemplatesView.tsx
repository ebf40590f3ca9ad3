import { useEffect, useState } from 'preact/hooks';
import { ask } from '../../lib/client';
import type { ContactView } from '../../lib/messages';
import type { Contact, Settings, Template, TemplateId } from '../../lib/schemas';
import { fitToLimit, renderForContact, TEMPLATE_VARIABLES, templateContext } from '../../lib/templates';
import { ContactPicker, type Picked } from '../ContactPicker';
import { useAsk } from '../use-ask';
import { Status, useAction } from './common';

/** LinkedIn's invitation-note limit on free accounts. */
const NOTE_LIMIT = 200;

/** Who the preview is written to until the user picks a real contact. */
const SAMPLE: Contact = {
  id: 'sample',
  memberId: null,
  inPipeline: 1,
  network: null,
  inNetwork: 0,
  nameKey: 'maria lopez',
  companyKey: 'northwind',
  words: ['maria', 'lopez', 'northwind'],
  warmth: 0,
  warmOrder: 0,
  talkedAt: null,
  heldMeeting: 0,
  name: 'Maria Lopez',
  headline: 'Service designer',
  company: 'Northwind',
  location: null,
  profileUrl: null,
  emails: [],
  referrer: { type: 'name', name: 'Sam Lee' },
  stage: 'prospect',
  tags: [],
  notes: '',
  repliedAt: null,
  snoozedUntil: null,
  keepInTouchDays: null,
  nextDueAt: null,
  createdAt: 0,
  updatedAt: 0,
};

type Draft = Pick<Template, 'name' | 'subject' | 'body' | 'short'>;

function Editor({ template, settings }: { template: Template; settings: Settings }) {
  const [draft, setDraft] = useState<Draft>({ name: template.name, subject: template.subject, body: template.body, short: template.short });
  const [picked, setPicked] = useState<Picked>(null);
  const [preview, setPreview] = useState<{ contact: Contact; referrerName: string | null }>({ contact: SAMPLE, referrerName: 'Sam Lee' });
  const [short, setShort] = useState(false);
  const action = useAction();

  useEffect(() => {
    if (picked?.type !== 'contact') {
      setPreview({ contact: picked?.type === 'name' ? { ...SAMPLE, name: picked.name, referrer: null, company: null } : SAMPLE, referrerName: picked ? null : 'Sam Lee' });
      return;
    }
    let live = true;
    ask('contact.lookup', { id: picked.contact.id }).then(
      (v: ContactView | null) => live && v && setPreview({ contact: v.contact, referrerName: v.referrerName }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [picked?.type === 'contact' ? picked.contact.id : picked?.type === 'name' ? picked.name : null]);

  const rendered = renderForContact(draft, templateContext({ ...preview, settings }), { short });
  const shortFit = fitToLimit(draft.short, 300);
  const renderedShort = renderForContact(draft, templateContext({ ...preview, settings }), { short: true });
  const shortRenderedFit = fitToLimit(renderedShort.body, NOTE_LIMIT);
  const dirty = draft.name !== template.name || draft.subject !== template.subject || draft.body !== template.body || draft.short !== template.short;
  const set = (key: keyof Draft) => (e: Event) => setDraft({ ...draft, [key]: (e.target as HTMLInputElement | HTMLTextAreaElement).value });

  return (
    <div class="wi-templates__editor">
      <form
        class="wi-panel"
        aria-label={`Edit ${template.name}`}
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(() => ask('template.save', { id: template.id, kind: template.kind, ...draft }), 'Saved.');
        }}
      >
        <label class="wi-field">
          <span>Name</span>
          <input type="text" value={draft.name} onInput={set('name')} data-testid="wi-template-name" />
        </label>
        <label class="wi-field">
          <span>Subject (e-mail)</span>
          <input type="text" value={draft.subject} onInput={set('subject')} data-testid="wi-template-subject" />
        </label>
        <label class="wi-field">
          <span>Message</span>
          <textarea rows={12} value={draft.body} onInput={set('body')} data-testid="wi-template-body" />
        </label>
        <label class="wi-field">
          <span>Short form (LinkedIn note, {NOTE_LIMIT} characters on free accounts)</span>
          <textarea rows={3} value={draft.short} maxLength={300} onInput={set('short')} data-testid="wi-template-short" />
          <small class={shortRenderedFit.fits ? 'wi-quiet' : 'wi-warning'}>
            {shortRenderedFit.length} characters for this contact{shortRenderedFit.fits ? '' : ` — over ${NOTE_LIMIT}`} ({shortFit.length} as written)
          </small>
        </label>
        <div class="wi-row">
          <button type="submit" disabled={action.busy || !dirty} data-testid="wi-template-save">
            Save template
          </button>
          <button
            type="button"
            class="wi-quiet"
            disabled={action.busy || template.updatedAt === 0}
            data-testid="wi-template-reset"
            onClick={() =>
              void action.run(async () => {
                const fresh = await ask('template.reset', { id: template.id });
                setDraft({ name: fresh.name, subject: fresh.subject, body: fresh.body, short: fresh.short });
              }, 'Back to the built-in wording.')
            }
          >
            Reset to default
          </button>
        </div>
        <Status error={action.error} done={action.done} testId="wi-template" />
      </form>

      <section class="wi-panel" aria-labelledby="wi-preview-title">
        <h2 id="wi-preview-title">Preview</h2>
        <ContactPicker label="Preview for" value={picked} onChange={setPicked} placeholder="Maria Lopez (a sample)" testId="wi-preview-contact" />
        <label class="wi-check">
          <input type="checkbox" checked={short} onChange={(e) => setShort((e.target as HTMLInputElement).checked)} />
          Show the short form (LinkedIn note)
        </label>
        <div class="wi-preview" data-testid="wi-template-preview">
          {!short && (
            <p class="wi-preview__subject">
              <span class="wi-quiet">Subject: </span>
              {rendered.subject}
            </p>
          )}
          <p class="wi-pre">{rendered.body}</p>
        </div>
        {rendered.missing.length > 0 && (
          <p class="wi-warning" role="status">
            Not known for this contact: {rendered.missing.map((m) => `{${m}}`).join(', ')}. It shows in brackets; fill it in before sending.
          </p>
        )}
        {rendered.unknown.length > 0 && (
          <p class="wi-warning" role="status">
            Not a variable: {rendered.unknown.map((m) => `{${m}}`).join(', ')}. Check the spelling.
          </p>
        )}
        <h3>Variables</h3>
        <dl class="wi-vars" data-testid="wi-template-variables">
          {TEMPLATE_VARIABLES.map((v) => (
            <div key={v.name}>
              <dt>
                <code>{`{${v.name}}`}</code>
              </dt>
              <dd>{v.description}</dd>
            </div>
          ))}
        </dl>
        <p class="wi-quiet wi-hint">
          Write <code>{'{{'}</code> and <code>{'}}'}</code> for literal braces.
        </p>
      </section>
    </div>
  );
}

/** The message templates: edit, preview on a contact, save, reset. */
export function TemplatesView() {
  const templates = useAsk('templates.list', undefined);
  const settings = useAsk('settings.get', undefined);
  const [selected, setSelected] = useState<TemplateId>('request');
  const template = templates.data?.find((t) => t.id === selected);
  return (
    <section class="wi-templates" aria-labelledby="wi-templates-title">
      <h1 id="wi-templates-title">Templates</h1>
      {templates.error && (
        <p role="alert" class="wi-error">
          {templates.error.message}
        </p>
      )}
      <div class="wi-tabs" role="tablist" aria-label="Templates">
        {templates.data?.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`wi-tab-${t.id}`}
            aria-selected={t.id === selected}
            aria-controls="wi-template-panel"
            tabIndex={t.id === selected ? 0 : -1}
            class={t.id === selected ? 'wi-tab wi-tab--on' : 'wi-tab'}
            data-testid={`wi-template-tab-${t.id}`}
            onClick={() => setSelected(t.id)}
            onKeyDown={(e) => {
              const ids = templates.data!.map((x) => x.id);
              const i = ids.indexOf(t.id);
              const next = e.key === 'ArrowRight' ? ids[(i + 1) % ids.length] : e.key === 'ArrowLeft' ? ids[(i - 1 + ids.length) % ids.length] : null;
              if (next) {
                e.preventDefault();
                setSelected(next);
                document.getElementById(`wi-tab-${next}`)?.focus();
              }
            }}
          >
            {t.name}
          </button>
        ))}
      </div>
      <div id="wi-template-panel" role="tabpanel" aria-labelledby={`wi-tab-${selected}`}>
        {template && settings.data && <Editor key={template.id} template={template} settings={settings.data} />}
      </div>
    </section>
  );
}
