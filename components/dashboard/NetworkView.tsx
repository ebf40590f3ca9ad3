/**
 * Your network (issue 16): people you know — LinkedIn connections and others — who may introduce
 * you. Searchable and paged (10,000+ people): one page of `network.list` at a time. Anyone can be
 * asked for an informational interview (into the pipeline) or for an introduction to someone.
 */
import { useEffect, useState } from 'preact/hooks';
import { ask } from '../../lib/client';
import type { NetworkPerson } from '../../lib/messages';
import { STAGE_LABELS } from '../../lib/stages';
import { useAsk } from '../use-ask';
import { Status, useAction } from './common';
import { formatDate } from './format';
import { AskIntroForm } from './Introductions';
import { MoveOffer } from './MoveOffer';
import { contactHref } from './route';

export const NETWORK_PAGE = 50;
/** Typing pauses this long before the list is searched again. */
const SEARCH_DELAY_MS = 150;

function Person({ person }: { person: NetworkPerson }) {
  const [introducing, setIntroducing] = useState(false);
  const action = useAction();
  const work = [person.position ?? person.headline, person.company].filter(Boolean).join(' · ');
  return (
    <li class="wi-network-person" data-testid="wi-network-person">
      <div class="wi-network-person__main">
        <a href={contactHref(person.contactId)} data-testid="wi-network-name">
          {person.name}
        </a>
        {person.stage && (
          <span class="wi-badge" data-testid="wi-network-stage">
            {STAGE_LABELS[person.stage]}
          </span>
        )}
        {work && <span class="wi-quiet"> {work}</span>}
        {person.connectedOn !== null && <span class="wi-quiet"> · connected {formatDate(person.connectedOn)}</span>}
      </div>
      <div class="wi-row">
        {person.stage === null && (
          <button
            type="button"
            disabled={action.busy}
            data-testid="wi-network-to-pipeline"
            onClick={() => void action.run(() => ask('network.toPipeline', { contactId: person.contactId }))}
          >
            Ask for an informational interview
          </button>
        )}
        <button type="button" class="wi-quiet" aria-expanded={introducing} data-testid="wi-network-ask-intro" onClick={() => setIntroducing((o) => !o)}>
          Ask for an introduction to…
        </button>
      </div>
      {introducing && <AskIntroForm introducerId={person.contactId} introducerName={person.name} />}
      <Status error={action.error} />
    </li>
  );
}

export function NetworkView() {
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(typed.trim());
      setOffset(0);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const page = useAsk('network.list', { query: query || undefined, offset, limit: NETWORK_PAGE }, [query, offset]);
  const total = page.data?.total ?? 0;
  const items = page.data?.items ?? [];
  const last = Math.min(offset + items.length, total);
  return (
    <section class="wi-network" aria-labelledby="wi-network-title" data-testid="wi-network">
      <h1 id="wi-network-title">Your network</h1>
      <p class="wi-quiet wi-hint">
        People you know: they can introduce you, and any of them can be asked for an informational interview. The board shows only the people
        you are asking.
      </p>
      <MoveOffer />
      <div class="wi-row">
        <label class="wi-field">
          <span>Search your network</span>
          <input
            type="search"
            value={typed}
            placeholder="Name or company"
            data-testid="wi-network-search"
            onInput={(e) => setTyped((e.target as HTMLInputElement).value)}
          />
        </label>
      </div>
      {page.error && page.data === undefined ? (
        <p role="alert" class="wi-error">
          {page.error.message}
        </p>
      ) : page.data === undefined ? (
        <p class="wi-quiet">Loading…</p>
      ) : total === 0 ? (
        <p class="wi-quiet" data-testid="wi-network-empty">
          {query ? (
            <>No one in your network matches “{query}”.</>
          ) : (
            <>
              Your network is empty. Import LinkedIn's Connections.csv in <a href="#/data">Import &amp; export</a>: your connections become your
              network, not cards on the board.
            </>
          )}
        </p>
      ) : (
        <>
          <p class="wi-quiet" data-testid="wi-network-count" aria-live="polite">
            {offset + 1}–{last} of {total.toLocaleString()} {query ? `matching “${query}”` : 'people'}
          </p>
          <ul class="wi-network__list">
            {items.map((p) => (
              <Person key={p.contactId} person={p} />
            ))}
          </ul>
          <div class="wi-row">
            <button type="button" disabled={offset === 0} data-testid="wi-network-prev" onClick={() => setOffset(Math.max(0, offset - NETWORK_PAGE))}>
              Previous
            </button>
            <button type="button" disabled={last >= total} data-testid="wi-network-next" onClick={() => setOffset(offset + NETWORK_PAGE)}>
              Next
            </button>
          </div>
        </>
      )}
    </section>
  );
}
