import { describe, expect, it } from 'vitest';
import { Contact, type ContactInput, DEFAULT_SETTINGS, Template, TEMPLATE_IDS } from '../../lib/schemas';
import {
  DEFAULT_TEMPLATES,
  firstNameOf,
  fitToLimit,
  namesReferrer,
  renderForContact,
  renderTemplate,
  TEMPLATE_VARIABLES,
  templateContext,
} from '../../lib/templates';

const T0 = Date.UTC(2026, 1, 2);
const contact = (over: Partial<ContactInput> = {}) =>
  Contact.parse({ id: 'c1', name: 'Christopher Montgomery', company: 'Northwind Traders', createdAt: T0, updatedAt: T0, ...over });
const settings = { ...DEFAULT_SETTINGS, userName: 'Alex Morgan', fieldOfInterest: 'product management' };

// Realistic, long-ish names: the brief's, and a longer set to keep a margin under LinkedIn's 200.
const NAME_SETS = [
  {
    recipient: 'Christopher Montgomery',
    referrer: 'Olivia Hartmann',
    user: 'Alex Morgan',
    field: 'product management',
    target: 'Priya Natarajan',
    targetCompany: 'Contoso Health',
  },
  {
    recipient: 'Maximilian Featherstone',
    referrer: 'Alexandra Papadopoulos',
    user: 'Jordan Fitzgerald-Hayes',
    field: 'sustainable supply chains',
    target: 'Bartholomew Ashworth-Kensington',
    targetCompany: 'Fabrikam Logistics',
  },
];
const contexts = NAME_SETS.map((n) =>
  templateContext({
    contact: contact({ name: n.recipient }),
    referrerName: n.referrer,
    settings: { ...DEFAULT_SETTINGS, userName: n.user, fieldOfInterest: n.field },
    // Used by the introduction request only (the recipient is then the introducer).
    introduction: { targetName: n.target, targetCompany: n.targetCompany, why: 'Their team runs the research I hope to join.' },
  }),
);
const fullContext = contexts[0]!;
const byId = (id: string) => {
  const t = DEFAULT_TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(`no default template ${id}`);
  return { ...t, updatedAt: T0 };
};

describe('TEMPLATE_VARIABLES', () => {
  it('lists every variable with a description', () => {
    expect(TEMPLATE_VARIABLES.map((v) => v.name)).toEqual([
      'firstName',
      'fullName',
      'referrerName',
      'referrerFirstName',
      'company',
      'userName',
      'fieldOfInterest',
      'meetingMinutes',
      'targetName',
      'targetFirstName',
      'targetCompany',
      'introReason',
    ]);
    for (const v of TEMPLATE_VARIABLES) expect(v.description.length).toBeGreaterThan(5);
  });
});

describe('templateContext', () => {
  it('fills every variable from the contact, the referrer and the settings', () => {
    expect(templateContext({ contact: contact(), referrerName: 'Olivia Hartmann', settings })).toEqual({
      firstName: 'Christopher',
      fullName: 'Christopher Montgomery',
      referrerName: 'Olivia Hartmann',
      referrerFirstName: 'Olivia',
      company: 'Northwind Traders',
      userName: 'Alex Morgan',
      fieldOfInterest: 'product management',
      meetingMinutes: '20',
      // Only an introduction request has a target.
      targetName: null,
      targetFirstName: null,
      targetCompany: null,
      introReason: null,
    });
  });

  it('leaves unknown values null rather than empty', () => {
    const ctx = templateContext({ contact: contact({ company: null }), referrerName: '  ', settings: DEFAULT_SETTINGS });
    expect(ctx).toMatchObject({ company: null, referrerName: null, referrerFirstName: null, userName: null, fieldOfInterest: null });
  });

  it('takes the first word as the first name, skipping a leading title', () => {
    expect(firstNameOf('Maria')).toBe('Maria');
    expect(firstNameOf('  Maria   José Lopez ')).toBe('Maria');
    expect(firstNameOf('Dr. Maria Lopez')).toBe('Maria');
    expect(firstNameOf('prof Ada Lovelace')).toBe('Ada');
    expect(firstNameOf('Dr.')).toBe('Dr.');
    expect(firstNameOf('')).toBeNull();
    expect(firstNameOf(null)).toBeNull();
  });
});

