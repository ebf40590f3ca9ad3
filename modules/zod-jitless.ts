/**
 * Zod without `Function`: zod 4 compiles object parsers with `new Function` when it can (its JIT),
 * and probes for that ability once. An extension's CSP (MV3, and Firefox's MV2 default) forbids
 * eval, so the JIT never runs for us; lib/schemas.ts says so with `z.config({ jitless: true })`.
 * The constructor calls still sit in the bundle, where Mozilla's addons-linter (and a store
 * reviewer) reports them as eval. This takes the `Function` constructor out of the three zod
 * files that reach for it, leaving code that behaves as jitless: the probe answers "no eval", and
 * the compilers, never called, would throw.
 */
import { addViteConfig, defineWxtModule } from 'wxt/modules';

const ZOD_FILES = /node_modules\/zod\/v4\/core\/(util|doc|compile)\.js$/;
const FUNCTION_ALIAS = /\bconst F = Function;/g;

export default defineWxtModule({
  name: 'warm-intro:zod-jitless',
  setup(wxt) {
    addViteConfig(wxt, () => ({
      plugins: [
        {
          name: 'warm-intro:zod-jitless',
          transform(code: string, id: string) {
            if (!ZOD_FILES.test(id.replaceAll('\\', '/'))) return null;
            const out = code.replace(FUNCTION_ALIAS, 'const F = undefined; // no eval in an extension (modules/zod-jitless.ts)');
            return out === code ? null : { code: out, map: null };
          },
        },
      ],
    }));
  },
});
