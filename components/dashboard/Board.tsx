import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ask } from '../../lib/client';
import type { BoardCard } from '../../lib/messages';
import { STAGE_LABELS, STAGES, type Stage } from '../../lib/stages';
import { MoveOffer } from './MoveOffer';
import { useAsk } from '../use-ask';
import { dueText } from './format';
import { contactHref } from './route';

export type Props = {
  /** Scroll this column into view (from `#/board?stage=…`). */
  focusStage?: Stage;
};

/** Cards rendered per column before "Show more": keeps the page fast at 10,000 contacts. */
export const PAGE = 50;
const DRAG_TYPE = 'application/x-warm-intro-contact';

type Sort = 'due' | 'name' | 'recent';

interface Filters {
  tag: string;
  company: string;
  referrer: string;
}

const norm = (s: string | null | undefined) => (s ?? '').trim().toLocaleLowerCase();

function matches(card: BoardCard, f: Filters): boolean {
  const tag = norm(f.tag);
  const company = norm(f.company);
  const referrer = norm(f.referrer);
  return (
    (!tag || card.tags.some((t) => norm(t).includes(tag))) &&
    (!company || norm(card.company).includes(company)) &&
    (!referrer || norm(card.referrerName).includes(referrer))
  );
}

function compare(sort: Sort): (a: BoardCard, b: BoardCard) => number {
  const byName = (a: BoardCard, b: BoardCard) => a.name.localeCompare(b.name);
  if (sort === 'name') return byName;
  // Cards with nothing due go last, by name.
  return (a, b) => (a.next?.dueAt ?? Infinity) - (b.next?.dueAt ?? Infinity) || byName(a, b);
}

function distinct(values: Iterable<string | null>): string[] {
  const seen = new Map<string, string>();
  for (const v of values) if (v && !seen.has(norm(v))) seen.set(norm(v), v);
  return [...seen.values()].sort((a, b) => a.localeCompare(b)).slice(0, 500);
}