describe('renderTemplate', () => {
  it('substitutes variables', () => {
    const r = renderTemplate('Hi {firstName}, {referrerName} suggested I write. — {userName}', fullContext);
    expect(r).toEqual({ text: 'Hi Christopher, Olivia Hartmann suggested I write. — Alex Morgan', missing: [], unknown: [] });
  });

  it('shows a missing variable as a bracketed label and reports it once, never as undefined, null or a gap', () => {
    const r = renderTemplate('{referrerName} suggested I reach out. {referrerName} and {userName} and {company}.', {
      referrerName: null,
      userName: undefined,
      company: '   ',
    });
    expect(r.text).toBe("[referrer's name] suggested I reach out. [referrer's name] and [your name] and [their company].");
    expect(r.missing).toEqual(['referrerName', 'userName', 'company']);
    expect(r.text).not.toMatch(/undefined|null|\s{2}|\s[.,]/);
  });

  it('treats a known variable absent from the context as missing', () => {
    expect(renderTemplate('Hi {firstName}', {})).toEqual({ text: 'Hi [first name]', missing: ['firstName'], unknown: [] });
  });

  it('accepts extra variables the caller provides', () => {
    expect(renderTemplate('{topic}', { topic: 'roadmaps' }).text).toBe('roadmaps');
    expect(renderTemplate('{topic}', { topic: null })).toEqual({ text: '[topic]', missing: ['topic'], unknown: [] });
  });

  it('leaves an unknown placeholder as written and lists it', () => {
    const r = renderTemplate('Hi {frstName} {firstName}', fullContext);
    expect(r).toEqual({ text: 'Hi {frstName} Christopher', missing: [], unknown: ['frstName'] });
  });

  it('reads {{ and }} as literal braces', () => {
    expect(renderTemplate('{{firstName}} is {firstName}; a }} b {{', fullContext).text).toBe('{firstName} is Christopher; a } b {');
    expect(renderTemplate('{{{firstName}}}', fullContext).text).toBe('{Christopher}');
  });

  it('leaves a brace that starts no placeholder alone', () => {
    const r = renderTemplate('a { b } {not one} {1x} {', fullContext);
    expect(r).toEqual({ text: 'a { b } {not one} {1x} {', missing: [], unknown: [] });
  });

  it('inserts hostile values verbatim as text and never re-expands them', () => {
    const html = '"><img src=x onerror=alert(1)>';
    expect(renderTemplate('Hi {firstName}!', { firstName: html }).text).toBe(`Hi ${html}!`);
    const r = renderTemplate('{firstName} / {userName}', { firstName: '{userName}', userName: 'Alex' });
    expect(r.text).toBe('{userName} / Alex');
    // `String.replace` patterns in a value stay literal.
    expect(renderTemplate('{firstName}', { firstName: "$& $1 $$ $'" }).text).toBe("$& $1 $$ $'");
  });

  it('never reaches Object.prototype through a placeholder', () => {
    const r = renderTemplate('{constructor} {toString} {__proto__} {hasOwnProperty}', {});
    expect(r.text).toBe('{constructor} {toString} {__proto__} {hasOwnProperty}');
    // `{__proto__}` is not even a placeholder: names start with a letter.
    expect(r.unknown).toEqual(['constructor', 'toString', 'hasOwnProperty']);
    expect(r.missing).toEqual([]);
  });
});

describe('renderForContact', () => {
  it('renders subject and body', () => {
    const r = renderForContact(byId('request'), fullContext);
    expect(r.subject).toBe('Olivia Hartmann suggested I reach out');
    expect(r.body).toMatch(/^Hi Christopher,\n/);
    expect(r.missing).toEqual([]);
    expect(r.unknown).toEqual([]);
  });

  it('collects what is missing from subject and body together', () => {
    const ctx = { ...fullContext, referrerName: null, referrerFirstName: null, userName: null };
    const r = renderForContact(byId('request'), ctx);
    expect(r.subject).toBe("[referrer's name] suggested I reach out");
    expect(r.missing).toEqual(['referrerName', 'userName', 'referrerFirstName']);
  });

  it('the short form has no subject and reports only what it uses', () => {
    const template = { ...byId('request'), subject: '{company}', body: 'Body {userName}', short: 'Hi {firstName}' };
    const r = renderForContact(template, { firstName: 'Sam' }, { short: true });
    expect(r).toEqual({ subject: '', body: 'Hi Sam', missing: [], unknown: [] });
  });

  it('an empty short form falls back to the body', () => {
    const template = { ...byId('request'), body: 'Hello {firstName}', short: '  ' };
    expect(renderForContact(template, { firstName: 'Sam' }, { short: true }).body).toBe('Hello Sam');
  });
});

