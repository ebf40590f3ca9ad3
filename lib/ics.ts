/**
 * A meeting as an iCalendar file (RFC 5545) the user can add to any calendar. Pure: the caller
 * passes every value, including the time stamp, so the same meeting always gives the same file.
 * Times are UTC (`…Z`), so no time-zone definitions are needed; the UID is derived from the meeting's
 * id, so downloading again after a change updates the event instead of adding a second one.
 */

export interface CalendarEvent {
  /** Globally unique and stable for one meeting. */
  uid: string;
  /** Epoch milliseconds. */
  start: number;
  minutes: number;
  summary: string;
  description?: string;
  location?: string;
  /** An https URL (the LinkedIn profile). */
  url?: string | null;
  /** DTSTAMP: when this version of the event was last changed (epoch milliseconds). */
  stamp: number;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(text: string): string {
  return (
    text
      // Control characters other than tab and line breaks are not allowed in TEXT.
      .replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g, '')
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
  );
}

const utf8Length = (s: string) => new TextEncoder().encode(s).length;

/**
 * Fold a content line (RFC 5545 §3.1): at most 75 octets per line, continuation lines start with a
 * space (which counts toward their 75), and a multi-byte UTF-8 character is never split.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch);
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

/** `20240307T143000Z`. */
export function icsDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** A complete VCALENDAR with one VEVENT, CRLF line endings, folded. */
export function eventToIcs(event: CalendarEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Warm Intro//Informational interviews//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${icsDate(event.stamp)}`,
    `DTSTART:${icsDate(event.start)}`,
    `DTEND:${icsDate(event.start + event.minutes * 60_000)}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  // URL is a URI value, not TEXT: it is not escaped, so only a plain https URL is written.
  if (event.url && /^https:\/\/[^\s"<>\\]+$/.test(event.url)) lines.push(`URL:${event.url}`);
  lines.push('END:VEVENT', 'END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

export interface MeetingForCalendar {
  id: string;
  scheduledAt: number;
  minutes: number;
  questions: string[];
  updatedAt: number;
}

/** The event for an informational interview with `contact`. */
export function meetingEvent(
  meeting: MeetingForCalendar,
  contact: { name: string; company: string | null; profileUrl: string | null },
  referrerName: string | null,
): CalendarEvent {
  const description = [
    `Informational interview with ${contact.name}${contact.company ? ` (${contact.company})` : ''}: ${meeting.minutes} minutes.`,
    referrerName ? `Introduced by ${referrerName}.` : '',
    contact.profileUrl ? `LinkedIn: ${contact.profileUrl}` : '',
    meeting.questions.length ? `\nQuestions:\n${meeting.questions.map((q, i) => `${i + 1}. ${q}`).join('\n')}` : '',
    '\nAsk: who else should I talk to? Send a thank-you within two days.',
  ]
    .filter(Boolean)
    .join('\n');
  return {
    uid: `meeting-${meeting.id}@warm-intro`,
    start: meeting.scheduledAt,
    minutes: meeting.minutes,
    summary: `Informational interview: ${contact.name}`,
    description,
    url: contact.profileUrl,
    stamp: meeting.updatedAt,
  };
}

/** A file name for the download: `interview-maria-lopez-2024-03-07.ics`. */
export function icsFileName(name: string, start: number): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `interview-${slug || 'meeting'}-${new Date(start).toISOString().slice(0, 10)}.ics`;
}
