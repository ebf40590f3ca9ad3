/**
 * Message templates: `{firstName}`-style placeholders, filled in as plain text in a single pass (a
 * value is never re-read as a template, and nothing is evaluated). `{{` and `}}` are literal braces.
 * A variable with no value is never rendered as a gap, `undefined` or `null`: it shows as a bracketed
 * label such as `[referrer's name]` and is reported in `missing`, so the UI can ask before inserting.
 */
import type { ComposeSettings, Contact, Template } from './schemas';

export const TEMPLATE_VARIABLES = [
  { name: 'firstName', description: "The recipient's first name", placeholder: 'first name' },
  { name: 'fullName', description: "The recipient's full name", placeholder: 'full name' },
  { name: 'referrerName', description: 'Who referred you to them, in full', placeholder: "referrer's name" },
  { name: 'referrerFirstName', description: "The referrer's first name", placeholder: "referrer's first name" },
  { name: 'company', description: "The recipient's company", placeholder: 'their company' },
  { name: 'userName', description: 'Your name (Settings)', placeholder: 'your name' },
  { name: 'fieldOfInterest', description: 'The field you are exploring (Settings)', placeholder: 'your field of interest' },
  { name: 'meetingMinutes', description: 'How many minutes you ask for (Settings)', placeholder: 'minutes' },
  { name: 'targetName', description: 'Introduction requests: who you ask to be introduced to', placeholder: "the person's name" },
  { name: 'targetFirstName', description: 'Introduction requests: their first name', placeholder: "the person's first name" },
  { name: 'targetCompany', description: 'Introduction requests: where they work', placeholder: 'their company' },
  { name: 'introReason', description: 'Introduction requests: why you would like to meet them', placeholder: 'why you would like to meet them' },
] as const;

export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number]['name'];
export type TemplateContext = Record<string, string | null | undefined>;

const KNOWN = new Map<string, string>(TEMPLATE_VARIABLES.map((v) => [v.name, v.placeholder]));

// A leading title is skipped so "Dr. Maria Lopez" is greeted as "Maria"; anything subtler (family
// name first, nicknames) is for the user to edit in the draft.
const TITLE = /^(?:dr|prof|mr|mrs|ms|mx|sir|dame)\.?$/i;

/** The first word of a name, skipping a leading title; null for an empty name. */
export function firstNameOf(name: string | null | undefined): string | null {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  const word = words.length > 1 && TITLE.test(words[0]!) ? words[1] : words[0];
  return word ?? null;
}

function orNull(s: string | null | undefined): string | null {
  const trimmed = s?.trim();
  return trimmed ? trimmed : null;
}

/**
 * The values every template can use; the caller resolves a contact referrer to their name. For an
 * introduction request `contact` is the introducer and `introduction` names the person to meet.
 */
export function templateContext(input: {
  contact: Contact;
  referrerName: string | null;
  settings: ComposeSettings;
  introduction?: { targetName: string; targetCompany: string | null; why: string } | null;
}): Record<TemplateVariable, string | null> {
  const { contact, settings, introduction } = input;
  const referrerName = orNull(input.referrerName);
  return {
    firstName: firstNameOf(contact.name),
    fullName: orNull(contact.name),
    referrerName,
    referrerFirstName: firstNameOf(referrerName),
    company: orNull(contact.company),
    userName: orNull(settings.userName),
    fieldOfInterest: orNull(settings.fieldOfInterest),
    meetingMinutes: String(settings.meetingMinutes),
    targetName: orNull(introduction?.targetName),
    targetFirstName: firstNameOf(introduction?.targetName),
    targetCompany: orNull(introduction?.targetCompany),
    introReason: orNull(introduction?.why),
  };
}

const TOKEN = /\{\{|\}\}|\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/**
 * Fills the placeholders in `text` from `ctx`. Unknown placeholders (neither a template variable
 * nor a key of `ctx`) stay as written and are listed in `unknown`; a brace that starts no
 * placeholder stays as written too.
 */
