/**
 * The `resilience codemod` invariants of docs/codemods.md that concern the
 * command line: usage errors before anything is read or written, what --dry
 * reports, how files are written, and how a run survives failures.
 * These run the real codemods (in-process: no compiled worker from sources).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run, type RunOptions } from '../../src/cli/main';

class Stream {
  text = '';
  isTTY = false;
  write(chunk: string) {
    this.text += chunk;
    return true;
  }
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempProject(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'resilience-inv-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

async function cli(cwd: string, argv: string[], extra: Partial<RunOptions> = {}) {
  const stdout = new Stream();
  const stderr = new Stream();
  const code = await run(argv, { cwd, stdout, stderr, ...extra });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Sets an extended attribute through Python (Node has no API and setfattr may be missing); false where that is not possible. */
function setXattr(file: string, name: string, value: string): boolean {
  const result = spawnSync('python3', ['-c', 'import os, sys; os.setxattr(sys.argv[1], sys.argv[2], sys.argv[3].encode())', file, name, value]);
  return result.status === 0;
}
function getXattr(file: string, name: string): string {
  return execFileSync('python3', ['-c', 'import os, sys; sys.stdout.write(os.getxattr(sys.argv[1], sys.argv[2]).decode())', file, name], { encoding: 'utf8' });
}

const RETRY = 'export async function f() {\n  for (;;) {\n    try {\n      return await op();\n    } catch (error) {\n      log(error);\n    }\n  }\n}\n';