function FilterField(props: { id: string; label: string; value: string; options: string[]; onInput: (v: string) => void }) {
  return (
    <label class="wi-field wi-board__filter">
      <span>{props.label}</span>
      <input
        type="search"
        list={`${props.id}-options`}
        value={props.value}
        data-testid={props.id}
        onInput={(e) => props.onInput((e.target as HTMLInputElement).value)}
      />
      <datalist id={`${props.id}-options`}>
        {props.options.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
    </label>
  );
}

function Card(props: {
  card: BoardCard;
  now: number;
  onMove: (card: BoardCard, stage: Stage) => void;
}) {
  const { card, now, onMove } = props;
  const index = STAGES.indexOf(card.stage);
  const selectId = `wi-move-${card.id}`;
  return (
    <li
      class="wi-card"
      tabIndex={0}
      draggable
      data-card-id={card.id}
      data-testid="wi-card"
      aria-describedby="wi-board-help"
      onDragStart={(e) => {
        e.dataTransfer?.setData(DRAG_TYPE, card.id);
        e.dataTransfer?.setData('text/plain', card.name);
        if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
      }}
      onKeyDown={(e) => {
        if (!e.altKey || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft')) return;
        const to = STAGES[index + (e.key === 'ArrowRight' ? 1 : -1)];
        e.preventDefault();
        if (to) onMove(card, to);
      }}
    >
      <a class="wi-card__name" href={contactHref(card.id)} draggable={false}>
        {card.name}
      </a>
      {(card.company || card.headline) && (
        <p class="wi-card__meta">{[card.headline, card.company].filter(Boolean).join(' · ')}</p>
      )}
      {card.referrerName && <p class="wi-card__meta">via {card.referrerName}</p>}
      {card.next && (
        <p class={`wi-card__next${card.next.dueAt <= now ? ' wi-card__next--due' : ''}`}>
          {card.next.label}
          <span class="wi-card__when">{dueText(card.next.dueAt, now)}</span>
        </p>
      )}
      {card.tags.length > 0 && (
        <ul class="wi-tags" aria-label="Tags">
          {card.tags.slice(0, 4).map((t) => (
            <li key={t} class="wi-tag">
              {t}
            </li>
          ))}
        </ul>
      )}
      <div class="wi-card__move">
        <label for={selectId}>Move to</label>
        <select
          id={selectId}
          value={card.stage}
          data-testid="wi-card-move"
          onChange={(e) => onMove(card, (e.target as HTMLSelectElement).value as Stage)}
        >
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {STAGE_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
    </li>
  );
}

/** The pipeline as columns of cards, one per stage. */
export function Board({ focusStage }: Props) {
  const cards = useAsk('board.cards', undefined);
  const [filters, setFilters] = useState<Filters>({ tag: '', company: '', referrer: '' });
  const [sort, setSort] = useState<Sort>('due');
  const [shown, setShown] = useState<Partial<Record<Stage, number>>>({});
  // Moves show at once, on top of the data they were made on; fresh data from the background
  // (which includes them) makes them moot.
  // Moves shown at once, before the database confirms them. Each stays until fresh data shows the
  // card in its new stage: an answer to an earlier move must not pull the card back meanwhile.
  const [moved, setMoved] = useState<Map<string, Stage>>(new Map());
  const [dropTarget, setDropTarget] = useState<Stage | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const refocus = useRef<{ id: string; stage: Stage } | null>(null);
  const board = useRef<HTMLDivElement>(null);
  const now = Date.now();

  useEffect(() => {
    if (focusStage) board.current?.querySelector(`[data-stage="${focusStage}"]`)?.scrollIntoView({ inline: 'start' });
  }, [focusStage, !!cards.data]);

  useEffect(() => {
    if (!cards.data || moved.size === 0) return;
    const settled = cards.data.filter((c) => moved.get(c.id) === c.stage);
    if (settled.length === 0) return;
    setMoved((m) => {
      const next = new Map(m);
      for (const c of settled) if (next.get(c.id) === c.stage) next.delete(c.id);
      return next;
    });
  }, [cards.data]);

  const all = useMemo(
    () => (cards.data ?? []).map((c) => (moved.has(c.id) ? { ...c, stage: moved.get(c.id)! } : c)),
    [cards.data, moved],
  );
  const columns = useMemo(() => {
    const by = Object.fromEntries(STAGES.map((s) => [s, [] as BoardCard[]])) as Record<Stage, BoardCard[]>;
    for (const c of all) if (matches(c, filters)) by[c.stage].push(c);
    for (const s of STAGES) by[s].sort(compare(sort));
    return by;
  }, [all, filters, sort]);
  const options = useMemo(
    () => ({
      tags: distinct(all.flatMap((c) => c.tags)),
      companies: distinct(all.map((c) => c.company)),
      referrers: distinct(all.map((c) => c.referrerName)),
    }),
    [cards.data],
  );

  // After a keyboard move the card is re-rendered in its new column: put focus back on it.
  useEffect(() => {
    const target = refocus.current;
    if (!target) return;
    const el = [...(board.current?.querySelectorAll<HTMLElement>(`[data-stage="${target.stage}"] [data-card-id]`) ?? [])].find(
      (c) => c.dataset.cardId === target.id,
    );
    if (!el) return;
    if (document.activeElement !== el) el.focus();
    refocus.current = null;
  });

  const move = (card: BoardCard, stage: Stage) => {
    if (stage === card.stage) return;
    setError(null);
    refocus.current = document.activeElement?.closest('[data-card-id]') ? { id: card.id, stage } : null;
    setMoved((m) => new Map(m).set(card.id, stage));
    // Make sure the card is on the first page of its new column, so focus can follow it.
    const position = columns[stage].filter((c) => c.id !== card.id).concat({ ...card, stage }).sort(compare(sort));
    const rank = position.findIndex((c) => c.id === card.id);
    if (rank >= (shown[stage] ?? PAGE)) setShown((s) => ({ ...s, [stage]: rank + 1 }));
    setAnnouncement(`Moved ${card.name} to ${STAGE_LABELS[stage]}.`);
    ask('contact.stage', { contactId: card.id, stage }).catch((e: Error) => {
      setMoved((m) => {
        const next = new Map(m);
        next.delete(card.id);
        return next;
      });
      setError(`Could not move ${card.name}: ${e.message}`);
    });
  };

  const total = all.length;
  const filtered = STAGES.reduce((n, s) => n + columns[s].length, 0);
  const filtering = !!(filters.tag || filters.company || filters.referrer);

  return (
    <section class="wi-board-view" aria-labelledby="wi-board-title">
      <div class="wi-board-view__head">
        <h1 id="wi-board-title">Board</h1>
        <p id="wi-board-help" class="wi-quiet wi-board__help">
          Drag a card to another column, or focus a card and press Alt+→ / Alt+← to move it one stage. Each card also has a
          “Move to” menu.
        </p>
      </div>
      <MoveOffer />
      <form class="wi-board__filters" aria-label="Filter and sort" onSubmit={(e) => e.preventDefault()}>
        <FilterField id="wi-filter-tag" label="Tag" value={filters.tag} options={options.tags} onInput={(tag) => setFilters({ ...filters, tag })} />
        <FilterField
          id="wi-filter-company"
          label="Company"
          value={filters.company}
          options={options.companies}
          onInput={(company) => setFilters({ ...filters, company })}
        />
        <FilterField
          id="wi-filter-referrer"
          label="Referrer"
          value={filters.referrer}
          options={options.referrers}
          onInput={(referrer) => setFilters({ ...filters, referrer })}
        />
        <label class="wi-field wi-board__filter">
          <span>Sort</span>
          <select value={sort} data-testid="wi-sort" onChange={(e) => setSort((e.target as HTMLSelectElement).value as Sort)}>
            <option value="due">Next due first</option>
            <option value="name">Name</option>
          </select>
        </label>
        {filtering && (
          <button type="button" class="wi-quiet" onClick={() => setFilters({ tag: '', company: '', referrer: '' })}>
            Clear filters
          </button>
        )}
        <p class="wi-quiet wi-board__total" data-testid="wi-board-total">
          {filtering ? `${filtered.toLocaleString()} of ${total.toLocaleString()} contacts` : `${total.toLocaleString()} contact${total === 1 ? '' : 's'}`}
        </p>
      </form>
      <div class="wi-sr-only" aria-live="polite" data-testid="wi-board-announce">
        {announcement}
      </div>
      {(error || cards.error) && (
        <p role="alert" class="wi-error">
          {error ?? cards.error?.message}
        </p>
      )}
      {cards.data && total === 0 && (
        <p class="wi-empty-note">
          No contacts yet. Log people from their LinkedIn profile, or <a href="#/data">import a CSV</a> of your connections.
        </p>
      )}
      <div class="wi-board" ref={board}>
        {STAGES.map((stage) => {
          const list = columns[stage];
          const limit = shown[stage] ?? PAGE;
          return (
            <section
              key={stage}
              class={`wi-col wi-stage--${stage}${dropTarget === stage ? ' wi-col--drop' : ''}`}
              data-stage={stage}
              data-testid={`wi-col-${stage}`}
              aria-labelledby={`wi-col-title-${stage}`}
              onDragOver={(e) => {
                if (!e.dataTransfer?.types.includes(DRAG_TYPE)) return;
                e.preventDefault();
                e.dataTransfer.dropEffect = 'move';
                if (dropTarget !== stage) setDropTarget(stage);
              }}
              onDragLeave={(e) => {
                if (!(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null)) setDropTarget(null);
              }}
              onDrop={(e) => {
                e.preventDefault();
                setDropTarget(null);
                const id = e.dataTransfer?.getData(DRAG_TYPE);
                const card = all.find((c) => c.id === id);
                if (card) move(card, stage);
              }}
            >
              <h2 id={`wi-col-title-${stage}`} class="wi-col__title">
                {STAGE_LABELS[stage]}{' '}
                <span class="wi-col__count" data-testid={`wi-col-count-${stage}`}>
                  {list.length}
                </span>
              </h2>
              <ul class="wi-col__cards">
                {list.slice(0, limit).map((card) => (
                  <Card key={card.id} card={card} now={now} onMove={move} />
                ))}
              </ul>
              {list.length > limit && (
                <button
                  type="button"
                  class="wi-quiet wi-col__more"
                  onClick={() => setShown((s) => ({ ...s, [stage]: limit + PAGE }))}
                >
                  Show {Math.min(PAGE, list.length - limit)} more ({list.length - limit} hidden)
                </button>
              )}
            </section>
          );
        })}
      </div>
    </section>
  );
}
