/**
 * Asking for an introduction (issue 16): the request counts as an attempt on the introducer (not
 * toward the 3/6 rule, no stage move), marks the introduction asked, brings one gentle follow-up
 * after `introFollowUpDays` and then stops; "introduced" makes the introducer the target's referrer
 * and puts the target in the pipeline; insights count introductions asked and made.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WarmIntroDB } from '../../lib/db';
import { reminderText } from '../../lib/reminders';
import { Repository } from '../../lib/repository';
import { createServer } from '../../lib/server';
import { renderForContact, templateContext } from '../../lib/templates';
import { EXTENSION_PAGE } from '../../lib/senders';

const DAY = 86_400_000;
let db: WarmIntroDB;
let repo: Repository;
let now = Date.UTC(2026, 10, 23, 12);

beforeEach(() => {
  now = Date.UTC(2026, 10, 23, 12);
  db = new WarmIntroDB(`test-${crypto.randomUUID()}`);
  repo = new Repository(db, () => now);
});
afterEach(async () => {
  await db.delete();
});

async function setup() {
  const { contact: marcus } = await repo.logContact({
    name: 'Marcus Lindqvist',
    profileUrl: 'https://www.linkedin.com/in/marcus-lindqvist/',
    inPipeline: 0,
    network: { source: 'linkedin-export' },
  });
  const { introduction, target } = await repo.askIntroduction({
    introducerId: marcus.id,
    target: { name: 'Bea Target', company: 'Acme', profileUrl: 'https://www.linkedin.com/in/bea-target/' },
    why: 'She runs the research team I hope to join.',
  });
  return { marcus, introduction, target };
}

describe('introduction requests', () => {
  it('start as suggested, the target outside the pipeline, and appear on both people’s views', async () => {
    const { marcus, introduction, target } = await setup();
    expect(introduction).toMatchObject({ status: 'suggested', askedAt: null, why: 'She runs the research team I hope to join.' });
    expect(target).toMatchObject({ inPipeline: 0, inNetwork: 0, company: 'Acme' });
    expect((await repo.summary()).total).toBe(0);
    const views = [await repo.lookup({ id: marcus.id }), await repo.lookup({ id: target.id })];
    for (const v of views) {
      expect(v!.introductions).toEqual([
        expect.objectContaining({ id: introduction.id, introducerName: 'Marcus Lindqvist', targetName: 'Bea Target', targetCompany: 'Acme', followUpDueAt: null }),
      ]);
    }
    // Asking again finds the same request.
    const again = await repo.askIntroduction({ introducerId: marcus.id, target: { id: target.id } });
    expect(again.introduction.id).toBe(introduction.id);
    await expect(repo.askIntroduction({ introducerId: marcus.id, target: { id: marcus.id } })).rejects.toThrow(/themselves/);
  });

  it('sending the request counts on the introducer, marks it asked, and leaves the 3/6 rule and stage alone', async () => {
    const { marcus, introduction } = await setup();
    await repo.toPipeline(marcus.id); // Marcus is also someone you plan to interview
    const { attempt, contact } = await repo.recordAttempt({
      contactId: marcus.id,
      channel: 'email',
      kind: 'intro-request',
      introductionId: introduction.id,
      subject: 'Would you introduce me to Bea Target?',
    });
    expect(attempt).toMatchObject({ kind: 'intro-request', introductionId: introduction.id });
    expect(contact.stage).toBe('prospect');
    const view = (await repo.lookup({ id: marcus.id }))!;
    expect(view.attempts).toHaveLength(1);
    expect(view.status.attemptsUsed).toBe(0);
    expect(view.introductions[0]).toMatchObject({ status: 'asked', askedAt: now, followUpDueAt: now + 7 * DAY });
    expect(view.status.next).toMatchObject({ action: 'intro-follow-up', dueAt: now + 7 * DAY, introductionId: introduction.id });
  });

  it('refuses an intro-request without its introduction, or sent to someone else', async () => {
    const { marcus, introduction, target } = await setup();
    await expect(repo.recordAttempt({ contactId: marcus.id, channel: 'email', kind: 'intro-request' })).rejects.toThrow(/introductionId/);
    await expect(
      repo.recordAttempt({ contactId: target.id, channel: 'email', kind: 'intro-request', introductionId: introduction.id }),
    ).rejects.toThrow(/introducer/);
    await expect(repo.recordAttempt({ contactId: marcus.id, channel: 'email', kind: 'request', introductionId: introduction.id })).rejects.toThrow();
    expect(await db.attempts.count()).toBe(0);
  });

  it('brings one gentle follow-up after 7 days (a setting), then stops', async () => {
    const { marcus, introduction } = await setup();
    await repo.recordAttempt({ contactId: marcus.id, channel: 'email', kind: 'intro-request', introductionId: introduction.id });
    expect(await repo.due(now + 6 * DAY)).toEqual([]);
    const due = await repo.due(now + 7 * DAY);
    expect(due.map((d) => [d.contact.name, d.status.next?.action])).toEqual([['Marcus Lindqvist', 'intro-follow-up']]);
    expect(reminderText(due[0]!, now + 7 * DAY, null).title).toBe('Follow up with Marcus Lindqvist about your introduction request');
    // The setting moves it.
    await repo.saveSettings({ introFollowUpDays: 10 });
    expect(await repo.due(now + 9 * DAY)).toEqual([]);
    expect(await repo.due(now + 10 * DAY)).toHaveLength(1);

    // The follow-up is sent (the same template again): nothing more is due, ever.
    now += 10 * DAY;
    await repo.recordAttempt({ contactId: marcus.id, channel: 'email', kind: 'intro-request', introductionId: introduction.id });
    const [view] = await repo.listIntroductions({ introducerId: marcus.id });
    expect(view).toMatchObject({ status: 'asked', followedUpAt: now, followUpDueAt: null });
    expect(await repo.due(now + 365 * DAY)).toEqual([]);
    expect((await repo.contact(marcus.id)).nextDueAt).toBeNull();
  });

  it('a reminder’s "done" (intro.followedUp) records the follow-up once', async () => {
    const { marcus, introduction } = await setup();
    await repo.recordAttempt({ contactId: marcus.id, channel: 'linkedin', kind: 'intro-request', introductionId: introduction.id });
    now += 8 * DAY;
    const server = createServer(repo);
    const reply = (await server({ type: 'intro.followedUp', payload: { introducerId: marcus.id } }, EXTENSION_PAGE)) as { ok: true; data: { followedUpAt: number } };
    expect(reply.data.followedUpAt).toBe(now);
    expect(await repo.due(now + 30 * DAY)).toEqual([]);
    expect(await server({ type: 'intro.followedUp', payload: { introducerId: marcus.id } }, EXTENSION_PAGE)).toEqual({ ok: true, data: null });
    expect(await db.attempts.count()).toBe(2);
  });

  it('marked introduced: the introducer becomes the target’s referrer and the target joins the pipeline', async () => {
    const { marcus, introduction, target } = await setup();
    await repo.recordAttempt({ contactId: marcus.id, channel: 'email', kind: 'intro-request', introductionId: introduction.id });
    now += 3 * DAY;
    const view = await repo.setIntroductionStatus(introduction.id, 'introduced');
    expect(view).toMatchObject({ status: 'introduced', resolvedAt: now, followUpDueAt: null });
    const bea = await repo.contact(target.id);
    expect(bea).toMatchObject({ inPipeline: 1, stage: 'prospect', referrer: { type: 'contact', contactId: marcus.id } });
    expect((await repo.lookup({ id: target.id }))?.referrerName).toBe('Marcus Lindqvist');
    expect((await repo.summary()).counts.prospect).toBe(1);
    expect(await repo.due(now + 30 * DAY)).toEqual([]);
    // The referral tree and the insights count it.
    const insights = await repo.insights();
    expect(insights.introductions).toEqual({ asked: 1, made: 1, byIntroducer: [{ contactId: marcus.id, name: 'Marcus Lindqvist', asked: 1, made: 1 }] });
    expect(insights.tree).toEqual([
      expect.objectContaining({ id: marcus.id, introductionsMade: 1, stage: null, children: [expect.objectContaining({ id: target.id, name: 'Bea Target' })] }),
    ]);
  });

  it('declined or no answer closes it; asked again starts afresh', async () => {
    const { marcus, introduction } = await setup();
    await repo.recordAttempt({ contactId: marcus.id, channel: 'email', kind: 'intro-request', introductionId: introduction.id });
    await repo.setIntroductionStatus(introduction.id, 'no-answer');
    expect(await repo.due(now + 30 * DAY)).toEqual([]);
    now += 20 * DAY;
    await repo.setIntroductionStatus(introduction.id, 'asked');
    expect((await repo.due(now + 7 * DAY)).map((d) => d.contact.id)).toEqual([marcus.id]);
    const declined = await repo.setIntroductionStatus(introduction.id, 'declined');
    expect(declined).toMatchObject({ status: 'declined', resolvedAt: now });
    expect((await repo.insights()).introductions).toMatchObject({ asked: 1, made: 0 });
  });

  it('are listed by target or introducer, and deleted with either person', async () => {
    const { marcus, target } = await setup();
    expect((await repo.listIntroductions({ targetId: target.id })).map((i) => i.introducerName)).toEqual(['Marcus Lindqvist']);
    expect(await repo.listIntroductions({ introducerId: target.id })).toEqual([]);
    await repo.deleteContact(marcus.id);
    expect(await db.introductions.count()).toBe(0);
  });

  it('the "Ask for an introduction" template names the target and carries a note to forward', async () => {
    const { marcus, target } = await setup();
    const template = await repo.template('intro-request');
    expect(template).toMatchObject({ name: 'Ask for an introduction', kind: 'intro-request' });
    const ctx = templateContext({
      contact: marcus,
      referrerName: null,
      settings: { ...(await repo.settings()), userName: 'Alex Morgan', fieldOfInterest: 'user research' },
      introduction: { targetName: target.name, targetCompany: target.company, why: 'She runs the research team I hope to join.' },
    });
    const full = renderForContact(template, ctx);
    expect(full.subject).toBe('Would you introduce me to Bea Target?');
    expect(full.body).toMatch(/^Hi Marcus,/);
    expect(full.body).toContain('"Hi Bea, Alex Morgan is exploring user research');
    expect(full.missing).toEqual([]);
    const short = renderForContact(template, ctx, { short: true });
    expect(short.body).toContain('Bea Target (Acme)');
    expect(short.body.length).toBeLessThanOrEqual(200);
  });
});
