/**
 * Every LinkedIn selector the extension uses, in one place. Within each list the alternatives are
 * ordered from the most semantic (landmarks, roles, `name`/`href` attributes, structured data) to
 * the most fragile (class names). Each one says which layout it serves:
 *
 * - classic: the logged-in Ember app, 2022–25 (`pv-top-card`, `pvs-*`, `msg-*`, `artdeco-*`);
 * - public: the logged-out public profile (`top-card-layout__*`, JSON-LD), any country subdomain;
 * - sdui: the 2025–26 server-driven UI, hashed class names, sections keyed by `componentkey`
 *   (`…_HQTopcard`, `…ExperienceTopLevelSection`), name in an `h2`, text in `<p>`s, no `<aside>`;
 * - interop: the legacy chat overlay and dialogs that 2025–26 pages mount inside the open shadow
 *   root of `div#interop-outlet` (class names there are still the classic ones).
 *
 * English UI text appears only as a last fallback after a language-independent alternative.
 */

// ---------------------------------------------------------------------------------- profile page

/** The page's main landmark: `<main>` on every layout (sdui: `main#workspace`). */
export const MAIN = 'main, [role="main"]';

/** The JSON-LD blocks of the public profile (public; absent when logged in). */
export const JSON_LD = 'script[type="application/ld+json"]';

/** Open Graph fallbacks for the name (public, some classic pages). */
export const OG_TITLE = 'meta[property="og:title"]';

/** The profile's top card, tried in order; each must sit inside `MAIN`. */
export const TOP_CARD = [
  // sdui: the card's componentkey ends in `_HQTopcard` (`com.linkedin.sdui.profile.card.ref<urn>_HQTopcard`).
  'section[componentkey$="Topcard"]',
  '[componentkey$="Topcard"]',
  // classic 2024–25: LinkedIn's own view name for the card.
  '[data-view-name="profile-top-card"]',
  // classic 2022–24.
  'section.pv-top-card',
  // public (logged out).
  'section.top-card-layout',
  '.top-card-layout',
] as const;

/**
 * Without a known marker (a layout not seen yet), the top card is the section around `main`'s first
 * `h1`, else `main`'s first section with a heading; extract.ts then wants the name confirmed.
 */
export const GENERIC_TOP_CARD = { heading: 'h1', section: 'section', sectionHeading: 'h1, h2' } as const;

/**
 * 2026: the rebuilt profile has no top-card marker at all. Its hero is found by meaning (extract.ts
 * `heroCards`): the nearest box around a link to the profile being viewed that also holds one of
 * these actions. Message is a compose link (no aria-label, any UI language), Connect an invite link,
 * More a `button[aria-expanded]` (the sdui 2025–26 layouts have the same three).
 */
export const PROFILE_ACTION = [
  'a[href*="/messaging/compose/"]',
  'a[href*="/preload/custom-invite/"]',
  'button[aria-expanded]',
].join(', ');

/**
 * 2026: containers of the person's own posts, which link to the profile too ("Name • 1st") and have
 * a control menu (`button[aria-expanded]`). A list item counts as a post when it holds a `<time>`.
 */
export const POST = 'article, [role="article"], [role="listitem"], li';

/** 2026 (and sdui 2025): the Message link, whose `recipient`/`profileUrn` carry the member id. */
export const COMPOSE_LINK = 'a[href*="/messaging/compose/"]';

/**
 * The mutual-connections link, whose search facet names the member id: 2026
 * `facetConnectionOf=%22<id>%22`, sdui 2025 `connectionOf=%5B%22<id>%22%5D`.
 */
export const CONNECTION_OF_LINK = 'a[href*="facetConnectionOf="], a[href*="connectionOf="]';

/** Inside a profile link, an `aria-label` on a box holding these is a photo's label, not the name. */
export const PHOTO = 'img, figure';

/** Inside a profile link, labelled elements that are icons (a "Verified" badge), never the name. */
export const ICON = 'svg, img, figure';

/** 2026: boxes inside the profile link that may carry the name as their `aria-label`. */
export const LABELLED = '[aria-label]';

