import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CodemodDefinition } from '../../src/codemod/codemod';
import type { RuleModule } from '../../src/rule-module';
import { run, type RunOptions, type RunReport } from '../../src/cli/main';
import { LINE_FLUSH_MS, Progress, type FileReport } from '../../src/cli/report';
import { testRules } from './test-rules';

const IMPORT = "import { retryWithBackoff } from './retry';";

const codemods: Record<string, CodemodDefinition> = {
  'test-retry': {
    name: 'test-retry',
    description: 'Test rewrite of legacyRetry and sleep().',
    ruleIds: ['test-retry', 'test-delay'],
    options: [
      { name: 'maxAttempts', type: 'integer', description: 'Attempts.' },
      { name: 'baseDelayMs', type: 'integer', description: 'Delay.' },
    ],
  },
  'test-guard': {
    name: 'test-guard',
    description: 'Test guard rewrite from settings.',
    ruleIds: ['test-guard'],
    options: [],
  },
};

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
  for (const dir of dirs.splice(0)) {
    try {
      execFileSync('chmod', ['-R', 'u+w', dir]);
    } catch {
      // best effort
    }
    rmSync(dir, { recursive: true, force: true });
  }
});

function tempProject(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'resilience-cli-'));
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
  const code = await run(argv, { cwd, stdout, stderr, rules: testRules, codemods, ...extra });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');

function git(dir: string, ...args: string[]) {
  execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir, stdio: 'pipe' });
}