export function renderTemplate(
  text: string,
  ctx: TemplateContext,
): { text: string; missing: string[]; unknown: string[] } {
  const missing = new Set<string>();
  const unknown = new Set<string>();
  const out = text.replace(TOKEN, (token, name: string | undefined) => {
    if (name === undefined) return token[0]!;
    // Own keys only, so `{constructor}` or `{__proto__}` never reach Object.prototype.
    const known = KNOWN.has(name) || Object.hasOwn(ctx, name);
    if (!known) {
      unknown.add(name);
      return token;
    }
    const value = Object.hasOwn(ctx, name) ? ctx[name] : undefined;
    if (typeof value === 'string' && value.trim() !== '') return value;
    missing.add(name);
    return `[${KNOWN.get(name) ?? name}]`;
  });
  return { text: out, missing: [...missing], unknown: [...unknown] };
}

/** Whether the template's text mentions `{referrerName}` or `{referrerFirstName}`. */
export function namesReferrer(text: string): boolean {
  let found = false;
  text.replace(TOKEN, (token, name: string | undefined) => {
    if (name === 'referrerName' || name === 'referrerFirstName') found = true;
    return token;
  });
  return found;
}

/**
 * A template rendered for one contact. The short form is a LinkedIn note, which has no subject, so
 * `subject` is empty then; an empty short form falls back to the body. `missing` and `unknown`
 * cover only the parts returned.
 */
export function renderForContact(
  template: Pick<Template, 'subject' | 'body' | 'short'>,
  ctx: TemplateContext,
  opts: { short?: boolean } = {},
): { subject: string; body: string; missing: string[]; unknown: string[] } {
  const useShort = opts.short === true;
  const subject = useShort ? null : renderTemplate(template.subject, ctx);
  const body = renderTemplate(useShort && template.short.trim() ? template.short : template.body, ctx);
  return {
    subject: subject?.text ?? '',
    body: body.text,
    missing: [...new Set([...(subject?.missing ?? []), ...body.missing])],
    unknown: [...new Set([...(subject?.unknown ?? []), ...body.unknown])],
  };
}

/**
 * Whether `text` fits a field of `max` characters, counted as `maxlength` counts them: UTF-16 code
 * units (an emoji is usually 2), with a line break as one.
 */
export function fitToLimit(text: string, max: number): { fits: boolean; length: number } {
  const length = text.replace(/\r\n?/g, '\n').length;
  return { fits: length <= max, length };
}

/**
 * The templates a new install starts with. They follow the practice the product teaches: name the
 * referrer (in the subject, and in the first sentence of the short note), ask briefly for
 * `{meetingMinutes}` minutes at their convenience, say plainly this is not a request for a job, and
 * send nothing attached. Short forms are LinkedIn notes, which show the sender, so they are unsigned
 * and stay within the 200-character limit for long-ish names (tests/lib/templates.test.ts checks it).
 */