/** A heading inside the profile link (sdui 2025: `h2`; a page with an `h1` in the link). */
export const NAME_IN_LINK = 'h1, h2, h3';

/** Posts in any layout: an article, or (see `POST`) a list item with a `<time>`. */
export const ARTICLE = 'article, [role="article"]';
export const POST_TIME = 'time';

/**
 * Regions inside or beside `main` that show other people: never the profile. The classic right
 * rail is an `<aside>`; sdui renders "People also viewed"/"People you may know" inside `main` in
 * containers keyed `profileAside…`; the public page has "Similar profiles" asides. (`header` is not
 * listed: a top card may well be wrapped in one.)
 */
export const NOT_THE_PROFILE = [
  'aside',
  '[componentkey*="Aside"]',
  '#browsemap_recommendation',
  '.pv-browsemap-section',
  'nav',
  'footer',
].join(', ');

/** The name inside a top card: its `h1` (classic, public); sdui: the `h2` in the link to the profile itself, else the first `h2`. */
export const NAME_H1 = 'h1';
export const NAME_H2 = 'h2';

/** Top-card parts that are never the headline: photo, company/school buttons, links (sdui). */
export const NOT_HEADLINE = 'button, [role="button"], a, figure, img';

/** The headline inside a top card (classic, then public); sdui has no marker, see extract.ts. */
export const HEADLINE = [
  // classic: the headline block carries LinkedIn's suggestion-target attribute.
  '[data-generated-suggestion-target]',
  // public.
  '.top-card-layout__headline',
  // classic class names.
  '.pv-text-details__left-panel .text-body-medium',
  '.text-body-medium.break-words',
] as const;

/** The location inside a top card (classic, public); sdui is found next to Contact info. */
export const LOCATION = [
  // public: the first subline starts with the location span.
  '.top-card-layout__first-subline .profile-info-subheader span:first-child',
  '.top-card__subline-item',
  // classic.
  '.pv-text-details__left-panel span.text-body-small.inline.t-black--light.break-words',
  '.pv-text-details__left-panel .text-body-small.t-black--light',
] as const;

/** The Contact info link that ends the location row (classic: overlay link; sdui: `href="#"` in a `<p>`). */
export const CONTACT_INFO_LINK = [
  'a[href*="/overlay/contact-info"]',
  '#top-card-text-details-contact-info',
  'p > a[href="#"]',
].join(', ');

/** Top-card current-company elements whose visible text is the company (most semantic first). */
export const TOP_CARD_COMPANY = [
  // public: the tracking name says "current company" whatever the UI language.
  'a[data-tracking-control-name="public_profile_topcard-current-company"]',
  'a[href*="trk=public_profile_topcard-current-company"]',
  '[data-section="currentPositionsDetails"]',
  // sdui: the company button's placeholder logo is LinkedIn's `company-*` ghost icon (schools get `school-*`).
  '[role="button"]:has(svg[id^="company-"])',
  // classic, English UI only; other languages are caught by matching against Experience.
  'button[aria-label^="Current company:"]',
] as const;

/** Top-card items that may be the current company or the school (classic right panel). */
export const TOP_CARD_ORG_ITEMS = [
  // classic.
  '.pv-text-details__right-panel-item-link',
  '.pv-text-details__right-panel button',
  // sdui: the company and school buttons.
  '[role="button"]:has(figure)',
].join(', ');

/** The Experience section (most semantic first). */
export const EXPERIENCE_SECTION = [
  // sdui.
  'section[componentkey$="ExperienceTopLevelSection"]',
  // public.
  'section[data-section="experience"]',
  'section.experience',
] as const;

/** The classic anchor inside the Experience card: `div#experience` → its `section`. */
export const EXPERIENCE_ANCHOR = '#experience';

/** One entry of the Experience section, in order of preference. */
export const EXPERIENCE_ENTRY = [
  // sdui.
  '[componentkey^="entity-collection-item"]',
  // public.
  'li.experience-item',
  'li.profile-section-card',
  // classic.
  '[data-view-name="profile-component-entity"]',
  'li.artdeco-list__item',
] as const;

