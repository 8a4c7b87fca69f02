// `npm run test:heavy`: the heavy runs that `npm test` leaves out (the list and
// why: heavyFiles in vitest.config.mts). CI (.ci/run) runs them after `npm test`.
import { defineConfig } from 'vitest/config';
import base, { heavyFiles } from './vitest.config.mts';

export default defineConfig({ test: { ...base.test, include: heavyFiles, exclude: [] } });
