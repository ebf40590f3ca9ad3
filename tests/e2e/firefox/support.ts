import type { ElementHandle, Page } from 'puppeteer-core';

// Helpers for the Firefox journeys (puppeteer-core over WebDriver BiDi). `>>>` is puppeteer's deep
// combinator: it looks inside open shadow roots, where Warm Intro's injected UI lives.

// In code evaluated in a page, reach the WebExtension API as `(globalThis as any).browser`, never by
// the bare name `browser`: WxtVitest rewrites that identifier to its fake, which the page does not have.

/** Ask the background from an extension page, through the real message protocol; throws on an error reply. */
export async function bg<T = any>(page: Page, type: string, payload?: unknown): Promise<T> {
  const reply = (await page.evaluate((m) => (globalThis as any).browser.runtime.sendMessage(m), { type, payload })) as
    | { ok: true; data: T }
    | { ok: false; error: { message: string } }
    | undefined;
  if (!reply) throw new Error(`${type}: no answer from the background`);
  if (!reply.ok) throw new Error(`${type}: ${reply.error.message}`);
  return reply.data;
}

type Root = Page | ElementHandle;

/** Every element with this data-testid, in the page or under `root`, shadow roots included. */
export const allByTestId = (root: Root, id: string) => root.$$(`>>> [data-testid="${id}"]`);

/** How many elements carry this data-testid (shadow roots included). */
export const countTestId = async (root: Root, id: string) => (await allByTestId(root, id)).length;

/** The first element with this data-testid; fails when there is none. */
export async function byTestId(root: Root, id: string): Promise<ElementHandle<Element>> {
  const el = await root.$(`>>> [data-testid="${id}"]`);
  if (!el) throw new Error(`no [data-testid="${id}"]`);
  return el;
}

/** Text of the first element with this data-testid, or null when there is none (for expect.poll). */
export async function testIdText(root: Root, id: string): Promise<string | null> {
  const el = await root.$(`>>> [data-testid="${id}"]`);
  return el ? el.evaluate((e) => e.textContent) : null;
}

export const click = async (root: Root, id: string) => (await byTestId(root, id)).click();

/** Value of an input or textarea. */
export const valueOf = (el: ElementHandle<Element>) => el.evaluate((e) => (e as HTMLInputElement).value);

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