describe('option values no rule accepts are usage errors (exit 2, nothing read or written)', () => {
  it.each([
    [['--max-attempts', '0'], 'resilience codemod: option maxAttempts must be at least 1 for no-unbounded-retry (got 0)\n'],
    [
      ['--base-delay-ms', '2147483648'],
      'resilience codemod: option baseDelayMs must be at most 2147483647 (the longest wait a Node timer keeps) for no-unbounded-retry (got 2147483648)\n',
    ],
    [
      ['--max-delay-ms', '9999999999'],
      'resilience codemod: option maxDelayMs must be at most 2147483647 (the longest wait a Node timer keeps) for no-unbounded-retry (got 9999999999)\n',
    ],
    [
      ['--max-attempts', '1000'],
      "resilience codemod: option maxAttempts 1000 is at or above no-unbounded-retry's unboundedAbove (1000): the rule counts such a limit as no limit\n",
    ],
  ])('%j', async (flags, message) => {
    const dir = tempProject({ 'src/a.ts': RETRY });
    const result = await cli(dir, ['codemod', 'add-retry-backoff', 'src', '--force', '--no-eslint-config', '--report', 'r.json', ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(message);
    expect(result.stdout).toBe('');
    expect(readFileSync(join(dir, 'src/a.ts'), 'utf8')).toBe(RETRY);
    expect(existsSync(join(dir, 'r.json'))).toBe(false);
  });

  it('add-timeout --timeout-ms above the timer limit (exit 2)', async () => {
    const dir = tempProject({ 'src/a.ts': "export const get = () => fetch('https://x');\n" });
    const result = await cli(dir, ['codemod', 'add-timeout', 'src', '--force', '--no-eslint-config', '--timeout-ms', '2147483648']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'resilience codemod: option timeoutMs must be at most 2147483647 (the longest wait a Node timer keeps) for require-timeout (got 2147483648)\n',
    );
    expect(readFileSync(join(dir, 'src/a.ts'), 'utf8')).toBe("export const get = () => fetch('https://x');\n");
  });

  it('--max-attempts 999 is accepted', async () => {
    const dir = tempProject({ 'src/a.ts': 'const x = 1;\n' });
    expect((await cli(dir, ['codemod', 'add-retry-backoff', 'src', '--force', '--no-eslint-config', '--max-attempts', '999'])).code).toBe(0);
  });
});

describe('a transform whose settings configure nothing says so (exit 2)', () => {
  it('guard-shared-resource with no sharedResources in --settings', async () => {
    const dir = tempProject({ 'src/a.ts': 'fetch(u);\n', 's.json': '{ "sharedResources": [] }' });
    const result = await cli(dir, ['codemod', 'guard-shared-resource', 'src', '--force', '--settings', 's.json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'resilience codemod: guard-shared-resource has nothing to do: settings.resilience.sharedResources is missing or empty in s.json. ' +
        'Configure at least one entry (docs/settings.md), or pass --settings <file.json>.\n',
    );
  });

  it('guard-shared-resource with no ESLint config and no --settings', async () => {
    const dir = tempProject({ 'src/a.ts': 'fetch(u);\n' });
    const result = await cli(dir, ['codemod', 'guard-shared-resource', 'src', '--force', '--no-eslint-config']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'resilience codemod: guard-shared-resource has nothing to do: settings.resilience.sharedResources is missing or empty in any settings (--no-eslint-config was given and no --settings file). ' +
        'Configure at least one entry (docs/settings.md), or pass --settings <file.json>.\n',
    );
  });

  it('guard-shared-resource with an ESLint config that configures no resource', async () => {
    const dir = tempProject({ 'src/a.ts': 'fetch(u);\n', 'eslint.config.mjs': 'export default [{ settings: { resilience: {} } }];\n' });
    const result = await cli(dir, ['codemod', 'guard-shared-resource', 'src', '--force']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/sharedResources is missing or empty in the ESLint config of any of the files\./);
  });
});

describe('--dry reports sites left for a person where they are in the text as it would be written', () => {
  const SYNC = 'export function g() {\n  for (;;) {\n    try {\n      return opSync();\n    } catch (error) {\n      log(error);\n    }\n  }\n}\n';
  it('the same positions as a real run writes, after the lines the rewrite adds, and says so', async () => {
    const files = { 'src/a.ts': RETRY + SYNC };
    const dry = tempProject(files);
    const real = tempProject(files);
    const dryRun = await cli(dry, ['codemod', 'add-retry-backoff', 'src', '--dry', '--no-eslint-config', '--report', 'r.json']);
    const realRun = await cli(real, ['codemod', 'add-retry-backoff', 'src', '--force', '--no-eslint-config', '--report', 'r.json']);
    expect(dryRun.code).toBe(0);
    expect(realRun.code).toBe(0);
    const dryReport = JSON.parse(readFileSync(join(dry, 'r.json'), 'utf8'));
    const realReport = JSON.parse(readFileSync(join(real, 'r.json'), 'utf8'));
    expect(dryReport.leftPositions).toBe('as it would be written');
    expect(realReport.leftPositions).toBe('as written');
    const dryLeft = dryReport.files[0].left.map((s: { location: string }) => s.location);
    expect(dryLeft).toEqual(realReport.files[0].left.map((s: { location: string }) => s.location));
    // Both retry rules report the sync loop (no quick fix: nothing to await between attempts).
    expect(dryReport.files[0].left.map((s: { ruleId: string }) => s.ruleId).sort()).toEqual(['resilience/no-unbounded-retry', 'resilience/require-retry-backoff']);
    // The left loop is at line 12 of the input; in the written file it is where `for (;;)` of g() is.
    const written = readFileSync(join(real, 'src/a.ts'), 'utf8').split('\n');
    const line = written.findIndex((text, i) => text === '  for (;;) {' && written[i - 1] === 'export function g() {') + 1;
    expect(line).toBeGreaterThan(12);
    expect(dryLeft).toEqual([`src/a.ts:${line}:3`, `src/a.ts:${line}:3`]);
    expect(dryRun.stderr).toContain('Left for a person (positions in each file as it would be written, the + side of the diff; nothing was written):');
    expect(dryRun.stderr).toContain(`  src/a.ts:${line}:3  resilience/no-unbounded-retry: `);
    expect(realRun.stdout).toContain('Left for a person (positions in each file as written):');
  });
});

describe('a rewritten file keeps what the file system knows about it', () => {
  const SLEEPY = 'export async function f() {\n  for (;;) {\n    try {\n      return await op();\n    } catch (error) {\n      await sleep(1000);\n    }\n  }\n}\n';
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

  it.runIf(asRoot)('owner, group and mode of a file owned by another user', async () => {
    const dir = tempProject({ 'src/a.ts': SLEEPY });
    const file = join(dir, 'src/a.ts');
    chownSync(file, 1234, 2345);
    chmodSync(file, 0o640);
    const result = await cli(dir, ['codemod', 'add-retry-backoff', 'src', '--force', '--no-eslint-config']);
    expect(result.code).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toBe(SLEEPY);
    const stat = statSync(file);
    expect([stat.uid, stat.gid, stat.mode & 0o7777]).toEqual([1234, 2345, 0o640]);
  });

  it('the file is rewritten in place: the same inode, its mode and its extended attributes', async () => {
    const dir = tempProject({ 'src/a.ts': SLEEPY });
    const file = join(dir, 'src/a.ts');
    chmodSync(file, 0o604);
    // Python's os.setxattr where the file system supports it; the inode check covers them anyway (they belong to the inode).
    const xattrs = setXattr(file, 'user.resilience-test', 'kept');
    expect(xattrs).toBe(process.platform === 'linux' && spawnSync('python3', ['--version']).status === 0);
    const before = statSync(file);
    const result = await cli(dir, ['codemod', 'add-retry-backoff', 'src', '--force', '--no-eslint-config']);
    expect(result.code).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toBe(SLEEPY);
    const after = statSync(file);
    expect([after.ino, after.nlink, after.mode & 0o7777]).toEqual([before.ino, 1, 0o604]);
    if (xattrs) expect(getXattr(file, 'user.resilience-test')).toBe('kept');
    expect(readdirSync(join(dir, 'src'))).toEqual(['a.ts']);
  });

  it('a file with two hard links is rewritten once, in place: both links see the new text, and the second path is skipped with a note', async () => {
    const dir = tempProject({ 'src/a.ts': SLEEPY });
    linkSync(join(dir, 'src/a.ts'), join(dir, 'src/b.ts'));
    linkSync(join(dir, 'src/a.ts'), join(dir, 'c.ts'));
    const inode = statSync(join(dir, 'src/a.ts')).ino;
    const result = await cli(dir, ['codemod', 'add-retry-backoff', 'src', '--force', '--no-eslint-config', '--report', 'r.json']);
    expect(result.code).toBe(0);
    const rewritten = readFileSync(join(dir, 'src/a.ts'), 'utf8');
    expect(rewritten).not.toBe(SLEEPY);
    expect(rewritten).toContain('await sleep(');
    for (const path of ['src/a.ts', 'src/b.ts', 'c.ts']) {
      expect(readFileSync(join(dir, path), 'utf8')).toBe(rewritten);
      expect([statSync(join(dir, path)).ino, statSync(join(dir, path)).nlink]).toEqual([inode, 3]);
    }
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    expect(report.files.map((f: { file: string; status: string; reason?: string }) => [f.file, f.status, f.reason])).toEqual([
      ['src/a.ts', 'changed', undefined],
      ['src/b.ts', 'skipped', 'a hard link to src/a.ts, which is rewritten (one file)'],
    ]);
  });

  it('a temporary file left by a killed run blocks nothing: the git check ignores it, and the next write removes it', async () => {
    const dir = tempProject({ 'src/a.ts': SLEEPY });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '.'], { cwd: dir });
    execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'init'], { cwd: dir });
    const gone = spawnSync('true').pid!; // a process that has exited
    const stale = join(dir, `src/.a.ts.resilience-${gone}-0123abcd.tmp`);
    writeFileSync(stale, 'half a file');
    const result = await cli(dir, ['codemod', 'add-retry-backoff', 'src', '--no-eslint-config']);
    expect(result.stderr).not.toMatch(/uncommitted changes/);
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'src/a.ts'), 'utf8')).not.toBe(SLEEPY);
    expect(existsSync(stale)).toBe(false);
    expect(readdirSync(join(dir, 'src'))).toEqual(['a.ts']);
  });
});

