// Module hook for the mutation runner's processes: test files that import `node:test` get the runner's harness instead.
const harness = new URL('./harness.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'node:test') return { url: harness, shortCircuit: true };
  return nextResolve(specifier, context);
}
