import { describe, expect, it } from 'vitest';
import { findComposes } from '../../../lib/gmail/compose';
import { isReply, readComposeAt, sentMessageOf, snapshotOf } from '../../../entrypoints/gmail.content/snapshot';
import { loadFixture } from '../../helpers/dom';

const INBOX = 'https://mail.google.com/mail/u/0/#inbox';
const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJqWlbZqPtwXJvKcJsPLvT';

describe('what the compose menu reads from a compose', () => {
  it("takes names from the chips (commas and all), and never a chip that only repeats the address", () => {
    const doc = loadFixture('gmail-compose-multi.html', INBOX);
    const [c21, c22, c23] = findComposes(doc);
    // Mixed-case address in the chip: matched lower-cased.
    expect(snapshotOf(c21!).recipients).toEqual([{ email: 'priya.natarajan@example.com', name: 'Priya Natarajan', field: 'to' }]);
    expect(snapshotOf(c22!)).toEqual({
      recipients: [
        { email: 'hannah.becker@example.com', name: 'Becker, Hannah', field: 'to' },
        { email: 'ravi.shah@example.net', name: 'Shah, Ravi (Legal)', field: 'cc' },
      ],
      subject: 'Informational interview — 20 minutes?',
      isReply: false,
    });
    // The same address twice (second chip upper-case) is one recipient, named by the chip with a name.
    expect(snapshotOf(c23!).recipients).toEqual([
      { email: 'zoe.angstrom-nunez@example.com', name: 'Zoë Ångström-Núñez', field: 'to' },
      { email: 'tomas.alvarez@example.com', name: 'Tomás Alvarez', field: 'bcc' },
    ]);
    // A chip whose "name" is only the address again has no name.
    c23!.element.querySelector('[data-name="Zoë Ångström-Núñez"]')!.remove();
    expect(snapshotOf(readComposeAt(c23!.element)!).recipients[0]).toEqual({
      email: 'zoe.angstrom-nunez@example.com',
      name: null,
      field: 'to',
    });
  });

  it('treats an inline reply as a reply, whose subject is left alone', () => {
    const doc = loadFixture('gmail-reply.html', THREAD);
    const [reply] = findComposes(doc);
    expect(isReply(reply!)).toBe(true);
    expect(snapshotOf(reply!)).toMatchObject({ subject: 'Re: Q3 partnership proposal — next steps', isReply: true });
    expect(snapshotOf(reply!).recipients.map((r) => r.name)).toEqual(['Hannah Becker', 'Ravi Shah']);
  });

  it('re-reads a compose from its element, and counts an address typed but not yet a chip when Send is pressed', () => {
    const doc = loadFixture('gmail-compose-multi.html', INBOX);
    const c22 = findComposes(doc)[1]!;
    const input = c22.element.querySelector<HTMLInputElement>('.anm[name=to] input[peoplekit-id]')!;
    input.value = 'Marcus Lindqvist <Marcus.Lindqvist@example.com>';
    const fresh = readComposeAt(c22.element)!;
    expect(fresh.element).toBe(c22.element);
    expect(sentMessageOf(fresh)).toEqual({
      to: ['hannah.becker@example.com', 'marcus.lindqvist@example.com'],
      cc: ['ravi.shah@example.net'],
      bcc: [],
    });
    // A half-typed address is not one.
    const c23 = findComposes(doc)[2]!;
    expect(sentMessageOf(c23).to).toEqual(['zoe.angstrom-nunez@example.com']);
  });
});

describe('legacy recipient chips', () => {
  it('takes the display name from the chip\'s hidden "Name" <address> value', () => {
    const doc = loadFixture('gmail-compose-legacy.html', INBOX);
    const [c41] = findComposes(doc);
    expect(snapshotOf(c41!).recipients).toEqual([
      { email: 'hannah.becker@example.com', name: 'Becker, Hannah', field: 'to' },
      { email: 'ravi.shah@example.net', name: 'Ravi Shah', field: 'cc' },
      { email: 'marcus.lindqvist@example.com', name: null, field: 'cc' },
    ]);
  });
});