describe('fitToLimit', () => {
  it('counts UTF-16 code units, as maxlength does', () => {
    expect(fitToLimit('a'.repeat(200), 200)).toEqual({ fits: true, length: 200 });
    expect(fitToLimit('a'.repeat(201), 200)).toEqual({ fits: false, length: 201 });
    expect(fitToLimit('👋', 1)).toEqual({ fits: false, length: 2 });
    expect(fitToLimit('é', 1)).toEqual({ fits: true, length: 1 });
  });

  it('counts a line break as one character', () => {
    expect(fitToLimit('a\r\nb', 3)).toEqual({ fits: true, length: 3 });
    expect(fitToLimit('a\nb', 3)).toEqual({ fits: true, length: 3 });
  });
});

describe('namesReferrer', () => {
  it('finds either referrer variable, not an escaped one', () => {
    expect(namesReferrer('{referrerName} suggested')).toBe(true);
    expect(namesReferrer('{referrerFirstName} suggested')).toBe(true);
    expect(namesReferrer('{{referrerName}}')).toBe(false);
    expect(namesReferrer('Hi {firstName}')).toBe(false);
  });
});

describe('DEFAULT_TEMPLATES', () => {
  it('has one valid template for each id', () => {
    expect(DEFAULT_TEMPLATES.map((t) => t.id).sort()).toEqual([...TEMPLATE_IDS].sort());
    for (const t of DEFAULT_TEMPLATES) expect(() => Template.parse({ ...t, updatedAt: T0 })).not.toThrow();
  });

  it('uses only known variables, and renders completely with a full context', () => {
    for (const t of DEFAULT_TEMPLATES) {
      for (const short of [false, true]) {
        const r = renderForContact(t, fullContext, { short });
        expect(r.unknown, t.id).toEqual([]);
        expect(r.missing, t.id).toEqual([]);
        expect(`${r.subject}\n${r.body}`, t.id).not.toMatch(/[{}[\]…]|undefined|null|\.\.\./);
      }
    }
  });

  it('the request names the referrer in its subject and in the first sentence of its short form', () => {
    for (const ctx of contexts) {
      const full = renderForContact(byId('request'), ctx);
      expect(full.subject).toContain(ctx.referrerName!);
      const short = renderForContact(byId('request'), ctx, { short: true });
      const firstSentence = short.body.split(/(?<=[.!?])\s/)[0]!;
      expect(firstSentence).toContain(ctx.referrerName!);
    }
  });

  it('the request asks briefly, at their convenience, and is flexible on how', () => {
    const body = renderForContact(byId('request'), fullContext).body;
    expect(body).toContain('20 minutes');
    expect(body).toMatch(/phone/);
    expect(body).toMatch(/video/);
    expect(body).toMatch(/coffee/);
    expect(body).toMatch(/schedule|suits you|convenien/);
    expect(body.length).toBeLessThan(800);
  });

  it('the follow-up names the referrer and makes it easy to say no', () => {
    const r = renderForContact(byId('follow-up'), fullContext);
    expect(r.subject).toContain('Olivia Hartmann');
    expect(r.body).toContain('Olivia Hartmann');
    expect(r.body).toMatch(/earlier note/);
    expect(r.body).toMatch(/no need to reply/);
    expect(renderForContact(byId('follow-up'), fullContext, { short: true }).body).toContain('Olivia Hartmann');
  });

  it('the thank-you mentions following up with the people they suggested', () => {
    expect(renderForContact(byId('thank-you'), fullContext).body).toMatch(/people you suggested/);
  });

  it('every short form fits a LinkedIn note (200 characters) for long-ish names', () => {
    for (const ctx of contexts) {
      for (const t of DEFAULT_TEMPLATES) {
        const { body } = renderForContact(t, ctx, { short: true });
        expect(fitToLimit(body, 200).fits, `${t.id}: ${body.length} characters`).toBe(true);
      }
    }
  });

  it('no template asks for a job or sends a résumé', () => {
    for (const t of DEFAULT_TEMPLATES) {
      const all = `${t.subject}\n${t.body}\n${t.short}`;
      // "I'm not asking for a job" is the one way the word may appear.
      const withoutDisclaimer = all.replace(/(?:not asking for|not a request for) a job/gi, '');
      expect(withoutDisclaimer, t.id).not.toMatch(/\bjobs?\b|\bhiring\b|\bopenings?\b|\bvacanc/i);
      expect(all, t.id).not.toMatch(/r[ée]sum[ée]|\bCV\b|attach/i);
    }
  });

  it('the request says plainly that it is not a job request', () => {
    expect(byId('request').body).toMatch(/not asking for a job/);
    expect(byId('request').short).toMatch(/not asking for a job/);
  });
});
