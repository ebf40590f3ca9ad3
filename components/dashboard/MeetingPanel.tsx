import { useState } from 'preact/hooks';
import { ask } from '../../lib/client';
import { eventToIcs, icsFileName, meetingEvent } from '../../lib/ics';
import type { ContactView } from '../../lib/messages';
import { QUESTION_BANK, questionAdvice, REFLECTION_PROMPTS } from '../../lib/questions';
import type { Meeting, Reflection } from '../../lib/schemas';
import { ConfirmButton, NotesForm, Status, useAction } from './common';
import { saveFile } from './download';
import { dateInput, formatDateTime, fromInputs, timeInput } from './format';

// Mirrors MEETING_MINUTES in lib/schemas (not imported: that module brings zod into this bundle's
// critical path for no gain). 15 and 20 minutes are what an informational interview asks for.
const MINUTES = [15, 20, 30, 45, 60] as const;

function WhenForm(props: {
  initial: { at: number; minutes: number };
  submitLabel: string;
  testId: string;
  onSubmit: (at: number, minutes: number) => Promise<unknown>;
}) {
  const [date, setDate] = useState(dateInput(props.initial.at));
  const [time, setTime] = useState(timeInput(props.initial.at));
  const [minutes, setMinutes] = useState(props.initial.minutes);
  const action = useAction();
  return (
    <form
      class="wi-subform"
      aria-label={props.submitLabel}
      onSubmit={(e) => {
        e.preventDefault();
        const at = fromInputs(date, time);
        if (at === null) return action.setError('Choose a date and a time.');
        void action.run(() => props.onSubmit(at, minutes), 'Saved.');
      }}
    >
      <div class="wi-three">
        <label class="wi-field">
          <span>Date</span>
          <input type="date" value={date} required data-testid={`${props.testId}-date`} onInput={(e) => setDate((e.target as HTMLInputElement).value)} />
        </label>
        <label class="wi-field">
          <span>Time</span>
          <input type="time" value={time} required data-testid={`${props.testId}-time`} onInput={(e) => setTime((e.target as HTMLInputElement).value)} />
        </label>
        <label class="wi-field">
          <span>Length</span>
          <select value={String(minutes)} data-testid={`${props.testId}-minutes`} onChange={(e) => setMinutes(Number((e.target as HTMLSelectElement).value))}>
            {MINUTES.map((m) => (
              <option key={m} value={String(m)}>
                {m} minutes
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="wi-row">
        <button type="submit" disabled={action.busy} data-testid={`${props.testId}-submit`}>
          {props.submitLabel}
        </button>
      </div>
      <Status error={action.error} done={action.done} />
    </form>
  );
}

function QuestionPrep({ meeting }: { meeting: Meeting }) {
  const [questions, setQuestions] = useState(meeting.questions);
  const [custom, setCustom] = useState('');
  const action = useAction();
  const save = (next: string[]) => {
    setQuestions(next);
    void action.run(() => ask('meeting.update', { id: meeting.id, patch: { questions: next } }));
  };
  const advice = questionAdvice(questions.length);
  const own = questions.filter((q) => !(QUESTION_BANK as readonly string[]).includes(q));
  return (
    <section class="wi-prep" aria-labelledby="wi-questions-title">
      <h3 id="wi-questions-title">Questions to ask</h3>
      <p
        class={advice.level === 'warn' ? 'wi-warning' : advice.level === 'gentle' ? 'wi-hint-gentle' : 'wi-quiet'}
        role="status"
        data-testid="wi-questions-advice"
      >
        {advice.message}
      </p>
      <fieldset class="wi-bank">
        <legend>Open-ended questions</legend>
        {QUESTION_BANK.map((q) => (
          <label key={q} class="wi-check">
            <input
              type="checkbox"
              checked={questions.includes(q)}
              data-testid="wi-question-bank"
              onChange={(e) => save((e.target as HTMLInputElement).checked ? [...questions, q] : questions.filter((x) => x !== q))}
            />
            {q}
          </label>
        ))}
      </fieldset>
      {own.length > 0 && (
        <ul class="wi-own-questions" aria-label="Your own questions">
          {own.map((q) => (
            <li key={q}>
              {q}{' '}
              <button type="button" class="wi-quiet wi-small" aria-label={`Remove the question: ${q}`} onClick={() => save(questions.filter((x) => x !== q))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="wi-row wi-add-question"
        onSubmit={(e) => {
          e.preventDefault();
          const q = custom.trim();
          if (!q || questions.includes(q)) return;
          save([...questions, q]);
          setCustom('');
        }}
      >
        <label class="wi-field wi-grow">
          <span>Add your own question</span>
          <input type="text" value={custom} maxLength={1000} data-testid="wi-question-custom" onInput={(e) => setCustom((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit" disabled={!custom.trim()} data-testid="wi-question-add">
          Add
        </button>
      </form>
      <Status error={action.error} />
    </section>
  );
}

function ReflectionForm({ meeting }: { meeting: Meeting }) {
  const [reflection, setReflection] = useState<Reflection>(meeting.reflection);
  const action = useAction();
  return (
    <form
      class="wi-subform"
      aria-labelledby="wi-reflection-title"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(() => ask('meeting.update', { id: meeting.id, patch: { reflection } }), 'Saved.');
      }}
    >
      <h3 id="wi-reflection-title">Reflection</h3>
      <p class="wi-quiet wi-hint">Take a few minutes after the conversation, while it is fresh.</p>
      {REFLECTION_PROMPTS.map((p) => (
        <label key={p.key} class="wi-field">
          <span>{p.label}</span>
          <textarea
            rows={2}
            value={reflection[p.key]}
            data-testid={`wi-reflection-${p.key}`}
            onInput={(e) => setReflection({ ...reflection, [p.key]: (e.target as HTMLTextAreaElement).value })}
          />
        </label>
      ))}
      <div class="wi-row">
        <button type="submit" disabled={action.busy} data-testid="wi-reflection-save">
          Save reflection
        </button>
      </div>
      <Status error={action.error} done={action.done} />
    </form>
  );
}

/** The meeting: when, a calendar file, questions and notes before, and what came of it after. */
export function MeetingPanel({ view, defaultMinutes }: { view: ContactView; defaultMinutes: number }) {
  const { contact, meetings } = view;
  const action = useAction();
  const current = meetings.at(-1);
  const earlier = meetings.slice(0, -1);
  const tomorrowTen = (() => {
    const d = new Date();
    d.setDate(d.getDate() + 1);
    d.setHours(10, 0, 0, 0);
    return d.getTime();
  })();

  const schedule = (
    <WhenForm
      initial={{ at: tomorrowTen, minutes: defaultMinutes }}
      submitLabel={current ? 'Schedule another meeting' : 'Schedule meeting'}
      testId="wi-schedule"
      onSubmit={(scheduledAt, minutes) => ask('meeting.schedule', { contactId: contact.id, scheduledAt, minutes })}
    />
  );

  return (
    <section class="wi-panel" aria-labelledby="wi-meeting-title" data-testid="wi-meeting">
      <h2 id="wi-meeting-title">Meeting</h2>
      {!current ? (
        <>
          <p class="wi-quiet">Once they agree, set the date: ask for 15–20 minutes, at their convenience.</p>
          {schedule}
        </>
      ) : (
        <div key={current.id}>
          <p data-testid="wi-meeting-when">
            <strong>{formatDateTime(current.scheduledAt)}</strong>, {current.minutes} minutes
            {current.held ? <span class="wi-badge">held</span> : null}
          </p>
          <div class="wi-row">
            <button
              type="button"
              class="wi-quiet"
              data-testid="wi-meeting-ics"
              onClick={() => saveFile(icsFileName(contact.name, current.scheduledAt), 'text/calendar', eventToIcs(meetingEvent(current, contact, view.referrerName)))}
            >
              Download calendar event (.ics)
            </button>
            {!current.held && (
              <button
                type="button"
                data-testid="wi-meeting-held"
                disabled={action.busy}
                onClick={() => void action.run(() => ask('contact.interviewed', { contactId: contact.id, meetingId: current.id }))}
              >
                Mark as held
              </button>
            )}
            <ConfirmButton
              label="Delete meeting…"
              question="Delete this meeting with its questions and notes?"
              confirmLabel="Delete meeting"
              onConfirm={() => action.run(() => ask('meeting.delete', { id: current.id }))}
            />
          </div>
          <Status error={action.error} />
          {!current.held && (
            <details class="wi-reschedule">
              <summary>Change date or length</summary>
              <WhenForm
                initial={{ at: current.scheduledAt, minutes: current.minutes }}
                submitLabel="Save date"
                testId="wi-reschedule"
                onSubmit={(scheduledAt, minutes) => ask('meeting.update', { id: current.id, patch: { scheduledAt, minutes } })}
              />
            </details>
          )}
          <QuestionPrep meeting={current} />
          <NotesForm
            label="Research notes"
            hint="Their path, their organisation, recent work: what you learned before the meeting."
            value={current.researchNotes}
            testId="wi-research-notes"
            onSave={(researchNotes) => ask('meeting.update', { id: current.id, patch: { researchNotes } })}
          />
          <NotesForm
            label="Meeting notes"
            value={current.notes}
            rows={6}
            testId="wi-meeting-notes"
            onSave={(notes) => ask('meeting.update', { id: current.id, patch: { notes } })}
          />
          {current.held && <ReflectionForm meeting={current} />}
          {current.held && schedule}
        </div>
      )}
      {earlier.length > 0 && (
        <details class="wi-earlier">
          <summary>Earlier meetings ({earlier.length})</summary>
          <ul>
            {earlier.map((m) => (
              <li key={m.id}>
                {formatDateTime(m.scheduledAt)}, {m.minutes} minutes{m.held ? ', held' : ''}
                {m.notes && <p class="wi-pre">{m.notes}</p>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
