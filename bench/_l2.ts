import { lint } from '../engine/src';
for (let i = 0; i < 3000; i++) lint('hello');
