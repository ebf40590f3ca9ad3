/**
 * The once-only offer (issue 16): people imported as *Prospect* who have no attempts, meetings or
 * notes are most likely people you know, not people you plan to ask. Move them to the network in
 * one step, undo it, or say no for good.
 */
import { useState } from 'preact/hooks';
import { ask } from '../../lib/client';
import { useAsk } from '../use-ask';
import { Status, useAction } from './common';

const n = (x: number) => x.toLocaleString();
const people = (x: number) => `${n(x)} ${x === 1 ? 'person' : 'people'}`;

export function MoveOffer() {
  const candidates = useAsk('network.moveCandidates', undefined);
  const [moved, setMoved] = useState<{ moved: number; token: string | null } | null>(null);
  const [restored, setRestored] = useState<number | null>(null);
  const action = useAction();

  if (restored !== null) {
    return (
      <p role="status" class="wi-offer" data-testid="wi-move-restored">
        Put {people(restored)} back on the board as prospects.
      </p>
    );
  }
  if (moved) {
    return (
      <div role="status" class="wi-offer" data-testid="wi-move-done">
        <p>
          Moved {people(moved.moved)} to your network. They are off the board and can still introduce you; “Ask for an informational
          interview” puts anyone back in the pipeline.
        </p>
        {moved.token && (
          <button
            type="button"
            disabled={action.busy}
            data-testid="wi-move-undo"
            onClick={() => void action.run(async () => setRestored((await ask('network.undoMove', { token: moved.token! })).restored))}
          >
            Undo
          </button>
        )}
        <Status error={action.error} />
      </div>
    );
  }
  const data = candidates.data;
  if (!data || data.answered || data.count === 0) return null;
  return (
    <section class="wi-offer" aria-labelledby="wi-move-title" data-testid="wi-move-offer">
      <h2 id="wi-move-title">Move imported connections to your network?</h2>
      <p>
        {people(data.count)} on your board {data.count === 1 ? 'is a prospect' : 'are prospects'} you imported, with no messages, meetings or
        notes. Most are likely people you know — possible introducers — rather than people you plan to ask for an interview. In your network
        they leave the board and still show up as introducers.
      </p>
      <div class="wi-row">
        <button
          type="button"
          disabled={action.busy}
          data-testid="wi-move-confirm"
          onClick={() => void action.run(async () => setMoved(await ask('network.moveProspects')))}
        >
          Move {people(data.count)} to my network
        </button>
        <button
          type="button"
          class="wi-quiet"
          disabled={action.busy}
          data-testid="wi-move-dismiss"
          onClick={() => void action.run(() => ask('network.dismissMove'))}
        >
          Keep them on the board
        </button>
      </div>
      <Status error={action.error} />
    </section>
  );
}