/** Public-page date range: one `<time>` means "until now" in every language. */
export const PUBLIC_DATE_RANGE = '.date-range, .experience-item__duration';

/** Public-page Experience entry: the company is its `h4` (the title is the `h3`). */
export const PUBLIC_ENTRY_COMPANY = 'h4';

/** Links to people's profiles (all layouts). */
export const PERSON_LINK = 'a[href*="/in/"]';

/** Subtrees that are screen-reader-only copies or not text at all; skipped when reading text. */
export const NOT_VISIBLE_TEXT = '.visually-hidden, .a11y-text, script, style, template, noscript, svg, [hidden]';

// ----------------------------------------------------------------------- messages and invitations

/** The conversation containers a message form can live in (classic and interop). */
export const CONVERSATION = [
  // chat bubble over any page; `data-msg-overlay-conversation-bubble-open` is set while open.
  '.msg-overlay-conversation-bubble',
  '[data-msg-overlay-conversation-bubble-open]',
  // the open thread on /messaging/ (and the bubble's inner wrapper).
  '.msg-convo-wrapper',
  '.msg-thread',
].join(', ');

/** Message forms: `.msg-form` (classic, interop); the form's id starts `msg-form-` even when classes change. */
export const MESSAGE_FORM = 'form.msg-form, form[id^="msg-form"]';

/** A message editor inside a form: role + contenteditable first, then the class. */
export const MESSAGE_EDITOR = [
  '[contenteditable="true"][role="textbox"]',
  '[contenteditable=""][role="textbox"]',
  '.msg-form__contenteditable[contenteditable]',
].join(', ');

/** Any rich-text box; used on /messaging/ for hashed layouts where the form has no known class. */
export const ANY_TEXTBOX_FORM = 'form:has([contenteditable="true"][role="textbox"])';

/** A message form's Send: the submit button (language-independent), then the class. */
export const MESSAGE_SEND = ['button[type="submit"]', 'button.msg-form__send-button'] as const;

/** A conversation header's title: its first heading outside the messages and the form. */
export const CONVERSATION_HEADING = 'h1, h2, h3';

/** Links to other threads: what a conversation list is made of (never part of one conversation). */
export const THREAD_LINK = 'a[href*="/messaging/thread/"]';

/** Where the climb from a form to its conversation stops (hashed layouts). */
export const LANDMARK = 'main, body, [role="main"]';

/** Parts of a conversation that are its messages, never its header. */
export const MESSAGE_LIST = '.msg-s-message-list-container, .msg-s-message-list, [role="log"]';

/** Recipient pills of a new-message popup (classic, interop). */
export const NEW_MESSAGE_PILL = '.artdeco-pill';

/** A group conversation's facepile (classic, interop). */
export const FACEPILE = '.msg-facepile-grid';

/** Class fragments that mark a minimised bubble (`--is-minimized`, `--minimized`). */
export const MINIMIZED_CLASS = /(?:^|\s)\S*--(?:is-)?minimized(?:\s|$)/;

/** Invitation dialogs (classic modal outlet, interop shadow root). */
export const INVITE_DIALOG = [
  '[role="dialog"][aria-labelledby="send-invite-modal"]',
  '[data-test-modal-id="send-invite-modal"] [role="dialog"]',
  '[role="dialog"].send-invite',
  '.send-invite[role="dialog"]',
  // any dialog holding the note field: the `name` is the form contract, not styling.
  '[role="dialog"]:has(textarea[name="message"])',
].join(', ');

/** The invitee named by the dialog's first step: `Personalize your invitation to <strong>Name</strong>`. */
export const INVITEE_NAME = '.artdeco-modal__content strong, strong';

/** The note field inside an invitation dialog. */
export const INVITE_NOTE = ['textarea[name="message"]', 'textarea#custom-message', 'textarea'] as const;

/** The dialog's "Send invitation": primary button of the action bar, then the English label. */
export const INVITE_SEND = [
  '.artdeco-modal__actionbar button.artdeco-button--primary',
  'button[aria-label="Send invitation"]',
] as const;

/** Elements that may hold a character counter. */
export const COUNTER = 'span, div, p';

