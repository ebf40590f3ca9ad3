/**
 * Who can introduce you (issue 16): mutual connections the page names, people you know at the
 * person's company, people who introduced you to someone there before — ranked so that people you
 * have met, thanked or kept in touch with come before people you never talked to.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WarmIntroDB } from '../../lib/db';
import { Repository } from '../../lib/repository';
import { createServer } from '../../lib/server';
import { historyFacts, rankIntroducers, recordWarmth, relationshipFromRecord, relationshipOf, warmOrder, type Candidate } from '../../lib/warm-path';
import { Attempt, Meeting } from '../../lib/schemas';
import { EXTENSION_PAGE } from '../../lib/senders';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 23, 12);
const TARGET = 'https://www.linkedin.com/in/bea-target/';
const TARGET_MEMBER = 'ACoAABeaTargetMemberId0123456789abcdef';

function candidate(name: string, over: Partial<Candidate> & { rel?: Partial<Candidate['relationship']>; inNetwork?: 0 | 1 } = {}): Candidate {
  const { rel, inNetwork, ...rest } = over;
  return {
    contact: { id: name, name, profileUrl: null, stage: 'prospect', inPipeline: 0, inNetwork: inNetwork ?? 1, company: null, repliedAt: null },
    relationship: { met: false, talked: false, lastTalkedAt: null, ...rel },
    mutual: false,
    sameCompany: null,
    introducedBefore: [],
    introduction: null,
    ...rest,
  };
}

describe('rankIntroducers', () => {
  it('puts people you met above people you only talked to, above connections you never talked to', () => {
    const ranked = rankIntroducers([
      candidate('Never Talked', { mutual: true, sameCompany: 'Acme', introducedBefore: [{ name: 'X', company: 'Acme' }] }),
      candidate('Talked Once', { mutual: true, rel: { talked: true, lastTalkedAt: T0 } }),
      candidate('Met Before', { sameCompany: 'Acme', rel: { met: true, talked: true, lastTalkedAt: T0 - 90 * DAY } }),
      candidate('Stranger Prospect', { mutual: true, inNetwork: 0 }),
    ]);
    expect(ranked.map((r) => r.name)).toEqual(['Met Before', 'Talked Once', 'Never Talked', 'Stranger Prospect']);
  });

  it('within the same warmth: introduced before, then mutual, then same company; then the more recent', () => {
    const ranked = rankIntroducers([
      candidate('Same Company', { sameCompany: 'Acme' }),
      candidate('Mutual', { mutual: true }),
      candidate('Introduced', { introducedBefore: [{ name: 'Ana Souza', company: 'Acme' }] }),
      candidate('Mutual Recent', { mutual: true, rel: { lastTalkedAt: T0 } }),
    ]);
    expect(ranked.map((r) => r.name)).toEqual(['Introduced', 'Mutual Recent', 'Mutual', 'Same Company']);
  });

  it('writes reasons in plain English, drops people with no reason, and keeps to the limit', () => {
    const [first] = rankIntroducers([
      candidate('Marcus', { mutual: true, sameCompany: 'Acme GmbH', introducedBefore: [{ name: 'Ana Souza', company: 'Acme' }, { name: 'Bo Li', company: 'Acme' }] }),
      candidate('Nobody'),
    ]);
    expect(first!.reasons).toEqual([
      { kind: 'introduced-before', text: 'Introduced you to Ana Souza (Acme) and 1 other' },
      { kind: 'mutual', text: 'Mutual connection' },
      { kind: 'same-company', text: 'Works at Acme GmbH' },
    ]);
    expect(rankIntroducers([candidate('Nobody')])).toEqual([]);
    const many = Array.from({ length: 20 }, (_, i) => candidate(`P${String(i).padStart(2, '0')}`, { mutual: true }));
    expect(rankIntroducers(many)).toHaveLength(8);
    expect(rankIntroducers(many, 3).map((r) => r.name)).toEqual(['P00', 'P01', 'P02']);
  });

  it('relationshipOf: a held meeting or a met stage is met; a reply is talked; the latest contact is when you last talked', () => {
    const base = { stage: 'prospect' as const, inPipeline: 1 as const, repliedAt: null };
    expect(relationshipOf(base, [], [])).toEqual({ met: false, talked: false, lastTalkedAt: null });
    expect(relationshipOf({ ...base, stage: 'thanked' }, [], [])).toMatchObject({ met: true, talked: true });
    expect(relationshipOf({ ...base, stage: 'thanked', inPipeline: 0 }, [], [])).toMatchObject({ met: false });
    expect(relationshipOf({ ...base, repliedAt: T0 }, [{ at: T0 - DAY } as never], [])).toEqual({ met: false, talked: true, lastTalkedAt: T0 });
  });
});

describe('ranking from the record alone', () => {
  const attempt = (at: number) => Attempt.parse({ id: `a${at}`, contactId: 'c', at, channel: 'email', kind: 'request', createdAt: at });
  const meeting = (scheduledAt: number, held: boolean) => Meeting.parse({ id: `m${scheduledAt}`, contactId: 'c', scheduledAt, held, createdAt: T0, updatedAt: T0 });

  it('stores what the histories say, and gives back the same relationship', () => {
    const attempts = [attempt(T0 - 9 * DAY), attempt(T0 - 2 * DAY)];
    const meetings = [meeting(T0 - 5 * DAY, true), meeting(T0 + DAY, false)];
    expect(historyFacts(attempts, meetings)).toEqual({ talkedAt: T0 - 2 * DAY, heldMeeting: 1 });
    expect(historyFacts([], [meeting(T0, false)])).toEqual({ talkedAt: null, heldMeeting: 0 });
    for (const contact of [
      { stage: 'requested' as const, inPipeline: 1 as const, repliedAt: null },
      { stage: 'thanked' as const, inPipeline: 1 as const, repliedAt: T0 - DAY },
      { stage: 'prospect' as const, inPipeline: 0 as const, repliedAt: T0 + DAY },
    ]) {
      for (const [a, m] of [[attempts, meetings], [[], []], [attempts, []], [[], [meeting(T0, false)]]] as const) {
        expect(relationshipFromRecord({ ...contact, ...historyFacts([...a], [...m]) })).toEqual(relationshipOf(contact, [...a], [...m]));
      }
    }
  });

  it('counts a held meeting as met in the stored warmth, whatever the stage', () => {
    const network = { source: 'csv' };
    expect(recordWarmth({ stage: 'prospect', inPipeline: 0, repliedAt: null, network, heldMeeting: 1 })).toBe(3);
    expect(recordWarmth({ stage: 'prospect', inPipeline: 0, repliedAt: null, network, heldMeeting: 0 })).toBe(1);
    expect(recordWarmth({ stage: 'prospect', inPipeline: 0, repliedAt: null, network: null, heldMeeting: 1 })).toBe(-1);
  });

  it('orders warmer first, then the later talk; people you do not know yet after everyone', () => {
    const keys = [
      ['never talked, network', warmOrder(1, null)],
      ['met long ago', warmOrder(3, T0 - 400 * DAY)],
      ['replied yesterday', warmOrder(2, T0 - DAY)],
      ['met last week', warmOrder(3, T0 - 7 * DAY)],
      ['bare target written to', warmOrder(-1, T0)],
      ['prospect written to', warmOrder(0, T0 - 3 * DAY)],
      ['prospect', warmOrder(0, null)],
    ] as const;
    const sorted = [...keys].sort((a, b) => a[1] - b[1]);
    expect(sorted.map(([k]) => k)).toEqual(['met last week', 'met long ago', 'replied yesterday', 'never talked, network', 'prospect written to', 'prospect', 'bare target written to']);
    // The company range reads keys up to 0: everyone you know, no bare target.
    expect(keys.filter(([, o]) => o <= 0)).toHaveLength(6);
  });
});

describe('introducers for a profile (repository)', () => {
  let db: WarmIntroDB;
  let repo: Repository;
  let now = T0;
  beforeEach(() => {
    now = T0;
    db = new WarmIntroDB(`test-${crypto.randomUUID()}`);
    repo = new Repository(db, () => now);
  });
  afterEach(async () => {
    await db.delete();
  });

  const net = (name: string, company: string | null = null, profileUrl: string | null = null) =>
    repo.logContact({ name, company, profileUrl, inPipeline: 0, network: { source: 'linkedin-export' } }).then((r) => r.contact);

  it('matches the mutual connections a page names to your network, by normalised name, and ranks by how well you know them', async () => {
    const ana = await net('Ana Maria Souza');
    const jose = await net('José Núñez, PhD');
    await net('Unrelated Person');
    // Jose you have met (and thanked): he comes first.
    const { contact: joseP } = await repo.logContact({ name: 'José Núñez', profileUrl: null });
    expect(joseP.id).not.toBe(jose.id); // no profile link: a separate record, as logged
    await repo.markInterviewed(jose.id);
    const list = await repo.introducersForProfile({
      profileUrl: TARGET,
      company: 'Northwind',
      mutualNames: ['ana m. souza', 'Dr. Jose Nunez', 'Someone Unknown'],
    });
    // Met, then a connection, then a prospect you have never written to.
    expect(list.map((i) => i.name)).toEqual(['José Núñez, PhD', 'Ana Maria Souza', 'José Núñez']);
    expect(list[0]!.reasons).toEqual([{ kind: 'mutual', text: 'Mutual connection' }]);
    expect(list[1]).toMatchObject({ contactId: ana.id, inNetwork: true, stage: null, lastTalkedAt: null });
  });

  it('adds people you know at the person’s company (normalised) and people who introduced you there before; never the person', async () => {
    const carl = await net('Carl Berg', 'ACME, Inc.');
    const { contact: target } = await repo.logContact({ name: 'Bea Target', company: 'Acme GmbH', profileUrl: TARGET, memberId: TARGET_MEMBER });
    const dora = await net('Dora Intro', 'Fabrikam');
    // Dora introduced you to Eve at Acme before; Fred (referred by Dora? no: by name) too.
    await repo.logContact({ name: 'Eve Earlier', company: 'Acme', referrer: { type: 'contact', contactId: dora.id } });
    const list = await repo.introducersForProfile({ memberId: TARGET_MEMBER, company: 'Acme', mutualNames: ['Bea Target'] });
    expect(list.map((i) => i.name)).toEqual(['Dora Intro', 'Carl Berg', 'Eve Earlier']);
    expect(list[0]!.reasons).toEqual([{ kind: 'introduced-before', text: 'Introduced you to Eve Earlier (Acme)' }]);
    expect(list[1]!.reasons).toEqual([{ kind: 'same-company', text: 'Works at ACME, Inc.' }]);
    expect(list.some((i) => i.contactId === target.id)).toBe(false);
    expect(list[1]!.contactId).toBe(carl.id);
  });

  it('uses the company on record when the page shows none, and mutual profile links when the page gives them', async () => {
    await repo.logContact({ name: 'Bea Target', company: 'Contoso', profileUrl: TARGET });
    const gus = await net('Gus Link', null, 'https://www.linkedin.com/in/gus-link/');
    await net('Hal Contoso', 'Contoso Ltd');
    const list = await repo.introducersForProfile({
      profileUrl: TARGET,
      mutualNames: [],
      mutualProfileUrls: ['https://de.linkedin.com/in/Gus-Link/?trk=x'],
    });
    expect(list.map((i) => i.name)).toEqual(['Gus Link', 'Hal Contoso']);
    expect(list[0]!.contactId).toBe(gus.id);
  });

  it('answers through the protocol and shows an introduction already recorded', async () => {
    const ana = await net('Ana Souza');
    const saved = await repo.saveIntroducer({ target: { name: 'Bea Target', profileUrl: TARGET }, introducer: { name: 'Ana Souza' } });
    expect(saved.introducer.id).toBe(ana.id);
    const server = createServer(repo);
    const reply = (await server({ type: 'introducers.forProfile', payload: { profileUrl: TARGET, mutualNames: ['Ana Souza'] } }, EXTENSION_PAGE)) as {
      ok: true;
      data: Array<{ name: string; introduction: unknown }>;
    };
    expect(reply.data).toEqual([expect.objectContaining({ name: 'Ana Souza', introduction: { id: saved.introduction.id, status: 'suggested' } })]);
    const bad = await server({ type: 'introducers.forProfile', payload: { mutualNames: Array(51).fill('x') } }, EXTENSION_PAGE);
    expect(bad.ok).toBe(false);
  });
});

describe('company people, badges, saving an introducer', () => {
  let db: WarmIntroDB;
  let repo: Repository;
  let now = T0;
  beforeEach(() => {
    now = T0;
    db = new WarmIntroDB(`test-${crypto.randomUUID()}`);
    repo = new Repository(db, () => now);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('lists the people you know at a company, best known first, with stage and when you last talked', async () => {
    await repo.logContact({ name: 'Net Only', company: 'Acme AB', inPipeline: 0, network: { source: 'csv' } });
    const { contact: met } = await repo.logContact({ name: 'Met Person', company: 'acme' });
    await repo.markInterviewed(met.id);
    await repo.logContact({ name: 'Other Co', company: 'Fabrikam' });
    await repo.logContact({ name: 'Bare Target', company: 'Acme', inPipeline: 0 });
    const people = await repo.companyPeople('ACME');
    expect(people.total).toBe(2);
    expect(people.people).toEqual([
      expect.objectContaining({ name: 'Met Person', stage: 'interviewed', inNetwork: false, lastTalkedAt: now }),
      expect.objectContaining({ name: 'Net Only', stage: null, inNetwork: true, lastTalkedAt: null }),
    ]);
    expect(await repo.companyPeople('Nobody Corp')).toEqual({ total: 0, people: [] });
  });

  it('badges the people you know on a list, by canonical URL, in either profile-link form', async () => {
    const member = 'ACoAAMemberOfThePipeline0123456789abc';
    await repo.logContact({ name: 'In Pipeline', profileUrl: 'https://www.linkedin.com/in/in-pipeline/', memberId: member });
    await repo.logContact({ name: 'In Network', profileUrl: 'https://www.linkedin.com/in/in-network/', inPipeline: 0, network: { source: 'manual' } });
    const badges = await repo.badges([
      `https://www.linkedin.com/in/${member}/`,
      'https://www.linkedin.com/in/In-Network?trk=people',
      'https://www.linkedin.com/in/stranger/',
      'https://www.linkedin.com/company/acme/',
    ]);
    expect(Object.keys(badges).sort()).toEqual([`https://www.linkedin.com/in/${member}/`, 'https://www.linkedin.com/in/in-network/']);
    expect(badges[`https://www.linkedin.com/in/${member}/`]?.label).toBe('Prospect');
    expect(badges['https://www.linkedin.com/in/in-network/']?.label).toBe('In your network');
  });

  it('saves a listed mutual connection as a possible introducer: both recorded, the target outside the pipeline', async () => {
    const result = await repo.saveIntroducer({
      target: { name: 'Bea Target', profileUrl: TARGET, company: 'Acme' },
      introducer: { name: 'Ivy New', profileUrl: 'https://www.linkedin.com/in/ivy-new/' },
      why: 'She leads the research team.',
    });
    expect(result.introducer).toMatchObject({ inNetwork: 1, inPipeline: 0, network: { source: 'manual' } });
    expect(result.target).toMatchObject({ inPipeline: 0, inNetwork: 0, company: 'Acme' });
    expect(result.introduction).toMatchObject({ status: 'suggested', why: 'She leads the research team.', introducerId: result.introducer.id, targetId: result.target.id });
    expect((await repo.summary()).total).toBe(0);
    // Saving again finds the same records.
    const again = await repo.saveIntroducer({ target: { name: 'Bea Target', profileUrl: TARGET }, introducer: { name: 'Ivy New', profileUrl: 'https://www.linkedin.com/in/ivy-new/' } });
    expect(again.introduction.id).toBe(result.introduction.id);
    expect(await db.contacts.count()).toBe(2);
    expect((await repo.badges([TARGET]))[TARGET]?.label).toBe('Possible introduction');
    await expect(repo.saveIntroducer({ target: { name: 'Bea Target', profileUrl: TARGET }, introducer: { name: 'Bea', profileUrl: TARGET } })).rejects.toThrow(/themselves/);
  });
});
