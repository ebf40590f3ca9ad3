/** Accessibility and file-input helpers for component tests (happy-dom). */
import axe from 'axe-core';

/**
 * Serious and critical accessibility violations in `root`, as readable strings. Colour contrast needs
 * real layout and rendering, so it is checked in Chromium (tests/e2e/dashboard.e2e.test.ts), not here.
 */
export async function axeViolations(root: Element = document.body): Promise<string[]> {
  const result = await axe.run(root, {
    rules: { 'color-contrast': { enabled: false } },
    resultTypes: ['violations'],
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Put `files` in an `<input type=file>` (happy-dom has no way to set `files` from a test). */
export function setInputFiles(input: HTMLInputElement, files: File[]): void {
  Object.defineProperty(input, 'files', { configurable: true, value: files });
}
