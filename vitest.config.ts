import preact from '@preact/preset-vite';
import { configDefaults, defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Three layers, one command (`npm test`): unit (node), component (happy-dom), end-to-end in real
// Chromium and then in real Firefox ESR (tests/e2e/firefox).
export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/lib/**/*.test.ts', 'tests/entrypoints/**/*.test.ts'],
          setupFiles: ['tests/setup/unit.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'happy-dom',
          include: ['tests/components/**/*.test.tsx', 'tests/entrypoints/**/*.test.tsx'],
          setupFiles: ['tests/setup/unit.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/e2e/firefox/**'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e-firefox',
          environment: 'node',
          include: ['tests/e2e/firefox/**/*.e2e.test.ts'],
          fileParallelism: false,
          // A group of its own: after unit and component, and never at the same time as the Chromium
          // e2e files (vitest runs those, fileParallelism off, in a last group), so two browsers never
          // compete for the machine's cores.
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