describe('a run killed while writing a file: the next run puts the original back first, and nothing stays half written', () => {
  const SLEEPY = 'export async function f() {\n  for (;;) {\n    try {\n      return await op();\n    } catch (error) {\n      await sleep(1000);\n    }\n  }\n}\n';
  // The compiled writer (npm run build), in a child process that kills itself with SIGKILL at one step of the write.
  const filesJs = join(dirname(dirname(__dirname)), 'dist/src/cli/files.js');
  const KILLER = `const { readFileSync } = require('node:fs');
const { writeFileInPlace } = require(process.argv[1]);
const [file, content, root, at] = process.argv.slice(2);
writeFileInPlace(file, content, readFileSync(file), [root], (step) => { if (step === at) process.kill(process.pid, 'SIGKILL'); });`;

  const gitCommitted = (dir: string) => {
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '.'], { cwd: dir });
    execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'init'], { cwd: dir });
  };

  for (const [step, onDisk] of [
    ['recovery-copy-written', (original: string) => original],
    ['half-written', (original: string, next: string) => next.slice(0, Math.floor(next.length / 2)) + original.slice(Math.floor(next.length / 2))],
    ['written', (_: string, next: string) => next],
  ] as const) {
    it(`killed at "${step}": the file is as expected on disk, then the next run restores it, rewrites it once, and leaves no copy`, async () => {
      expect(existsSync(filesJs), 'run `npm run build` first').toBe(true);
      // What one clean run writes.
      const clean = tempProject({ 'src/a.ts': SLEEPY });
      expect((await cli(clean, ['codemod', 'add-retry-backoff', 'src', '--force', '--no-eslint-config'])).code).toBe(0);
      const rewritten = readFileSync(join(clean, 'src/a.ts'), 'utf8');

      const dir = tempProject({ 'src/a.ts': SLEEPY });
      gitCommitted(dir);
      const file = join(dir, 'src/a.ts');
      linkSync(file, join(dir, 'linked.ts'));
      const inode = statSync(file).ino;
      const killed = spawnSync(process.execPath, ['-e', KILLER, filesJs, file, rewritten, dir, step]);
      expect(killed.signal).toBe('SIGKILL');
      expect(readFileSync(file, 'utf8')).toBe(onDisk(SLEEPY, rewritten));
      const copies = readdirSync(join(dir, 'src')).filter((name) => name !== 'a.ts');
      expect(copies).toHaveLength(1);
      expect(copies[0]).toMatch(/^\.a\.ts\.resilience-\d+-[0-9a-f]{8}\.orig$/);
      expect(readFileSync(join(dir, 'src', copies[0]!), 'utf8')).toBe(SLEEPY);

      // The next run: not blocked by the git check (the original is back before it), and the rewrite is done once.
      const next = await cli(dir, ['codemod', 'add-retry-backoff', 'src', '--no-eslint-config', '--report', 'r.json']);
      expect(next.stderr).toContain(`a run killed while writing src/a.ts left the recovery copy ${copies[0]} next to it: the original was put back in place and the copy removed; the file is transformed again now.`);
      expect(next.code).toBe(0);
      expect(readFileSync(file, 'utf8')).toBe(rewritten);
      expect(readFileSync(join(dir, 'linked.ts'), 'utf8')).toBe(rewritten);
      expect([statSync(file).ino, statSync(file).nlink]).toEqual([inode, 2]);
      expect(readdirSync(join(dir, 'src'))).toEqual(['a.ts']);
      expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).recovered).toEqual([{ file: 'src/a.ts', copy: copies[0], restored: true }]);
    });
  }

  it('a write that fails half way (file size limit: EFBIG) puts the original back in place and removes the recovery copy', () => {
    expect(existsSync(filesJs), 'run `npm run build` first').toBe(true);
    const dir = tempProject({ 'src/a.ts': 'x'.repeat(800) });
    const file = join(dir, 'src/a.ts');
    const inode = statSync(file).ino;
    // `ulimit -f 1`: writes past 1024 bytes fail with EFBIG (Node ignores SIGXFSZ).
    const script = `const { readFileSync } = require(process.argv[1]);
try { require(process.argv[2]).writeFileInPlace(process.argv[3], 'y'.repeat(1500), readFileSync(process.argv[3]), [process.argv[4]]); } catch (error) { console.log(error.message); }`;
    const result = spawnSync('bash', ['-c', 'ulimit -f 1; exec "$0" -e "$1" node:fs "$2" "$3" "$4"', process.execPath, script, filesJs, file, dir], { encoding: 'utf8' });
    expect(result.stdout.trim()).toBe('the write failed (EFBIG); the original was put back');
    expect(readFileSync(file, 'utf8')).toBe('x'.repeat(800));
    expect(statSync(file).ino).toBe(inode);
    expect(readdirSync(join(dir, 'src'))).toEqual(['a.ts']);
  });

  it('a dry run reports a recovery copy and changes nothing', async () => {
    const dir = tempProject({ 'src/a.ts': SLEEPY.slice(0, 40) });
    const gone = spawnSync('true').pid!;
    const copy = `.a.ts.resilience-${gone}-0123abcd.orig`;
    writeFileSync(join(dir, 'src', copy), SLEEPY);
    const result = await cli(dir, ['codemod', 'add-retry-backoff', 'src', '--dry', '--no-eslint-config']);
    expect(result.stderr).toContain(`a run killed while writing src/a.ts left the recovery copy ${copy} next to it: this dry run reads the file as it is now (perhaps half written); a run without --dry puts the original back first.`);
    expect(readFileSync(join(dir, 'src/a.ts'), 'utf8')).toBe(SLEEPY.slice(0, 40));
    expect(readdirSync(join(dir, 'src')).sort()).toEqual([copy, 'a.ts']);
  });

  it('a recovery copy whose process is still running is left alone', async () => {
    const dir = tempProject({ 'src/a.ts': SLEEPY });
    const copy = `.a.ts.resilience-${process.ppid}-0123abcd.orig`;
    writeFileSync(join(dir, 'src', copy), 'const x = 1;\n');
    const result = await cli(dir, ['codemod', 'add-retry-backoff', 'src', '--force', '--no-eslint-config']);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('recovery copy');
    expect(readFileSync(join(dir, 'src/a.ts'), 'utf8')).not.toBe(SLEEPY);
    expect(readFileSync(join(dir, 'src', copy), 'utf8')).toBe('const x = 1;\n');
  });
});

