/**
 * The warm path: who can introduce you to a person, ranked. Pure functions of the candidates the
 * repository found (lib/repository/network.ts) — mutual connections the page names, people you know
 * at the person's company, people who already introduced you to someone there — and of what you
 * have done with each (met, talked, never). Someone you have met, thanked or kept in touch with is
 * a warmer introducer than a connection you have never talked to, whatever the reasons say.
 */
import type { Attempt, Contact, IntroductionStatus, Meeting, Stage } from './schemas';

export type IntroducerReasonKind = 'mutual' | 'same-company' | 'introduced-before';

export interface Relationship {
  /** Met (a held meeting, or a stage that says so), thanked or kept in touch. */
  met: boolean;
  /** They answered you, or you met. */
  talked: boolean;
  /** The latest of: a note you sent, their reply, a held meeting. */
  lastTalkedAt: number | null;
}

const MET_STAGES: ReadonlySet<Stage> = new Set(['interviewed', 'thanked', 'keeping-in-touch']);

export function relationshipOf(contact: Pick<Contact, 'stage' | 'inPipeline' | 'repliedAt'>, attempts: Attempt[], meetings: Meeting[]): Relationship {
  return relationshipFromRecord({ ...contact, ...historyFacts(attempts, meetings) });
}

/**
 * What a contact's attempts and meetings say about the relationship, stored on the contact
 * (`talkedAt`, `heldMeeting`) by every write that changes them, so a page request ranks people
 * from their records alone, without reading histories: the latest note sent or meeting held, and
 * whether a meeting was held.
 */
export function historyFacts(attempts: Attempt[], meetings: Meeting[]): { talkedAt: number | null; heldMeeting: 0 | 1 } {
  const held = meetings.filter((m) => m.held);
  const times = [...attempts.map((a) => a.at), ...held.map((m) => m.scheduledAt)];
  return { talkedAt: times.length ? Math.max(...times) : null, heldMeeting: held.length ? 1 : 0 };
}

// Typed without `Contact`, like `recordWarmth`: lib/schemas.ts uses it while defining `Contact`.
type TalkRecord = { stage: string; inPipeline: number; repliedAt: number | null; talkedAt?: number | null; heldMeeting?: number };

/** The relationship from a contact's record and its stored history facts (`historyFacts`). */
export function relationshipFromRecord(contact: TalkRecord): Relationship {
  const met = contact.heldMeeting === 1 || (contact.inPipeline === 1 && (MET_STAGES as ReadonlySet<string>).has(contact.stage));
  const times = [contact.talkedAt ?? null, contact.repliedAt].filter((t): t is number => t !== null);
  return { met, talked: met || contact.repliedAt !== null, lastTalkedAt: times.length ? Math.max(...times) : null };
}

export interface Candidate {
  contact: Pick<Contact, 'id' | 'name' | 'profileUrl' | 'stage' | 'inPipeline' | 'inNetwork' | 'company' | 'repliedAt'>;
  relationship: Relationship;
  /** The page lists them as a mutual connection. */
  mutual: boolean;
  /** They work at the person's company (as the page or your records name it). */
  sameCompany: string | null;
  /** People at that company they introduced you to (or referred you to). */
  introducedBefore: Array<{ name: string; company: string | null }>;
  introduction: { id: string; status: IntroductionStatus } | null;
}

export interface RankedIntroducer {
  contactId: string;
  name: string;
  profileUrl: string | null;
  stage: Stage | null;
  inNetwork: boolean;
  lastTalkedAt: number | null;
  reasons: Array<{ kind: IntroducerReasonKind; text: string }>;
  score: number;
  introduction: { id: string; status: IntroductionStatus } | null;
}

/**
 * How warm the relationship is, from the record and its stored history facts: met 3 (a held
 * meeting, or a stage that says so), talked 2 (they replied), in your network 1, never talked 0;
 * -1 for someone you do not know yet (neither network nor pipeline: a bare introduction target).
 * The same as `warmth()` of a candidate built from that record. Stored on every contact.
 */
