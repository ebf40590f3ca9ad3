/**
 * "Who can introduce you": for a person you have no record of, or one with no referrer yet, the
 * people you know who could introduce you (issue 16), ranked by the background from the page's
 * mutual-connection line, the person's company and introductions made before. One request, sent
 * as the sidebar mounts: the name and the rest of the sidebar never wait for it.
 */
import { useState } from 'preact/hooks';
import { ask } from '../../lib/client';
import { introducersQuery, type MutualConnections } from '../../lib/linkedin/mutuals';
import type { ContactView, Introducer } from '../../lib/messages';
import { INTRO_STATUS, knownAs, mutualsLinkText, noIntroducersText } from './sidebar-text';
import { ErrorLine, errorText, useAction } from '../feedback';
import { useAsk } from '../use-ask';

/** The person on the page, as the sidebar read them. */
export interface ViewedPerson {
  name: string;
  headline: string | null;
  company: string | null;
  profileUrl: string;
  memberId?: string | null;
}

export type Props = {
  profile: ViewedPerson;
  /** Their record (null: none; undefined: still looking). */
  view: ContactView | null | undefined;
  /** The top card's mutual-connection line (lib/linkedin/mutuals.ts), when it has one. */
  mutuals: MutualConnections | null;
  /** The list already in hand (the sidebar's shell asked for it): shown at once, asked again. */
  initial?: { data?: Introducer[]; error?: import('../../lib/client').ClientError | null };
};

export { knownAs } from './sidebar-text';

/** Where to send the request from: Gmail's compose menu, or a LinkedIn message to them. */
function AskedNote({ introducer }: { introducer: Introducer }) {
  return (
    <p role="status" class="wi-quiet" data-testid="wi-intro-asked">
      Saved. Now send {introducer.name.split(' ')[0]} the request: in Gmail or a LinkedIn message box, open Warm Intro's menu and pick
      “Ask for an introduction”.
      {introducer.profileUrl && (
        <>
          {' '}
          <a href={introducer.profileUrl} target="_blank" rel="noopener noreferrer" data-testid="wi-intro-message">
            Open {introducer.name}'s profile to message them
          </a>
        </>
      )}
    </p>
  );
}

function IntroducerItem({ introducer, profile, view, memberId }: { introducer: Introducer; profile: ViewedPerson; view: ContactView | null | undefined; memberId: string | null }) {
  const [asking, setAsking] = useState(false);
  const [why, setWhy] = useState('');
  const [asked, setAsked] = useState(false);
  const { busy, error, run } = useAction();
  const status = introducer.introduction?.status ?? null;
  const submit = (e: Event) => {
    e.preventDefault();
    void run(() =>
      ask('intro.ask', {
        introducerId: introducer.contactId,
        target: view?.contact
          ? { id: view.contact.id }
          : {
              name: profile.name,
              profileUrl: profile.profileUrl,
              memberId,
              company: profile.company,
              headline: profile.headline,
            },
        why: why.trim() || undefined,
      }),
    ).then((ok) => {
      if (ok) {
        setAsked(true);
        setAsking(false);
      }
    });
  };
  return (
    <li class="wi-introducer" data-testid="wi-introducer">
      <div class="wi-introducer__head">
        <span class="wi-introducer__name" data-testid="wi-introducer-name">
          {introducer.name}
        </span>
        <span class="wi-known-as" data-testid="wi-introducer-known">
          {knownAs(introducer)}
        </span>
      </div>
      <ul class="wi-introducer__reasons">
        {introducer.reasons.map((r, i) => (
          <li key={i} data-testid="wi-introducer-reason">
            {r.text}
          </li>
        ))}
      </ul>
      {status && status !== 'suggested' && !asked ? (
        <p class="wi-quiet" data-testid="wi-introducer-status">
          {INTRO_STATUS[status]}
        </p>
      ) : asked ? (
        <AskedNote introducer={introducer} />
      ) : asking ? (
        <form class="wi-intro-form" onSubmit={submit}>
          <label class="wi-field">
            <span>Why {profile.name.split(' ')[0]}? (goes into the request)</span>
            <textarea
              rows={2}
              value={why}
              data-testid="wi-intro-why"
              placeholder="e.g. I'm exploring data roles and would value 15 minutes of their view"
              onInput={(e) => setWhy((e.target as HTMLTextAreaElement).value)}
            />
          </label>
          <div class="wi-row">
            <button type="submit" disabled={busy} data-testid="wi-intro-ask-confirm">
              Save the request
            </button>
            <button type="button" class="wi-quiet" onClick={() => setAsking(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button type="button" class="wi-quiet" data-testid="wi-intro-ask" onClick={() => setAsking(true)}>
          Ask for an introduction
        </button>
      )}
      <ErrorLine error={error} />
    </li>
  );
}

/** The sidebar's "Who can introduce you" section. */
export function Introducers({ profile, view, mutuals, initial }: Props) {
  const names = mutuals?.names ?? [];
  const found = useAsk(
    'introducers.forProfile',
    introducersQuery(profile, mutuals),
    [profile.profileUrl, profile.memberId, profile.company, names.join('\n')],
    initial,
  );
  // A contact with a referrer already has their warm path.
  if (view?.contact.referrer) return null;
  // The lookup failed too (database unreachable, extension reloaded): the sidebar says so once.
  if (found.error && found.data === undefined && view === undefined) return null;
  const list = found.data ?? [];
  return (
    <section class="wi-introducers" aria-labelledby="wi-introducers-title" data-testid="wi-introducers">
      <h3 id="wi-introducers-title">Who can introduce you</h3>
      {found.error && found.data === undefined ? (
        <ErrorLine error={errorText(found.error)} />
      ) : found.data === undefined ? (
        <p class="wi-quiet">Looking for people you know…</p>
      ) : list.length === 0 ? (
        <p class="wi-quiet" data-testid="wi-introducers-empty">
          {noIntroducersText(profile.name)}
        </p>
      ) : (
        <ul class="wi-introducers__list">
          {list.map((i) => (
            <IntroducerItem key={i.contactId} introducer={i} profile={profile} view={view} memberId={profile.memberId ?? mutuals?.memberId ?? null} />
          ))}
        </ul>
      )}
      {mutuals?.listUrl && (
        <a class="wi-quiet wi-introducers__all" href={mutuals.listUrl} data-testid="wi-mutuals-link">
          {mutualsLinkText(mutuals)}
        </a>
      )}
    </section>
  );
}
