import { useState } from 'preact/hooks';
import type { DueItem } from '../lib/messages';
import { STAGE_LABELS } from '../lib/stages';
import { DONE_LABEL, gmailComposeUrl, markDone, snooze } from './actions';
import { StageBar } from './StageBar';
import { useAsk } from './use-ask';

export type Props = {
  /** Opens an extension page or a site in a new tab (the popup closes itself). */
  openTab: (url: string) => void;
  dashboardUrl: string;
};

function DueRow({ item, openTab }: { item: DueItem; openTab: Props['openTab'] }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const next = item.status.next;
  if (!next) return null;
  const run = (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    fn().catch((e: Error) => setError(e.message)).finally(() => setBusy(false));
  };
  const mail = gmailComposeUrl(item.contact);
  return (
    <li class="wi-due" data-testid="wi-due-item">
      <div class="wi-due__text">
        <strong>{item.contact.name}</strong>
        <span>{next.label}</span>
      </div>
      <div class="wi-due__actions">
        {item.contact.profileUrl && (
          <button type="button" class="wi-link" onClick={() => openTab(item.contact.profileUrl!)}>
            LinkedIn
          </button>
        )}
        {mail && (
          <button type="button" class="wi-link" onClick={() => openTab(mail)}>
            Gmail
          </button>
        )}
        <button type="button" disabled={busy} onClick={() => run(() => markDone(item.contact, next.action, next.dueAt))}>
          {DONE_LABEL[next.action]}
        </button>
        <button type="button" class="wi-quiet" disabled={busy} onClick={() => run(() => snooze(item.contact))}>
          Snooze 3 days
        </button>
      </div>
      {error && <p role="alert" class="wi-error">{error}</p>}
    </li>
  );
}

/** The toolbar popup: the pipeline at a glance, what is due today, and a search. */
export function Popup({ openTab, dashboardUrl }: Props) {
  const summary = useAsk('pipeline.summary', undefined);
  const due = useAsk('due.list', undefined);
  const [query, setQuery] = useState('');
  const found = useAsk('contact.search', { query, limit: 8 }, [query]);
  const error = summary.error ?? due.error;

  return (
    <main class="wi-popup" data-testid="wi-popup">
      <header class="wi-popup__header">
        <h1>Warm Intro</h1>
        <a
          href={dashboardUrl}
          data-testid="wi-open-dashboard"
          onClick={(e) => {
            e.preventDefault();
            openTab(dashboardUrl);
          }}
        >
          Dashboard
        </a>
      </header>
      {error && (
        <p role="alert" class="wi-error">
          {error.message}
        </p>
      )}
      {summary.data && <StageBar counts={summary.data.counts} />}
      {summary.data?.total === 0 ? (
        <section class="wi-empty" data-testid="wi-empty">
          <h2>Start with people you know</h2>
          <ol>
            <li>Open the LinkedIn profile of someone who does the work you're curious about.</li>
            <li>Log them with the name of who referred you — a warm introduction.</li>
            <li>Ask for 15–20 minutes; Warm Intro reminds you to follow up, thank, and keep in touch.</li>
          </ol>
        </section>
      ) : (
        <>
          <section aria-labelledby="wi-due-title">
            <h2 id="wi-due-title">
              Due now {due.data && <span data-testid="wi-due-count">({due.data.length})</span>}
            </h2>
            {due.data && due.data.length === 0 && <p class="wi-quiet">Nothing due. Nice.</p>}
            <ul class="wi-due-list">
              {due.data?.slice(0, 20).map((item) => <DueRow key={item.contact.id} item={item} openTab={openTab} />)}
            </ul>
            {due.data && due.data.length > 20 && (
              <p class="wi-quiet">…and {due.data.length - 20} more in the dashboard.</p>
            )}
          </section>
          <section>
            <label class="wi-field">
              <span>Find a contact</span>
              <input
                type="search"
                value={query}
                placeholder="Name, company or e-mail"
                onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
              />
            </label>
            {query.trim() && (
              <ul class="wi-results">
                {found.data?.map((c) => (
                  <li key={c.id}>
                    <button type="button" class="wi-link" onClick={() => openTab(`${dashboardUrl}#/contact/${c.id}`)}>
                      {c.name}
                    </button>{' '}
                    <span class="wi-quiet">
                      {STAGE_LABELS[c.stage]}
                      {c.company ? ` · ${c.company}` : ''}
                    </span>
                  </li>
                ))}
                {found.data?.length === 0 && <li class="wi-quiet">No one by that name yet.</li>}
              </ul>
            )}
          </section>
        </>
      )}
    </main>
  );
}
