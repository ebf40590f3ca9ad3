/**
 * Preparing an informational interview: a bank of open-ended questions to pick from, how many fit a
 * 15–20 minute conversation, and the prompts for reflecting afterwards (kept in `meeting.reflection`).
 */
import type { Reflection } from './schemas';

export const QUESTION_BANK = [
  'How did you get into this field, and what was your path to the role you have now?',
  'What does a typical day or week look like for you?',
  'What do you find most satisfying about your work?',
  'What is the most challenging part of it?',
  'Where do you see opportunities in this field over the next few years?',
  'How would someone with my background get started?',
  'Which job titles should I look for?',
  'Which organisations hire people who do this work?',
  'Who else would you suggest I talk to? Could you name two people?',
  'May I contact you again if more questions come up?',
] as const;

/** Three to six questions fill 15–20 minutes with room for follow-ups. */
export const QUESTIONS_IDEAL = { min: 3, max: 6 } as const;
/** Beyond this a short conversation cannot cover the list; say so plainly. */
export const QUESTIONS_WARN_ABOVE = 14;

export function questionAdvice(count: number): { level: 'ok' | 'gentle' | 'warn'; message: string } {
  if (count > QUESTIONS_WARN_ABOVE) {
    return {
      level: 'warn',
      message: `${count} questions is far more than a 15–20 minute conversation can cover. Keep the 3–6 that matter most.`,
    };
  }
  if (count < QUESTIONS_IDEAL.min) {
    return {
      level: 'gentle',
      message:
        count === 0
          ? 'Pick 3–6 open-ended questions to guide the conversation.'
          : `${count} chosen. A few more (3–6 in all) help keep the conversation going.`,
    };
  }
  if (count > QUESTIONS_IDEAL.max) {
    return { level: 'ok', message: `${count} chosen. 3–6 fit best; put the most important first.` };
  }
  return { level: 'ok', message: `${count} chosen: a good number for a short conversation.` };
}

export const REFLECTION_PROMPTS: ReadonlyArray<{ key: keyof Reflection; label: string }> = [
  { key: 'fit', label: 'Does this work fit my interests, values and skills?' },
  { key: 'perceptions', label: 'Did my perceptions match their reality?' },
  { key: 'training', label: 'What training or experience would I need?' },
  { key: 'nextStep', label: 'My next step' },
];
