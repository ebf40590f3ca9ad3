import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

import { useAction } from '../feedback';

export { useAction };

export function Status(props: { error: string | null; done?: string | null; testId?: string }) {
  return (
    <>
      {props.error && (
        <p role="alert" class="wi-error" data-testid={props.testId ? `${props.testId}-error` : undefined}>
          {props.error}
        </p>
      )}
      <p role="status" class="wi-done" data-testid={props.testId ? `${props.testId}-done` : undefined}>
        {props.done ?? ''}
      </p>
    </>
  );
}

/** A destructive button that asks first, in the page (no modal dialog), with Cancel focused. */
export function ConfirmButton(props: {
  label: string;
  question: ComponentChildren;
  confirmLabel: string;
  onConfirm: () => void | Promise<unknown>;
  testId?: string;
  disabled?: boolean;
  /** Extra buttons shown while asking (e.g. "Download a backup first"). */
  extra?: ComponentChildren;
}) {
  const [asking, setAsking] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) cancel.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" class="wi-danger" ref={opener} disabled={props.disabled} data-testid={props.testId} onClick={() => setAsking(true)}>
        {props.label}
      </button>
    );
  }
  return (
    <div class="wi-confirm" role="group" aria-label={props.label}>
      <p>{props.question}</p>
      <div class="wi-row">
        <button
          type="button"
          class="wi-danger wi-danger--solid"
          data-testid={props.testId ? `${props.testId}-confirm` : undefined}
          onClick={async () => {
            await props.onConfirm();
            setAsking(false);
          }}
        >
          {props.confirmLabel}
        </button>
        {props.extra}
        <button type="button" class="wi-quiet" ref={cancel} onClick={() => setAsking(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** A textarea with its own Save button, for notes that can be long. */
export function NotesForm(props: { label: string; value: string; onSave: (text: string) => Promise<unknown>; testId?: string; rows?: number; hint?: string }) {
  const [text, setText] = useState(props.value);
  const action = useAction();
  const id = `wi-notes-${props.testId ?? props.label.replace(/\W+/g, '-').toLowerCase()}`;
  const dirty = text !== props.value;
  return (
    <form
      class="wi-notes"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(() => props.onSave(text), 'Saved.');
      }}
    >
      <label class="wi-field" for={id}>
        <span>{props.label}</span>
      </label>
      {props.hint && <p class="wi-quiet wi-hint">{props.hint}</p>}
      <textarea id={id} rows={props.rows ?? 4} value={text} data-testid={props.testId} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
      <div class="wi-row">
        <button type="submit" disabled={action.busy || !dirty}>
          Save
        </button>
      </div>
      <Status error={action.error} done={dirty ? null : action.done} />
    </form>
  );
}

/**
 * Only the fields the user changed since the form was filled (or last saved), so saving a form
 * that stayed open never overwrites what another tab, the sidebar or Gmail changed meanwhile.
 */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key] = after[key];
  }
  return out;
}
