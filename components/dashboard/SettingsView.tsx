import { useRef, useState } from 'preact/hooks';
import { ask } from '../../lib/client';
import type { Settings } from '../../lib/schemas';
import { useAsk } from '../use-ask';
import { changedFields, Status, useAction } from './common';

type NumberKey = 'maxAttempts' | 'followUpDays' | 'windowDays' | 'thankYouHours' | 'keepInTouchDays' | 'meetingMinutes' | 'introFollowUpDays';

// Bounds mirror the Settings schema (lib/schemas.ts), which the background checks again.
const NUMBERS: Array<{ key: NumberKey; label: string; hint: string; min: number; max: number; unit: string }> = [
  { key: 'maxAttempts', label: 'Notes before moving on', hint: 'The 3/6 rule: three notes…', min: 1, max: 10, unit: 'notes' },
  { key: 'followUpDays', label: 'Days between notes', hint: '…about two weeks apart…', min: 1, max: 90, unit: 'days' },
  { key: 'windowDays', label: 'Days before moving on', hint: '…within six weeks.', min: 1, max: 365, unit: 'days' },
  { key: 'thankYouHours', label: 'Thank-you within', hint: 'Send thanks within two days of the meeting.', min: 1, max: 336, unit: 'hours' },
  { key: 'keepInTouchDays', label: 'Keep in touch every', hint: 'A short update on how their advice helped.', min: 1, max: 3650, unit: 'days' },
  { key: 'meetingMinutes', label: 'Minutes to ask for', hint: '15–20 minutes is the custom.', min: 5, max: 240, unit: 'minutes' },
  {
    key: 'introFollowUpDays',
    label: 'Follow up an introduction request after',
    hint: 'One gentle reminder to the introducer, then it stops.',
    min: 1,
    max: 90,
    unit: 'days',
  },
];

const STYLES: Array<{ value: Settings['notificationStyle']; label: string }> = [
  { value: 'each', label: 'A notification for each reminder' },
  { value: 'digest', label: 'One daily digest' },
  { value: 'off', label: 'No notifications (badge only)' },
];

function Form({ settings }: { settings: Settings }) {
  const [form, setForm] = useState<Settings>(settings);
  const saved = useRef<Settings>(settings);
  const action = useAction();
  return (
    <form
      class="wi-panel wi-settings"
      aria-labelledby="wi-settings-title"
      onSubmit={(e) => {
        e.preventDefault();
        const patch = changedFields(saved.current, form);
        void action.run(async () => {
          await ask('settings.save', patch);
          saved.current = form;
        }, 'Saved.');
      }}
    >
      <h2 id="wi-settings-title" class="wi-sr-only">
        Your settings
      </h2>
      <fieldset>
        <legend>About you</legend>
        <p class="wi-quiet wi-hint">Used in your templates as {'{userName}'} and {'{fieldOfInterest}'}.</p>
        <label class="wi-field">
          <span>Your name</span>
          <input type="text" value={form.userName} data-testid="wi-settings-name" onInput={(e) => setForm({ ...form, userName: (e.target as HTMLInputElement).value })} />
        </label>
        <label class="wi-field">
          <span>Field you are exploring</span>
          <input
            type="text"
            value={form.fieldOfInterest}
            placeholder="e.g. service design"
            data-testid="wi-settings-field"
            onInput={(e) => setForm({ ...form, fieldOfInterest: (e.target as HTMLInputElement).value })}
          />
        </label>
      </fieldset>
      <fieldset>
        <legend>Cadence</legend>
        <div class="wi-settings__numbers">
          {NUMBERS.map((n) => (
            <label key={n.key} class="wi-field">
              <span>
                {n.label} ({n.unit})
              </span>
              <input
                type="number"
                min={n.min}
                max={n.max}
                step={1}
                required
                value={String(form[n.key])}
                data-testid={`wi-settings-${n.key}`}
                onInput={(e) => setForm({ ...form, [n.key]: Number((e.target as HTMLInputElement).value) })}
              />
              <small class="wi-quiet">{n.hint}</small>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Reminders</legend>
        {STYLES.map((s) => (
          <label key={s.value} class="wi-check">
            <input
              type="radio"
              name="notificationStyle"
              value={s.value}
              checked={form.notificationStyle === s.value}
              data-testid={`wi-settings-notify-${s.value}`}
              onChange={() => setForm({ ...form, notificationStyle: s.value })}
            />
            {s.label}
          </label>
        ))}
      </fieldset>
      <div class="wi-row">
        <button type="submit" disabled={action.busy} data-testid="wi-settings-save">
          Save settings
        </button>
      </div>
      <Status error={action.error} done={action.done} testId="wi-settings" />
    </form>
  );
}

export function SettingsView() {
  const settings = useAsk('settings.get', undefined);
  return (
    <section aria-labelledby="wi-settings-h1">
      <h1 id="wi-settings-h1">Settings</h1>
      {settings.error && (
        <p role="alert" class="wi-error">
          {settings.error.message}
        </p>
      )}
      {/* The form keeps its own copy: a later write elsewhere must not wipe what is being typed. */}
      {settings.data && <Form settings={settings.data} />}
    </section>
  );
}