// Typed without `Contact`: lib/schemas.ts computes it while defining `Contact`.
export function recordWarmth(contact: { stage: string; inPipeline: number; repliedAt: number | null; network: unknown; heldMeeting?: number }): -1 | 0 | 1 | 2 | 3 {
  if (contact.inPipeline !== 1 && !contact.network) return -1;
  if (contact.heldMeeting === 1 || (contact.inPipeline === 1 && (MET_STAGES as ReadonlySet<string>).has(contact.stage))) return 3;
  if (contact.repliedAt !== null) return 2;
  return contact.network ? 1 : 0;
}

/** Latest times beyond this (year 2286) are clamped, so warmth levels never overlap in `warmOrder`. */
const TIME_SPAN = 1e13;

/**
 * The key of the `[companyKey+warmOrder+nameKey]` index: ascending order is warmest first, then
 * the most recently talked to (then by name), so the first rows of a company's range are the
 * people a company panel or an introducer list shows — a few rows at a company where you know
 * thousands. Bare introduction targets (warmth -1) get a positive key, people you know 0 or less.
 */
export function warmOrder(warmth: number, lastTalkedAt: number | null): number {
  return -(warmth * TIME_SPAN + Math.min(lastTalkedAt ?? 0, TIME_SPAN - 1));
}

/** The derived `warmth` and `warmOrder` a contact record is stored with (the schema and the DB middleware both set them). */
export function warmFields(record: TalkRecord & { network: unknown }): { warmth: number; warmOrder: number } {
  const warmth = recordWarmth(record);
  return { warmth, warmOrder: warmOrder(warmth, relationshipFromRecord(record).lastTalkedAt) };
}

/** How warm the relationship is: met 3, talked 2, in your network 1, never talked 0. */
export function warmth(c: Candidate): number {
  return c.relationship.met ? 3 : c.relationship.talked ? 2 : c.contact.inNetwork === 1 ? 1 : 0;
}

/** Reason lines in plain English, strongest first. */
export function reasonsOf(c: Candidate): RankedIntroducer['reasons'] {
  const reasons: RankedIntroducer['reasons'] = [];
  if (c.introducedBefore.length) {
    const [first, ...rest] = c.introducedBefore;
    const who = `${first!.name}${first!.company ? ` (${first!.company})` : ''}`;
    reasons.push({
      kind: 'introduced-before',
      text: `Introduced you to ${who}${rest.length ? ` and ${rest.length} other${rest.length === 1 ? '' : 's'}` : ''}`,
    });
  }
  if (c.mutual) reasons.push({ kind: 'mutual', text: 'Mutual connection' });
  if (c.sameCompany) reasons.push({ kind: 'same-company', text: `Works at ${c.sameCompany}` });
  return reasons;
}

/**
 * Score: warmth first (a hundred points a level, so a met contact always outranks a stranger),
 * then the reasons — an introduction already made is the best sign, then a mutual connection,
 * then the same company.
 */
export function scoreOf(c: Candidate): number {
  const reasons =
    (c.introducedBefore.length ? 50 + Math.min(4, c.introducedBefore.length - 1) * 5 : 0) + (c.mutual ? 30 : 0) + (c.sameCompany ? 15 : 0);
  return warmth(c) * 100 + reasons;
}

/** The best `limit` introducers, best first (ties: talked to more recently, then by name). */
export function rankIntroducers(candidates: Candidate[], limit = 8): RankedIntroducer[] {
  return candidates
    .filter((c) => c.mutual || c.sameCompany || c.introducedBefore.length)
    .map((c) => ({ c, score: scoreOf(c) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        (b.c.relationship.lastTalkedAt ?? -1) - (a.c.relationship.lastTalkedAt ?? -1) ||
        a.c.contact.name.localeCompare(b.c.contact.name),
    )
    .slice(0, limit)
    .map(({ c, score }) => ({
      contactId: c.contact.id,
      name: c.contact.name,
      profileUrl: c.contact.profileUrl,
      stage: c.contact.inPipeline === 1 ? c.contact.stage : null,
      inNetwork: c.contact.inNetwork === 1,
      lastTalkedAt: c.relationship.lastTalkedAt,
      reasons: reasonsOf(c),
      score,
      introduction: c.introduction,
    }));
}
