import { useEffect, useState } from 'preact/hooks';
import { readCachedSummary } from '../lib/changes';
import type { DueItem, PipelineSummary } from '../lib/messages';
import { STAGE_LABELS } from '../lib/stages';
import { DONE_LABEL, gmailComposeUrl, markDone, snooze } from './actions';
import { StageBar } from './StageBar';
import { useAsk } from './use-ask';

/** Due actions shown at first, and added by each "Show more". */
export const DUE_PAGE = 20;

export type Props = {
  /** Opens an extension page or a site in a new tab (the popup closes itself). */
  openTab: (url: string) => void;
  dashboardUrl: string;
  /**
   * The counts saved at the last write, when the caller has read them already (popup.html reads
   * them before its first render, so its first frame has them). Without it the popup reads them.
   */
  cached?: PipelineSummary | null;
};

function DueRow({ item, openTab, dashboardUrl }: { item: DueItem; openTab: Props['openTab']; dashboardUrl: string }) {
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
        <a
          href={`${dashboardUrl}#/contact/${encodeURIComponent(item.contact.id)}`}
          class="wi-due__name"
          onClick={(e) => {
            e.preventDefault();
            openTab(`${dashboardUrl}#/contact/${encodeURIComponent(item.contact.id)}`);
          }}
        >
          {item.contact.name}
        </a>
        <span>{next.label}</span>
      </div>
      <div class="wi-due__actions">
        {item.contact.profileUrl && (
          <button
            type="button"
            class="wi-link"
            aria-label={`Open ${item.contact.name}'s LinkedIn profile`}
            onClick={() => openTab(item.contact.profileUrl!)}
          >
            LinkedIn
          </button>
        )}
        {mail && (
          <button type="button" class="wi-link" aria-label={`Write to ${item.contact.name} in Gmail`} onClick={() => openTab(mail)}>
            Gmail
          </button>
        )}
        <button type="button" disabled={busy} onClick={() => run(() => markDone(item.contact, next.action, next.dueAt))}>
          {DONE_LABEL[next.action]}
        </button>
        <button
          type="button"
          class="wi-quiet"
          disabled={busy}
          aria-label={`Snooze 3 days: ${item.contact.name}`}
          onClick={() => run(() => snooze(item.contact))}
        >
          Snooze 3 days
        </button>
      </div>
      {error && <p role="alert" class="wi-error">{error}</p>}
    </li>
  );
}

/** The toolbar popup: the pipeline at a glance, what is due today, and a search. */
export function Popup({ openTab, dashboardUrl, cached: given }: Props) {
  const asked = useAsk('pipeline.summary', undefined);
  // Counts as of the last write, painted at once; the answer above replaces them when it comes.
  const [cached, setCached] = useState<PipelineSummary | null>(given ?? null);
  useEffect(() => {
    if (given === undefined) void readCachedSummary<PipelineSummary>().then(setCached);
  }, [given]);
  const summary = { ...asked, data: asked.data ?? cached ?? undefined };
  // Paged: the popup must open fast with thousands of contacts and hundreds of due actions.
  const [limit, setLimit] = useState(DUE_PAGE);
  const due = useAsk('due.page', { offset: 0, limit }, [limit]);
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
      {summary.data && (
        <StageBar counts={summary.data.counts} onSelect={(stage) => openTab(`${dashboardUrl}#/board?stage=${stage}`)} />
      )}
      {summary.data?.total === 0 ? (
        <section class="wi-empty" data-testid="wi-empty">
          <h2>Start with people you know</h2>
          <ol>
            <li>Open the LinkedIn profile of someone who does the work you're curious about.</li>
            <li>Log them with the name of who referred you — a warm introduction.</li>
            <li>Ask for 15–20 minutes; Warm Intro reminds you to follow up, thank, and keep in touch.</li>
          </ol>
          {summary.data.network > 0 && (
            <p class="wi-quiet" data-testid="wi-popup-network">
              {summary.data.network.toLocaleString()} {summary.data.network === 1 ? 'person is' : 'people are'} in your network: on a LinkedIn
              profile, Warm Intro shows which of them can introduce you.
            </p>
          )}
        </section>
      ) : (
        <>
          <section class="wi-popup__search">
            <label class="wi-field">
              <span>Find a contact</span>
              <input
                type="search"
                value={query}
                placeholder="Name, company or e-mail"
                data-testid="wi-popup-search"
                onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
              />
            </label>
            {query.trim() && (
              <ul class="wi-results">
                {found.data?.map((c) => (
                  <li key={c.id}>
                    <button
                      type="button"
                      class="wi-link"
                      data-testid="wi-popup-result"
                      onClick={() => openTab(`${dashboardUrl}#/contact/${encodeURIComponent(c.id)}`)}
                    >
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
          <section aria-labelledby="wi-due-title">
            <h2 id="wi-due-title">
              Due now {due.data && <span data-testid="wi-due-count">({due.data.total})</span>}
            </h2>
            {due.data && due.data.total === 0 && <p class="wi-quiet">Nothing due. Nice.</p>}
            <ul class="wi-due-list">
              {due.data?.items.map((item) => (
                <DueRow key={item.contact.id} item={item} openTab={openTab} dashboardUrl={dashboardUrl} />
              ))}
            </ul>
            {due.data && due.data.total > due.data.items.length && (
              <button type="button" class="wi-quiet wi-more" data-testid="wi-due-more" onClick={() => setLimit(limit + DUE_PAGE)}>
                Show more ({due.data.total - due.data.items.length} more)
              </button>
            )}
          </section>
        </>
      )}
    </main>
  );
}
