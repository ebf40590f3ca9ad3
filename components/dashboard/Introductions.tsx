/**
 * A contact's warm introductions (issue 16): those they were asked to make (they are the
 * introducer) and those made to them (they are the target), with their status buttons, and the
 * form to ask them for an introduction to someone.
 */
import { useState } from 'preact/hooks';
import { ask } from '../../lib/client';
import type { ContactView, IntroductionView } from '../../lib/messages';
import type { IntroductionStatus } from '../../lib/schemas';
import { ContactPicker, type Picked } from '../ContactPicker';
import { Status, useAction } from './common';
import { dueText, formatDate } from './format';
import { contactHref } from './route';

export const INTRO_STATUS_LABELS: Record<IntroductionStatus, string> = {
  suggested: 'Possible introducer (not asked yet)',
  asked: 'Asked',
  introduced: 'Introduced',
  declined: 'Declined',
  'no-answer': 'No answer',
};

const RESOLUTIONS: Array<{ status: IntroductionStatus; label: string }> = [
  { status: 'introduced', label: 'Introduced' },
  { status: 'declined', label: 'Declined' },
  { status: 'no-answer', label: 'No answer' },
];

function IntroRow({ intro, side }: { intro: IntroductionView; side: 'introducer' | 'target' }) {
  const action = useAction();
  const set = (status: IntroductionStatus) => void action.run(() => ask('intro.setStatus', { id: intro.id, status }));
  const other = side === 'introducer' ? { id: intro.targetId, name: intro.targetName } : { id: intro.introducerId, name: intro.introducerName };
  const open = intro.status === 'asked' || intro.status === 'suggested';
  return (
    <li class="wi-intro" data-testid="wi-introduction">
      <div>
        {side === 'introducer' ? 'To ' : 'Through '}
        <a href={contactHref(other.id)} data-testid="wi-introduction-person">
          {other.name}
        </a>
        {side === 'introducer' && intro.targetCompany && <span class="wi-quiet"> ({intro.targetCompany})</span>}{' '}
        <span class="wi-badge" data-testid="wi-introduction-status">
          {INTRO_STATUS_LABELS[intro.status]}
        </span>
      </div>
      {intro.why && <p class="wi-quiet wi-intro__why">“{intro.why}”</p>}
      <p class="wi-quiet wi-intro__dates">
        {intro.askedAt !== null && `Asked ${formatDate(intro.askedAt)}`}
        {intro.followUpDueAt !== null && ` · follow-up ${dueText(intro.followUpDueAt)}`}
        {intro.followedUpAt !== null && ` · followed up ${formatDate(intro.followedUpAt)}`}
        {intro.resolvedAt !== null && ` · ${INTRO_STATUS_LABELS[intro.status].toLowerCase()} ${formatDate(intro.resolvedAt)}`}
      </p>
      <div class="wi-row">
        {intro.status === 'suggested' && (
          <button type="button" class="wi-quiet" disabled={action.busy} data-testid="wi-intro-mark-asked" onClick={() => set('asked')}>
            I asked (outside Warm Intro)
          </button>
        )}
        {open &&
          RESOLUTIONS.map((r) => (
            <button key={r.status} type="button" disabled={action.busy} data-testid={`wi-intro-set-${r.status}`} onClick={() => set(r.status)}>
              {r.label}
            </button>
          ))}
        {!open && (
          <button type="button" class="wi-quiet" disabled={action.busy} data-testid="wi-intro-reopen" onClick={() => set('asked')}>
            Back to asked
          </button>
        )}
      </div>
      <Status error={action.error} />
    </li>
  );
}

/** Ask `introducer` to introduce you to someone: a contact picked by name, or someone new. */
export function AskIntroForm({ introducerId, introducerName, onDone }: { introducerId: string; introducerName: string; onDone?: () => void }) {
  const [target, setTarget] = useState<Picked>(null);
  const [profileUrl, setProfileUrl] = useState('');
  const [company, setCompany] = useState('');
  const [why, setWhy] = useState('');
  const action = useAction();
  const first = introducerName.split(' ')[0];
  const submit = (e: Event) => {
    e.preventDefault();
    if (!target) return;
    void action
      .run(
        () =>
          ask('intro.ask', {
            introducerId,
            target:
              target.type === 'contact'
                ? { id: target.contact.id }
                : { name: target.name, profileUrl: profileUrl.trim() || null, company: company.trim() || null },
            why: why.trim() || undefined,
          }),
        `Saved. Send ${first} the request from Gmail or LinkedIn: Warm Intro's compose menu → “Ask for an introduction”.`,
      )
      .then((ok) => {
        if (!ok) return;
        setTarget(null);
        setProfileUrl('');
        setCompany('');
        setWhy('');
        onDone?.();
      });
  };
  return (
    <form class="wi-intro-ask" onSubmit={submit} data-testid="wi-intro-ask-form">
      <ContactPicker
        label="Who should they introduce you to?"
        value={target}
        onChange={setTarget}
        excludeId={introducerId}
        placeholder="A contact's name, or someone new"
        testId="wi-intro-target"
      />
      {target?.type === 'name' && (
        <div class="wi-row">
          <label class="wi-field">
            <span>Their LinkedIn URL (optional)</span>
            <input value={profileUrl} data-testid="wi-intro-target-url" onInput={(e) => setProfileUrl((e.target as HTMLInputElement).value)} />
          </label>
          <label class="wi-field">
            <span>Company (optional)</span>
            <input value={company} data-testid="wi-intro-target-company" onInput={(e) => setCompany((e.target as HTMLInputElement).value)} />
          </label>
        </div>
      )}
      <label class="wi-field">
        <span>Why you'd like to meet them (goes into the request)</span>
        <textarea rows={2} value={why} data-testid="wi-intro-why" onInput={(e) => setWhy((e.target as HTMLTextAreaElement).value)} />
      </label>
      <button type="submit" disabled={action.busy || !target} data-testid="wi-intro-ask-submit">
        Ask {first} for an introduction
      </button>
      <Status error={action.error} done={action.done} testId="wi-intro-ask" />
    </form>
  );
}

export function Introductions({ view }: { view: ContactView }) {
  const id = view.contact.id;
  const by = view.introductions.filter((i) => i.introducerId === id);
  const to = view.introductions.filter((i) => i.targetId === id);
  const [asking, setAsking] = useState(false);
  const first = view.contact.name.split(' ')[0];
  return (
    <section class="wi-panel" aria-labelledby="wi-intros-title" data-testid="wi-introductions">
      <h2 id="wi-intros-title">Introductions</h2>
      {to.length > 0 && (
        <>
          <h3>To {first}</h3>
          <ul class="wi-intros">
            {to.map((i) => (
              <IntroRow key={i.id} intro={i} side="target" />
            ))}
          </ul>
        </>
      )}
      {by.length > 0 && (
        <>
          <h3>By {first}</h3>
          <ul class="wi-intros">
            {by.map((i) => (
              <IntroRow key={i.id} intro={i} side="introducer" />
            ))}
          </ul>
        </>
      )}
      {to.length === 0 && by.length === 0 && <p class="wi-quiet">No introductions yet.</p>}
      {asking ? (
        <AskIntroForm introducerId={id} introducerName={view.contact.name} />
      ) : (
        <button type="button" data-testid="wi-intro-ask-open" onClick={() => setAsking(true)}>
          Ask {first} for an introduction…
        </button>
      )}
    </section>
  );
}
