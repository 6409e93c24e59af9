// The bundler's virtual module (test/vscode/build.mjs): requires every suite/*.test.ts.
declare module 'imr:suite-files' {
  export function loadSuiteFiles(): void;
}
