import { describe, expect, it } from 'vitest';
import { escapeText, eventToIcs, foldLine, icsDate, icsFileName, meetingEvent } from '../../lib/ics';

const octets = (s: string) => new TextEncoder().encode(s).length;

/** Undo folding (RFC 5545 §3.1): a CRLF followed by one space or tab is removed. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

const meeting = {
  id: 'm-1',
  scheduledAt: Date.UTC(2024, 2, 7, 14, 30),
  minutes: 20,
  questions: ['What does a typical day look like?', 'Who else should I talk to; could you name two people?'],
  updatedAt: Date.UTC(2024, 2, 1, 9, 0, 5),
};
const contact = { name: 'María López, PhD', company: 'Northwind; Labs', profileUrl: 'https://www.linkedin.com/in/maria-lopez/' };

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });
  it('drops control characters that TEXT does not allow', () => {
    expect(escapeText('a\u0000b\u0007c\td')).toBe('abc\td');
  });
});

describe('foldLine', () => {
  it('leaves a short line alone', () => {
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
  });

  it('folds at 75 octets with a leading space on continuation lines', () => {
    const line = `DESCRIPTION:${'x'.repeat(200)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(octets(p)).toBeLessThanOrEqual(75);
    for (const p of parts.slice(1)) expect(p.startsWith(' ')).toBe(true);
    expect(unfold(folded)).toBe(line);
  });

  it('never splits a multi-byte character', () => {
    const line = `SUMMARY:${'é🎉ñ'.repeat(40)}`;
    const folded = foldLine(line);
    for (const p of folded.split('\r\n')) {
      expect(octets(p)).toBeLessThanOrEqual(75);
      expect(p).not.toMatch(/\uFFFD/);
      expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(p))).toBe(p);
    }
    expect(unfold(folded)).toBe(line);
  });
});

describe('icsDate', () => {
  it('writes UTC basic format', () => {
    expect(icsDate(Date.UTC(2024, 2, 7, 14, 30, 5, 999))).toBe('20240307T143005Z');
  });
});

describe('eventToIcs', () => {
  const ics = eventToIcs(meetingEvent(meeting, contact, 'Sam Lee'));
  const lines = unfold(ics).split('\r\n');

  it('is a VCALENDAR with one VEVENT and CRLF line endings only', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(ics.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    for (const l of ics.split('\r\n')) expect(octets(l)).toBeLessThanOrEqual(75);
  });

  it('has UTC start and end times from the meeting length, and a DTSTAMP', () => {
    expect(lines).toContain('DTSTART:20240307T143000Z');
    expect(lines).toContain('DTEND:20240307T145000Z');
    expect(lines).toContain('DTSTAMP:20240301T090005Z');
  });

  it('has a UID derived from the meeting, the same on every download', () => {
    expect(lines).toContain('UID:meeting-m-1@warm-intro');
    expect(eventToIcs(meetingEvent(meeting, contact, 'Sam Lee'))).toBe(ics);
    const moved = eventToIcs(meetingEvent({ ...meeting, scheduledAt: meeting.scheduledAt + 3_600_000, updatedAt: meeting.updatedAt + 1 }, contact, null));
    expect(unfold(moved)).toContain('UID:meeting-m-1@warm-intro');
  });

  it('escapes text values: commas and semicolons in names, newlines in the description', () => {
    expect(lines).toContain('SUMMARY:Informational interview: María López\\, PhD');
    const description = lines.find((l) => l.startsWith('DESCRIPTION:'))!;
    expect(description).toContain('(Northwind\\; Labs)');
    expect(description).toContain('Introduced by Sam Lee.');
    expect(description).toContain('\\n\\nQuestions:\\n1. What does a typical day look like?\\n2. Who else should I talk to\\; could you name two people?');
    expect(lines).toContain('URL:https://www.linkedin.com/in/maria-lopez/');
  });

  it('writes no URL that is not a plain https URL', () => {
    const out = eventToIcs({ uid: 'x', start: 0, minutes: 15, summary: 's', stamp: 0, url: 'javascript:alert(1)' });
    expect(out).not.toContain('URL:');
  });
});

describe('icsFileName', () => {
  it('makes a safe, dated file name', () => {
    expect(icsFileName('María López, PhD', meeting.scheduledAt)).toBe('interview-maria-lopez-phd-2024-03-07.ics');
    expect(icsFileName('李雷', meeting.scheduledAt)).toBe('interview-meeting-2024-03-07.ics');
  });
});