describe('resilience CLI: usage', () => {
  it('--help and codemod --help list the transforms with descriptions (exit 0)', async () => {
    const dir = tempProject({});
    const general = await cli(dir, ['--help']);
    expect(general.code).toBe(0);
    expect(general.stdout).toMatch(/test-retry\s+Test rewrite of legacyRetry and sleep\(\)\./);
    expect(general.stdout).toMatch(/test-guard\s+Test guard rewrite from settings\./);
    const codemod = await cli(dir, ['codemod', '--help']);
    expect(codemod.code).toBe(0);
    expect(codemod.stdout).toMatch(/test-retry\s+Test rewrite/);
    expect(codemod.stdout).toContain('--dry');
    expect(codemod.stdout).toContain('--max-attempts <n>');
  });

  it('the built-in registry lists both codemods', async () => {
    const stdout = new Stream();
    expect(await run(['--help'], { stdout, stderr: new Stream() })).toBe(0);
    expect(stdout.text).toMatch(/add-retry-backoff\s+\S/);
    expect(stdout.text).toMatch(/guard-shared-resource\s+\S/);
  });

  it.each([
    [[], /Usage/],
    [['frobnicate'], /unknown command/],
    [['codemod'], /missing <transform>/],
    [['codemod', 'nope', 'src'], /unknown transform "nope" \(transforms: test-retry, test-guard\)/],
    [['codemod', 'test-retry'], /missing <paths/],
    [['codemod', 'test-retry', 'src', '--bogus'], /Unknown option '--bogus'/],
    [['codemod', 'test-retry', 'missing-dir'], /missing-dir: no such file or directory/],
    [['codemod', 'test-retry', '.', '--cpus', 'x'], /--cpus must be a positive integer/],
    [['codemod', 'test-retry', '.', '--extensions', 'py'], /unsupported py/],
    [['codemod', 'test-retry', '.', '--max-attempts', 'lots'], /maxAttempts must be a non-negative integer/],
    [['codemod', 'test-guard', '.', '--max-attempts', '3'], /--max-attempts is not an option of test-guard/],
    [['codemod', 'test-retry', '.', '--ignore-pattern', '../x'], /--ignore-pattern "..\/x" must not contain ".." segments/],
  ])('usage error %j exits 2', async (argv, message) => {
    const dir = tempProject({ 'a.ts': 'sleep();\n' });
    const result = await cli(dir, argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(read(dir, 'a.ts')).toBe('sleep();\n');
  });

  it('fails clearly (exit 2) when a transform names a rule the plugin lacks', async () => {
    const dir = tempProject({ 'a.ts': 'sleep();\n' });
    const result = await cli(dir, ['codemod', 'test-retry', '.'], { rules: { 'test-delay': testRules['test-delay']! } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('needs rule "test-retry", which is not in eslint-plugin-resilience\'s rules index');
  });
});

describe('resilience CLI: runs', () => {
  it('rewrites files in place, leaves files with no finding byte-identical, prints a summary (exit 0)', async () => {
    const dir = tempProject({
      'src/a.ts': 'async function f() {\n  await legacyRetry(op);\n}\n',
      'src/b.js': 'const x = 1;\n',
      'src/c.mjs': 'await sleep();\n',
    });
    const result = await cli(dir, ['codemod', 'test-retry', 'src', '--max-attempts', '5', '--baseDelayMs', '20']);
    expect(result.code).toBe(0);
    expect(read(dir, 'src/a.ts')).toBe(`${IMPORT}\nasync function f() {\n  await retryWithBackoff(op, { maxAttempts: 5 });\n}\n`);
    expect(read(dir, 'src/b.js')).toBe('const x = 1;\n');
    expect(read(dir, 'src/c.mjs')).toBe('await sleep(20);\n');
    expect(result.stdout).toMatch(/Files changed\s+2/);
    expect(result.stdout).toMatch(/Files unchanged\s+1/);
    expect(result.stdout).toMatch(/Sites rewritten\s+2/);
    expect(result.stderr).toContain('[1/3] src/a.ts: changed');
    // Running again changes nothing.
    const again = await cli(dir, ['codemod', 'test-retry', 'src', '--max-attempts', '5', '--baseDelayMs', '20']);
    expect(again.stdout).toMatch(/Files changed\s+0/);
  });

  it('--dry writes nothing and prints a unified diff per changed file', async () => {
    const dir = tempProject({ 'a.ts': 'legacyRetry(op);\n', 'b.ts': 'const y = 2;\n' });
    const result = await cli(dir, ['codemod', 'test-retry', '.', '--dry']);
    expect(result.code).toBe(0);
    expect(read(dir, 'a.ts')).toBe('legacyRetry(op);\n');
    expect(result.stdout).toBe(
      [
        '--- a/a.ts',
        '+++ b/a.ts',
        '@@ -1,1 +1,2 @@',
        '-legacyRetry(op);',
        `+${IMPORT}`,
        '+retryWithBackoff(op, { maxAttempts: 3 });',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toMatch(/Files that would change\s+1/);
  });

  it('--print prints the transformed files', async () => {
    const dir = tempProject({ 'a.ts': 'sleep();\n' });
    const result = await cli(dir, ['codemod', 'test-retry', 'a.ts', '--print', '--dry']);
    expect(result.stdout).toContain('+sleep(100);');
    expect(result.stdout.endsWith('sleep(100);\n')).toBe(true);
  });

  it('--report writes per-file status and per-site rewritten/left with file:line:col and reason', async () => {
    const dir = tempProject({
      'src/a.ts': 'legacyRetry(...args);\nlegacyRetry(x);\n',
      'src/b.ts': 'const b = 1;\n',
      'src/broken.ts': 'const = ;\n',
      'src/big.ts': `// ${'x'.repeat(2 * 1024 * 1024)}\n`,
    });
    const result = await cli(dir, ['codemod', 'test-retry', 'src', '--report', 'report.json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(read(dir, 'report.json')) as RunReport;
    expect(report.transform).toBe('test-retry');
    expect(report.files.map((f) => [f.file, f.status])).toEqual([
      ['src/a.ts', 'changed'],
      ['src/b.ts', 'unchanged'],
      ['src/big.ts', 'skipped'],
      ['src/broken.ts', 'error'],
    ]);
    const a = report.files[0]!;
    expect(a.rewritten).toEqual([
      { location: 'src/a.ts:2:1', line: 2, column: 1, ruleId: 'resilience/test-retry', message: 'legacyRetry has no backoff.' },
    ]);
    expect(a.left).toEqual([
      {
        location: 'src/a.ts:2:1',
        line: 2,
        column: 1,
        ruleId: 'resilience/test-retry',
        message: 'legacyRetry has no backoff. No quick fix: spread arguments.',
        reason: 'spread arguments',
      },
    ]);
    expect(report.files[2]!.reason).toMatch(/larger than 2 MB/);
    expect(report.files[3]!.error).toMatch(/Parsing error/);
    expect(report.summary).toEqual({
      filesScanned: 4,
      filesChanged: 1,
      filesUnchanged: 1,
      filesNotParsed: 0,
      filesSkipped: 1,
      filesErrored: 1,
      sitesRewritten: 1,
      sitesLeft: 1,
    });
    expect(result.stdout).toContain('src/a.ts:2:1  resilience/test-retry: spread arguments');
  });
});

describe('resilience CLI: never loses data', () => {
  it('a file that does not parse is an error with the parser message; the others are processed (exit 1)', async () => {
    const dir = tempProject({ 'a.ts': 'let = ;\nsleep();\n', 'b.ts': 'sleep();\n' });
    const result = await cli(dir, ['codemod', 'test-retry', '.']);
    expect(result.code).toBe(1);
    expect(read(dir, 'a.ts')).toBe('let = ;\nsleep();\n');
    expect(read(dir, 'b.ts')).toBe('sleep(100);\n');
    expect(result.stdout).toMatch(/error {4}a\.ts: Parsing error: .* \(1:\d+\)/);
  });

  it('a rule that throws on one file makes that file an error entry; the others are processed (exit 1)', async () => {
    const crash = {
      meta: { type: 'problem', hasSuggestions: true, messages: { m: 'x' }, schema: [] },
      create: () => ({
        'CallExpression[callee.name="boom"]'() {
          throw new Error('rule exploded');
        },
      }),
    } as unknown as RuleModule;
    const dir = tempProject({ 'a.ts': 'boom();\nsleep();\n', 'b.ts': 'sleep();\n' });
    const crashing: Record<string, CodemodDefinition> = { crash: { ...codemods['test-retry']!, name: 'crash', ruleIds: ['test-delay', 'crash'] } };
    const result = await cli(dir, ['codemod', 'crash', '.'], { rules: { ...testRules, crash }, codemods: crashing });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/error {4}a\.ts: .*rule exploded/);
    expect(read(dir, 'a.ts')).toBe('boom();\nsleep();\n');
    expect(read(dir, 'b.ts')).toBe('sleep(100);\n');
  });

  it('a read-only file is an error entry and stays unchanged', async () => {
    const dir = tempProject({ 'ro.ts': 'sleep();\n', 'rw.ts': 'sleep();\n' });
    chmodSync(join(dir, 'ro.ts'), 0o444);
    const result = await cli(dir, ['codemod', 'test-retry', '.']);
    expect(result.code).toBe(1);
    expect(read(dir, 'ro.ts')).toBe('sleep();\n');
    expect(read(dir, 'rw.ts')).toBe('sleep(100);\n');
    expect(result.stdout).toContain('error    ro.ts: file is read-only');
  });

  it('keeps the file mode and leaves no temporary files', async () => {
    const dir = tempProject({ 'a.ts': 'sleep();\n' });
    chmodSync(join(dir, 'a.ts'), 0o640);
    await cli(dir, ['codemod', 'test-retry', '.']);
    expect(statSync(join(dir, 'a.ts')).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['a.ts']);
  });

  it('does not follow symbolic links out of the given paths', async () => {
    const outside = tempProject({ 'target.ts': 'sleep();\n', 'dir/inner.ts': 'sleep();\n' });
    const dir = tempProject({ 'src/a.ts': 'sleep();\n' });
    symlinkSync(join(outside, 'target.ts'), join(dir, 'src/link.ts'));
    symlinkSync(join(outside, 'dir'), join(dir, 'src/linkdir'));
    const result = await cli(dir, ['codemod', 'test-retry', 'src', '--report', 'r.json']);
    expect(result.code).toBe(0);
    expect(read(outside, 'target.ts')).toBe('sleep();\n');
    expect(read(outside, 'dir/inner.ts')).toBe('sleep();\n');
    expect(read(dir, 'src/a.ts')).toBe('sleep(100);\n');
    const report = JSON.parse(read(dir, 'r.json')) as RunReport;
    expect(report.files.filter((f) => f.status === 'skipped').map((f) => [f.file, f.reason])).toEqual([
      ['src/link.ts', 'symbolic link, not followed'],
      ['src/linkdir', 'symbolic link, not followed'],
    ]);
    // A symlink named on the command line is not followed either.
    const named = await cli(dir, ['codemod', 'test-retry', 'src/link.ts']);
    expect(named.stdout).toContain('skipped  src/link.ts: symbolic link, not followed');
    expect(read(outside, 'target.ts')).toBe('sleep();\n');
  });

  it('skips files over 2 MB, binary files and non-UTF-8 files with a note', async () => {
    const dir = tempProject({
      'big.ts': `sleep();\n// ${'x'.repeat(2 * 1024 * 1024)}\n`,
      'bin.js': Buffer.from([0x73, 0x6c, 0x65, 0x65, 0x70, 0x28, 0x29, 0x3b, 0x00, 0x0a]),
      'latin1.js': Buffer.from('sleep(); // caf\xe9\n', 'latin1'),
      'ok.js': 'sleep();\n',
    });
    const result = await cli(dir, ['codemod', 'test-retry', '.']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/skipped {2}big\.ts: larger than 2 MB/);
    expect(result.stdout).toContain('skipped  bin.js: binary file (contains NUL bytes)');
    expect(result.stdout).toContain('skipped  latin1.js: not valid UTF-8');
    expect(readFileSync(join(dir, 'latin1.js'))).toEqual(Buffer.from('sleep(); // caf\xe9\n', 'latin1'));
    expect(read(dir, 'ok.js')).toBe('sleep(100);\n');
  });

  it('keeps a BOM and CRLF line endings', async () => {
    const dir = tempProject({ 'a.ts': '\uFEFFlegacyRetry(op);\r\nsleep();\r\n' });
    await cli(dir, ['codemod', 'test-retry', '.']);
    expect(read(dir, 'a.ts')).toBe(`\uFEFF${IMPORT}\r\nretryWithBackoff(op, { maxAttempts: 3 });\r\nsleep(100);\r\n`);
  });

  it('an interrupted run finishes the file in progress, touches no other and says what it did', async () => {
    const dir = tempProject({ 'a.ts': 'sleep();\n', 'b.ts': 'sleep();\n', 'c.ts': 'sleep();\n' });
    const controller = new AbortController();
    const result = await cli(dir, ['codemod', 'test-retry', '.'], { signal: controller.signal, onFileDone: () => controller.abort() });
    expect(result.code).toBe(130);
    expect(read(dir, 'a.ts')).toBe('sleep(100);\n');
    expect(read(dir, 'b.ts')).toBe('sleep();\n');
    expect(read(dir, 'c.ts')).toBe('sleep();\n');
    expect(result.stdout).toContain('Interrupted: 1 of 3 files processed, 2 not touched. No file was partly written.');
    expect(readdirSync(dir).sort()).toEqual(['a.ts', 'b.ts', 'c.ts']);
  });
});

describe('resilience CLI: progress', () => {
  it('draws a progress bar on a TTY and plain lines otherwise', async () => {
    const dir = tempProject({ 'a.ts': 'sleep();\n', 'b.ts': 'const b = 1;\n' });
    const stderr = new Stream();
    stderr.isTTY = true;
    const code = await run(['codemod', 'test-retry', '.', '--dry'], { cwd: dir, stdout: new Stream(), stderr, rules: testRules, codemods });
    expect(code).toBe(0);
    expect(stderr.text).toContain('\r\x1b[2K[############------------] 1/2 a.ts');
    expect(stderr.text).toContain('[########################] 2/2 b.ts');
    expect(stderr.text).not.toContain('[1/2]');
  });
});

describe('Progress lines', () => {
  const file = (name: string): FileReport => ({ file: name, status: 'unchanged', rewritten: [], left: [] });
  it('writes the first line at once, then the lines of each interval in one write, and the rest at the end', () => {
    const writes: string[] = [];
    let clock = 1000;
    const progress = new Progress({ write: (chunk: string) => writes.push(chunk) }, 5, () => clock);
    progress.update(1, file('a.ts'));
    expect(writes).toEqual(['[1/5] a.ts: unchanged\n']);
    clock += 1;
    progress.update(2, file('b.ts'));
    clock += 1;
    progress.update(3, file('c.ts'));
    expect(writes).toHaveLength(1);
    clock += LINE_FLUSH_MS;
    progress.update(4, { ...file('d.ts'), status: 'error', error: 'bad' });
    expect(writes).toEqual(['[1/5] a.ts: unchanged\n', '[2/5] b.ts: unchanged\n[3/5] c.ts: unchanged\n[4/5] d.ts: error: bad\n']);
    progress.update(5, file('e.ts'));
    progress.end();
    expect(writes.join('')).toBe(['a.ts: unchanged', 'b.ts: unchanged', 'c.ts: unchanged', 'd.ts: error: bad', 'e.ts: unchanged'].map((line, i) => `[${i + 1}/5] ${line}\n`).join(''));
    expect(writes).toHaveLength(3);
  });

  it('a diff on stdout comes after the progress line of its file', async () => {
    const dir = tempProject({ 'a.ts': 'sleep();\n', 'b.ts': 'const b = 1;\n', 'c.ts': 'sleep();\n' });
    const shared: string[] = [];
    const stream = (name: string) => ({ write: (chunk: string) => shared.push(`${name}:${chunk}`) });
    const code = await run(['codemod', 'test-retry', '.', '--dry'], { cwd: dir, stdout: stream('out'), stderr: stream('err'), rules: testRules, codemods });
    expect(code).toBe(0);
    const text = shared.join('');
    expect(text.indexOf('err:[1/3] a.ts')).toBeLessThan(text.indexOf('out:--- a/a.ts'));
    expect(text.indexOf('[3/3] c.ts')).toBeLessThan(text.indexOf('out:--- a/c.ts'));
    expect(text.indexOf('[2/3] b.ts')).toBeLessThan(text.indexOf('[3/3] c.ts'));
  });
});

describe('resilience CLI: which files', () => {
  it('ignores node_modules, dist, build, coverage, *.d.ts and --ignore-pattern matches; honours --extensions', async () => {
    const files: Record<string, string> = {};
    for (const name of ['node_modules/m/a.js', 'dist/a.js', 'build/a.js', 'coverage/a.js', 'src/types.d.ts', 'src/gen/a.ts', 'src/a.test.ts', 'src/keep.ts', 'src/keep.js', 'src/notes.md']) {
      files[name] = 'sleep();\n';
    }
    const dir = tempProject(files);
    const result = await cli(dir, ['codemod', 'test-retry', '.', '--ignore-pattern', 'src/gen', '--ignore-pattern', '*.test.ts', '--extensions', 'ts']);
    expect(result.code).toBe(0);
    const changed = Object.keys(files).filter((name) => read(dir, name) !== 'sleep();\n');
    expect(changed).toEqual(['src/keep.ts']);
  });

  it('refuses a dirty git tree unless --force or --dry; skips git-ignored files', async () => {
    const dir = tempProject({ 'a.ts': 'sleep();\n', '.gitignore': 'ignored.ts\n', 'ignored.ts': 'sleep();\n' });
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'init');
    writeFileSync(join(dir, 'b.ts'), 'sleep();\n');
    const refused = await cli(dir, ['codemod', 'test-retry', '.']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('uncommitted changes');
    expect(refused.stderr).toContain('?? b.ts');
    expect(read(dir, 'a.ts')).toBe('sleep();\n');

    const dry = await cli(dir, ['codemod', 'test-retry', '.', '--dry']);
    expect(dry.code).toBe(0);
    expect(read(dir, 'a.ts')).toBe('sleep();\n');

    const forced = await cli(dir, ['codemod', 'test-retry', '.', '--force']);
    expect(forced.code).toBe(0);
    expect(read(dir, 'a.ts')).toBe('sleep(100);\n');
    expect(read(dir, 'b.ts')).toBe('sleep(100);\n');
    expect(read(dir, 'ignored.ts')).toBe('sleep();\n');

    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'codemod');
    writeFileSync(join(dir, 'c.ts'), 'sleep();\n');
    git(dir, 'add', 'c.ts');
    git(dir, 'commit', '-qm', 'c');
    const clean = await cli(dir, ['codemod', 'test-retry', '.']);
    expect(clean.code).toBe(0);
    expect(read(dir, 'c.ts')).toBe('sleep(100);\n');
  });

  it('checks the repository of each given path, even when the working directory is not in one', async () => {
    const dir = tempProject({ 'repo/a.ts': 'sleep();\n' });
    git(join(dir, 'repo'), 'init', '-q');
    const refused = await cli(dir, ['codemod', 'test-retry', 'repo']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('?? a.ts');
    expect(read(dir, 'repo/a.ts')).toBe('sleep();\n');
  });
});

describe('resilience CLI: settings', () => {
  const resilience = { sharedResources: [{ name: 'net', match: { globals: ['fetch'] }, fix: { wrap: 'guarded(() => $CALL)' } }] };

  it("reads settings.resilience from the user's eslint.config.*", async () => {
    const dir = tempProject({
      'eslint.config.mjs': `export default [{ files: ['**/*.ts'], settings: { resilience: ${JSON.stringify(resilience)} } }];\n`,
      'a.ts': 'fetch(url);\n',
    });
    const result = await cli(dir, ['codemod', 'test-guard', 'a.ts']);
    expect(result.code).toBe(0);
    expect(read(dir, 'a.ts')).toBe('guarded(() => fetch(url));\n');
  });

  it('--settings overrides the ESLint config (bare or under a resilience key)', async () => {
    const other = { sharedResources: [{ name: 'net', match: { globals: ['fetch'] }, fix: { wrap: 'other(() => $CALL)' } }] };
    const dir = tempProject({
      'eslint.config.mjs': `export default [{ files: ['**/*.ts'], settings: { resilience: ${JSON.stringify(resilience)} } }];\n`,
      'a.ts': 'fetch(url);\n',
      'b.ts': 'fetch(url);\n',
      'bare.json': JSON.stringify(other),
      'wrapped.json': JSON.stringify({ resilience: other }),
    });
    expect((await cli(dir, ['codemod', 'test-guard', 'a.ts', '--settings', 'bare.json'])).code).toBe(0);
    expect((await cli(dir, ['codemod', 'test-guard', 'b.ts', '--settings', 'wrapped.json'])).code).toBe(0);
    expect(read(dir, 'a.ts')).toBe('other(() => fetch(url));\n');
    expect(read(dir, 'b.ts')).toBe('other(() => fetch(url));\n');
  });

  it('bad settings stop the run with a clear message (exit 2) before any write', async () => {
    const dir = tempProject({
      'bad.json': JSON.stringify({ sharedResources: [{ name: 'net', match: { globals: ['fetch'] }, fix: { wrap: 'guarded(() => CALL)' } }] }),
      'a.ts': 'fetch(url);\n',
    });
    const result = await cli(dir, ['codemod', 'test-guard', 'a.ts', '--settings', 'bad.json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bad.json.sharedResources[0].fix.wrap must contain $CALL');
    expect(read(dir, 'a.ts')).toBe('fetch(url);\n');
  });

  it("uses the rule options of the user's ESLint config; command-line options and --no-eslint-config override them", async () => {
    const config = `const rule = { meta: { schema: [{ type: 'object', properties: { baseDelayMs: { type: 'integer' }, maxAttempts: { type: 'integer' } }, additionalProperties: false }] }, create: () => ({}) };
export default [{ files: ['**/*.ts'], plugins: { resilience: { rules: { 'test-delay': rule, 'test-retry': rule } } }, rules: { 'resilience/test-delay': ['error', { baseDelayMs: 55 }], 'resilience/test-retry': ['warn', { maxAttempts: 9 }] } }];
`;
    const dir = tempProject({ 'eslint.config.mjs': config, 'a.ts': 'sleep();\nlegacyRetry(x);\n', 'b.ts': 'sleep();\nlegacyRetry(x);\n', 'c.ts': 'sleep();\n' });
    expect((await cli(dir, ['codemod', 'test-retry', 'a.ts'])).code).toBe(0);
    expect(read(dir, 'a.ts')).toBe(`${IMPORT}\nsleep(55);\nretryWithBackoff(x, { maxAttempts: 9 });\n`);
    expect((await cli(dir, ['codemod', 'test-retry', 'b.ts', '--max-attempts', '2'])).code).toBe(0);
    expect(read(dir, 'b.ts')).toBe(`${IMPORT}\nsleep(55);\nretryWithBackoff(x, { maxAttempts: 2 });\n`);
    expect((await cli(dir, ['codemod', 'test-retry', 'c.ts', '--no-eslint-config'])).code).toBe(0);
    expect(read(dir, 'c.ts')).toBe('sleep(100);\n');
  });

  it('an ESLint config that does not load stops the run (exit 2)', async () => {
    const dir = tempProject({ 'eslint.config.mjs': 'export default [{ files: ["**/*.ts"], rules: { "resilience/test-delay": "error" } }];\n', 'a.ts': 'sleep();\n' });
    const result = await cli(dir, ['codemod', 'test-retry', 'a.ts']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot load the ESLint config for .*a\.ts: .*resilience/);
    expect(read(dir, 'a.ts')).toBe('sleep();\n');
  });

  it('no ESLint config means no settings: nothing flagged', async () => {
    const dir = tempProject({ 'a.ts': 'fetch(url);\n' });
    const result = await cli(dir, ['codemod', 'test-guard', 'a.ts']);
    expect(result.code).toBe(0);
    expect(read(dir, 'a.ts')).toBe('fetch(url);\n');
  });
});

it('cleans up', () => {
  expect(dirs.every((d) => !existsSync(d))).toBe(true);
});