describe('a run fails loudly, not silently', () => {
  it('a --report that cannot be written is an error exit (1), after the files were processed', async () => {
    const dir = tempProject({ 'src/a.ts': 'const x = 1;\n' });
    const result = await cli(dir, ['codemod', 'add-retry-backoff', 'src', '--force', '--no-eslint-config', '--report', 'no/such/dir/r.json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^resilience codemod: cannot write the report .*no\/such\/dir\/r\.json: ENOENT/m);
    expect(result.stdout).toMatch(/Files unchanged\s+1/);
  });

  it('an ESLint config that never settles stops the run after the time bound, with a clear error (exit 2, nothing written)', async () => {
    const dir = tempProject({ 'src/a.ts': RETRY, 'eslint.config.mjs': 'await new Promise(() => {});\nexport default [];\n' });
    const started = Date.now();
    const result = await cli(dir, ['codemod', 'add-retry-backoff', 'src', '--force'], { configTimeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'resilience codemod: loading the ESLint config did not finish within 0.3 s (does eslint.config.* wait on something that never settles?). ' +
        'Fix the config, pass --settings <file.json> with --no-eslint-config, or raise RESILIENCE_CONFIG_TIMEOUT_MS.\n',
    );
    expect(readFileSync(join(dir, 'src/a.ts'), 'utf8')).toBe(RETRY);
  });
});
