// addons-linter ships no types; what tests/e2e/addons-linter.e2e.test.ts uses of its API.
declare module 'addons-linter' {
  const linter: {
    createInstance(options: { config: Record<string, unknown>; runAsBinary: boolean }): { run(): Promise<unknown> };
  };
  export default linter;
}