/** A character counter such as `0/300` is any element whose own text has that shape. */
export const COUNTER_TEXT = /^\s*\d+\s*\/\s*(\d+)\s*$/;

// ------------------------------------------------------------------------------ page observation

/**
 * Elements that get an open shadow root after they are already in the page (interop: LinkedIn's
 * 2025–26 shell mounts the chat overlay and dialogs there). Attaching a shadow root makes no
 * mutation record, so the page observer checks these at each burst of mutations.
 */
export const SHADOW_HOSTS = '#interop-outlet, [data-testid="interop-shadowdom"]';

/**
 * Added or removed nodes that may open or close a composer: a form or dialog, a note field, a
 * rich-text box (all layouts). Anything else (feed updates, presence dots) is not worth a search.
 */
export const COMPOSER_HINT = 'form, textarea, [contenteditable], [role="dialog"], [role="textbox"]';

// ====================================================================================== page readers
// Mutual connections, people lists, company pages and message threads (mutuals.ts, people-list.ts,
// company.ts, thread.ts). Kept apart from the profile's top-card selectors above.

/**
 * The mutual-connections line of a profile is one link to the people search filtered on the person:
 * `/search/results/people/?facetConnectionOf=%22<member id>%22&facetNetwork=…` (2022–24; the value
 * may be a JSON list `["…"]`), `?connectionOf=%5B%22<member id>%22%5D&network=…` (2024–26).
 */
export const MUTUAL_LINK = 'a[href*="/search/results/people/"][href*="onnectionOf="]';
export const MUTUAL_PARAMS = ['facetConnectionOf', 'connectionOf'] as const;

/** Each name in the mutual line sits in its own element (all layouts: `<strong>`; `<b>` as a fallback). */
export const MUTUAL_NAME = 'strong, b';

/** LinkedIn's people lists: search results and the full mutual-connection list (both layouts). */
export const PEOPLE_LIST_PATH = /^\/search\/results\/people\/?/;

/**
 * One result of a people list where the page does not mark results (`MARKED_RESULT`, below): the
 * list item holding it (2026 rebuilt markup: `role=listitem` with hashed classes, or `<li>`).
 */
export const PEOPLE_RESULT = '[role="listitem"], li';

/** Regions of a people list that are never its results: nav, right rail, "people also search", ads, footer. */
export const NOT_A_RESULT = [
  'nav',
  'header',
  'aside',
  'footer',
  '[componentkey*="Aside"]',
  '[data-view-name*="ad-"]',
  '[data-view-name*="sponsored"]',
  '[data-ad-banner]',
].join(', ');

/** Company pages: `/company/<slug>/…` (any sub-page: about, people, jobs…). */
export const COMPANY_PATH = /^\/company\/([^/]+)(?:\/|$)/;

/** The company's name in its top card (classic `org-top-card`, 2026 top card keyed `…Topcard`), then any `h1` in `main`. */
export const COMPANY_NAME = [
  '.org-top-card h1',
  'h1.org-top-card-summary__title',
  '[componentkey$="Topcard"] h1',
  'h1',
] as const;

/** The viewer's own profile link: in the global nav (classic `#global-nav` / `.global-nav__me`, 2026 `header nav`). */
export const VIEWER_LINK = [
  '.global-nav__me a[href*="/in/"]',
  '#global-nav a[href*="/in/"]',
  'header nav a[href*="/in/"]',
  'nav a[href*="/in/"]',
] as const;

/** A message's sender block shows when it was sent; the profile card at the top of a thread does not. */
export const MESSAGE_TIME = 'time';

/** A thread's opening profile card (classic class; 2026 cards have no `<time>`, see thread.ts). */
export const THREAD_PROFILE_CARD = '.msg-s-profile-card';

/** One message (or message group) of a thread: classic event items, else the list item holding it. */
export const MESSAGE_ITEM = '.msg-s-event-listitem, [data-event-urn], li';

/** A people-list result as the 2022–25 pages mark it (urn, view name); the 2026 markup has no such mark. */
export const MARKED_RESULT = '[data-chameleon-result-urn], [data-view-name*="search-entity-result"], [data-view-name="people-search-result"]';