export const DEFAULT_TEMPLATES: Array<Omit<Template, 'updatedAt'>> = [
  {
    id: 'request',
    name: 'Request for a conversation',
    kind: 'request',
    subject: '{referrerName} suggested I reach out',
    body: [
      'Hi {firstName},',
      '',
      "{referrerName} suggested I get in touch with you. I'm {userName}, and I'm exploring {fieldOfInterest}; {referrerFirstName} thought your experience would be especially helpful.",
      '',
      "Would you have {meetingMinutes} minutes for a short conversation in the next few weeks? I'm happy to fit around your schedule: phone, video or coffee, whichever suits you best.",
      '',
      "To be clear, I'm not asking for a job. I would simply value your perspective.",
      '',
      'Thank you for considering it,',
      '{userName}',
    ].join('\n'),
    short:
      "Hi {firstName}, {referrerName} suggested I reach out. I'm exploring {fieldOfInterest} and would value {meetingMinutes} minutes of your advice, whenever suits you. I'm not asking for a job.",
  },
  {
    id: 'follow-up',
    name: 'Follow-up',
    kind: 'follow-up',
    subject: 'Following up: {referrerName} suggested I reach out',
    body: [
      'Hi {firstName},',
      '',
      "I know your time is valuable, so I'll keep this short. I'm following up on my earlier note: {referrerName} suggested I get in touch, and I'd be grateful for {meetingMinutes} minutes of your perspective on {fieldOfInterest}.",
      '',
      "If you have a moment in the coming weeks, I'll gladly work around your schedule. And if now isn't a good time, no need to reply; I completely understand.",
      '',
      'Best regards,',
      '{userName}',
    ].join('\n'),
    short:
      "Hi {firstName}, following up on my note: {referrerName} suggested we talk. If you have {meetingMinutes} minutes in the coming weeks I'd be grateful; if not, no worries at all.",
  },
  {
    id: 'thank-you',
    name: 'Thank-you',
    kind: 'thank-you',
    subject: 'Thank you for your time',
    body: [
      'Hi {firstName},',
      '',
      'Thank you for taking the time to talk with me. Your perspective on {fieldOfInterest} gave me a much clearer picture of the field and of what to focus on next.',
      '',
      "I'll follow up with the people you suggested, and I'll let you know how those conversations go.",
      '',
      'Thanks again,',
      '{userName}',
    ].join('\n'),
    short:
      "Hi {firstName}, thank you for our conversation. Your advice on {fieldOfInterest} was a real help, and I'll follow up with the people you suggested.",
  },
  {
    id: 'update',
    name: 'Update (closing the loop)',
    kind: 'update',
    subject: 'A quick update, and thanks again',
    body: [
      'Hi {firstName},',
      '',
      "I wanted to close the loop since we spoke. I've been acting on your advice and talking with the people you suggested, and it has helped me a great deal as I explore {fieldOfInterest}.",
      '',
      'Thank you again for your help. It made a real difference.',
      '',
      'Best,',
      '{userName}',
    ].join('\n'),
    short:
      "Hi {firstName}, a quick update: I've been acting on your advice and talking with the people you suggested. It has helped a great deal. Thank you again!",
  },
  {
    id: 'connect-note',
    name: 'LinkedIn note after a meeting',
    // Sent right after the meeting, it thanks them, so it counts as a thank-you.
    kind: 'thank-you',
    subject: '',
    body: "Hi {firstName}, thank you again for talking with me about {fieldOfInterest}. I'd be glad to stay in touch here. {userName}",
    short: "Hi {firstName}, thank you again for talking with me about {fieldOfInterest}. I'd be glad to stay in touch here.",
  },
  {
    id: 'intro-request',
    name: 'Ask for an introduction',
    // Sent to the introducer: counts on them, outside the 3/6 rule (lib/cadence.ts).
    kind: 'intro-request',
    subject: 'Would you introduce me to {targetName}?',
    body: [
      'Hi {firstName},',
      '',
      "I hope you're well. I'm exploring {fieldOfInterest}, and I would love to hear how {targetName} sees it from {targetCompany}. {introReason}",
      '',
      'Would you be comfortable introducing us? To make it easy, here is a short note you can forward as is:',
      '',
      "\"Hi {targetFirstName}, {userName} is exploring {fieldOfInterest} and would value {meetingMinutes} minutes of your perspective, whenever suits you. This is not a request for a job, only for advice. Would you be open to a short conversation?\"",
      '',
      "And if you'd rather not, no problem at all. Thank you either way.",
      '',
      '{userName}',
    ].join('\n'),
    short:
      "Hi {firstName}, would you introduce me to {targetName} ({targetCompany})? I'm exploring {fieldOfInterest} and would value {meetingMinutes} minutes of their advice.",
  },
];
