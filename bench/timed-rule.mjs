// A rule wrapped so that its create() and every listener add their wall time
// to totals[id]: the per-rule figure of `npm run bench` and bench/profile-rules.mjs.
import { performance } from 'node:perf_hooks';

export function timedRule(id, rule, totals) {
  return {
    meta: rule.meta,
    create(context) {
      const start = performance.now();
      const listeners = rule.create(context);
      totals[id] = (totals[id] ?? 0) + performance.now() - start;
      const out = {};
      for (const [selector, listener] of Object.entries(listeners)) {
        out[selector] = (...args) => {
          const t = performance.now();
          try {
            return listener(...args);
          } finally {
            totals[id] += performance.now() - t;
          }
        };
      }
      return out;
    },
  };
}
