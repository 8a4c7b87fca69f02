/**
 * The retry prefilter's text hints on small cases. That the prefilters never
 * hide a finding on real code: test/prefilters-corpus.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { mayContainRetry, retryTextHints } from '../src/retry/prefilter';

describe('retryTextHints', () => {
  it.each([
    ['while (true) { try { return await op(); } catch (e) { await sleep(100); } }', true, false],
    ['function load() { return op().then(null, () => load()); }', true, false],
    ["socket.on('close', () => connect());", true, false],
    ['ws.onclose = () => connect();', true, false],
    ['get(url, function (err, body) { if (err) return get(url, done); done(body); });', true, false],
    ['fs.readFile(p, (error /* first */ , data) => { if (null != error) return read(); use(data); });', true, false],
    // An error-first callback whose error is never tested in an `if` takes no failure path.
    ['fs.readFile(p, (error /* first */ , data) => use(data));', false, false],
    ['fs.readFile(p, (err, data) => { if (data) use(data); });', false, false],
    ['for (;;) { const res = await fetch(u); if (res.ok) return res; }', true, false],
    ["import pRetry from 'p-retry';", false, true],
    ['const retry = require("node:async");', false, true],
    ['const a = { ok: 1 }; list.map((x) => x * 2);', false, false],
    // The words in prose (comments, strings) are not the syntax the analysis reads.
    ['// then we catch up: for each ok status\nconst note = "try it, then catch the bus";', false, false],
    ['try { run(); } catch { retry(); }', true, false],
    ['try { run(); } catch /* any */ (e) { retry(); }', true, false],
    ['load().\n  // on failure\n  then(use, () => load());', true, false],
    ['client?.catch(() => connect());', true, false],
    ['do { res = await fetch(u); } while (!res.ok);', true, false],
    ['for await (const res of attempts()) if (res.status === 200) break;', true, false],
    ['for each ok status', false, false],
    ["const mode = kind === 'asynchronous' ? 1 : 2;", false, false],
  ])('%s', (code, handWritten, libraries) => {
    expect(retryTextHints(code)).toEqual({ handWritten, libraries });
    expect(mayContainRetry(code)).toBe(handWritten || libraries);
  });
});
