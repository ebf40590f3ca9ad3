// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { observePage, type Watch } from '../../lib/page-observer';

const BATCH = 80; // a little over the observer's 60 ms burst
const settle = () => new Promise((r) => setTimeout(r, BATCH));

function watch(relevant: (node: Node, added: boolean) => boolean = () => true, text?: (node: Node) => boolean): Watch & { runs: number } {
  const w = { runs: 0, relevant, text, run: () => void w.runs++ };
  return w;
}

const shadowOptions = { hosts: '#interop-outlet', ignore: (root: ShadowRoot) => root.host.localName.startsWith('warm-intro-') };

let ctx: ContentScriptContext;
afterEach(() => {
  ctx?.notifyInvalidated();
  document.body.innerHTML = '';
});

function start(watches: Watch[], over: Partial<Parameters<typeof observePage>[2]> = {}) {
  ctx = new ContentScriptContext('test');
  return observePage(ctx, watches, { isAlive: () => true, holdOn: () => false, ...over });
}

describe('observePage', () => {
  it('runs a watch once per burst of relevant mutations, and not for irrelevant ones', async () => {
    const forms = watch((node) => node.nodeType === 1 && (node as Element).matches('form'));
    start([forms]);
    for (let i = 0; i < 5; i++) document.body.append(document.createElement('form'));
    document.body.append(document.createElement('div'));
    await settle();
    expect(forms.runs).toBe(1);
    document.body.append(document.createElement('div'));
    await settle();
    expect(forms.runs).toBe(1);
  });

  it('tells text changes only to watches that ask for them', async () => {
    const text = document.createTextNode('Marcus');
    document.body.append(text);
    const nodes = watch();
    const names = watch(() => true, () => true);
    start([nodes, names]);
    text.data = 'Priya';
    await settle();
    expect(nodes.runs).toBe(0);
    expect(names.runs).toBe(1);
  });

  it('observes open shadow roots: present at the start, added later, and attached to a known host', async () => {
    const early = document.createElement('div');
    early.attachShadow({ mode: 'open' });
    const outlet = document.createElement('div');
    outlet.id = 'interop-outlet';
    document.body.append(early, outlet);
    const w = watch((node) => node.nodeType === 1 && (node as Element).matches('form'));
    start([w], { shadowRoots: shadowOptions });

    early.shadowRoot!.append(document.createElement('form'));
    await settle();
    expect(w.runs).toBe(1);

    // A host arriving with its shadow root: its later content is seen.
    const late = document.createElement('section');
    late.attachShadow({ mode: 'open' });
    document.body.append(late);
    await settle();
    const before = w.runs;
    late.shadowRoot!.append(document.createElement('form'));
    await settle();
    expect(w.runs).toBe(before + 1);

    // A shadow root attached to the outlet already in the page makes no record; the next burst
    // finds it, and from then on its content is observed.
    const root = outlet.attachShadow({ mode: 'open' });
    document.body.append(document.createElement('div'));
    await settle();
    const afterAttach = w.runs;
    root.append(document.createElement('form'));
    await settle();
    expect(w.runs).toBe(afterAttach + 1);
  });

  it('never observes our own UI’s shadow roots', async () => {
    const ours = document.createElement('warm-intro-li-compose');
    ours.attachShadow({ mode: 'open' });
    document.body.append(ours);
    const w = watch();
    start([w], { shadowRoots: shadowOptions });
    await settle();
    const before = w.runs;
    ours.shadowRoot!.append(document.createElement('form'));
    await settle();
    expect(w.runs).toBe(before);
  });

  it('ignores a record that only adds our own UI, but not one that removes it', async () => {
    const w = watch();
    const ours = (node: Node) => node.nodeType === 1 && (node as Element).localName === 'warm-intro-li-compose';
    start([w], { ours });
    const host = document.createElement('warm-intro-li-compose');
    document.body.append(host);
    await settle();
    expect(w.runs).toBe(0);
    host.remove();
    await settle();
    expect(w.runs).toBe(1);
  });

  it('stops, and ends the script’s context, once the extension is gone (unless a notice holds it)', async () => {
    let alive = true;
    let holding = true;
    const w = watch();
    start([w], { isAlive: () => alive, holdOn: () => holding });
    const invalidated = vi.fn();
    ctx.onInvalidated(invalidated);
    alive = false;
    document.body.append(document.createElement('div'));
    await settle();
    expect(w.runs).toBe(0);
    expect(invalidated).not.toHaveBeenCalled();
    // What Chrome does to an orphaned content script: runtime.id disappears (WXT's context reads it).
    (fakeBrowser.runtime as { id?: string }).id = undefined;
    holding = false;
    document.body.append(document.createElement('div'));
    await settle();
    expect(invalidated).toHaveBeenCalledTimes(1);
    expect(w.runs).toBe(0);
  });
});
