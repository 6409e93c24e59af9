// `node --import tsx --import ./scripts/mutation/register.mjs`: TypeScript through tsx, and `node:test` through the harness.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
