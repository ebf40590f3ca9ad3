import { STAGE_LABELS, STAGES, type Stage } from '../lib/stages';

export type Props = {
  counts: Record<Stage, number>;
  onSelect?: (stage: Stage) => void;
};

function Cell({ stage, count }: { stage: Stage; count: number }) {
  return (
    <>
      <span class="wi-stagebar__count" data-testid={`wi-stage-count-${stage}`}>
        {count}
      </span>
      <span class="wi-stagebar__label">{STAGE_LABELS[stage]}</span>
    </>
  );
}

/** The pipeline at a glance: one cell per stage with its count. */
export function StageBar({ counts, onSelect }: Props) {
  return (
    <ol class="wi-stagebar" aria-label="Pipeline">
      {STAGES.map((stage) => (
        <li key={stage} class={`wi-stagebar__cell wi-stage--${stage}`}>
          {onSelect ? (
            <button type="button" class="wi-stagebar__button" onClick={() => onSelect(stage)}>
              <Cell stage={stage} count={counts[stage]} />
            </button>
          ) : (
            <div class="wi-stagebar__button">
              <Cell stage={stage} count={counts[stage]} />
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
