/**
 * One violation per rule, in TS and in JS, for the packaged-install smoke
 * test. A rule missing here makes that test fail, so every new rule adds its
 * line.
 */
export const smokeViolations: Record<string, { ts: string; js: string }> = {};
