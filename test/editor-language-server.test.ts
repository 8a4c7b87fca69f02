/**
 * The editor path: the real `vscode-eslint-language-server` (from
 * vscode-langservers-extracted, the server of VS Code's ESLint extension,
 * also used by Neovim, Helix, Zed and others) over stdio, on a project that
 * installed the plugin from the packed tarball with ESLint 10. It opens a
 * file, pulls diagnostics (`textDocument/diagnostic`), checks the
 * `resilience/*` diagnostics, asks for code actions at one and checks that the
 * quick fix's edit gives the same text as the rule's suggestion through the
 * `eslint` binary, then edits the file (`didChange`) and checks that the
 * diagnostics follow. A config with bad `settings.resilience` shows one
 * diagnostic at the top of the file. And it pins the server's traps with
 * ESLint 10 that the README states: `experimental.useFlatConfig: true` lints
 * nothing, and settings without an `experimental` object fail every request.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdits, LspClient, type Diagnostic, type TextEdit } from './helpers/lsp';
import { eslintPackages, installProject, packTarball, root, run } from './helpers/packaged';

const server = join(root, 'node_modules/vscode-langservers-extracted/bin/vscode-eslint-language-server');
const work = mkdtempSync(join(tmpdir(), 'resilience-lsp-'));
const project = join(work, 'project');
const file = join(project, 'src/service.ts');
const uri = pathToFileURL(file).href;
const folder = { uri: pathToFileURL(project).href, name: 'project' };

const source = [
  "import * as fs from 'fs';",
  '',
  'export function readShared(file: string): string {',
  "  return fs.readFileSync(file, 'utf8');",
  '}',
  '',
  'export async function getUser(id: string): Promise<unknown> {',
  '  while (true) {',
  '    try {',
  '      return await (await fetch(`/users/${id}`)).json();',
  '    } catch {',
  '      // try again at once',
  '    }',
  '  }',
  '}',
  '',
].join('\n');

/**
 * The per-document settings the VS Code extension sends (its defaults), as
 * far as the server reads them. With ESLint 10 the `experimental` object must
 * be present and `useFlatConfig` left unset: see the trap tests below.
 */
const editorSettings = {
  validate: 'on',
  packageManager: 'npm',
  useESLintClass: false,
  experimental: {},
  codeAction: { disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' }, showDocumentation: { enable: true } },
  codeActionOnSave: { enable: false, mode: 'all' },
  format: false,
  quiet: false,
  onIgnoredFiles: 'off',
  options: {},
  rulesCustomizations: [],
  run: 'onType',
  problems: { shortenToSingleLine: false },
  nodePath: null,
  workspaceFolder: folder,
};

const unguarded = "`fs.readFileSync` touches shared resource 'shared-fs' outside its outage flip: wrap it in `withOutageFlip`.";
const unbounded = 'This loop retries failed attempts with no attempt limit or deadline, so a lasting failure becomes an endless flood of retries.';
const noBackoff = 'This loop does not wait between retries, so during a lasting failure the retries keep coming at a steady rate instead of backing off.';
const noTimeout =
  'This fetch call has no signal, so on Node it can wait up to 5 minutes for the headers, and again for each pause in the body, on a dependency that stops answering.';
const docs = (rule: string) => `https://github.com/eslint-plugin-resilience/eslint-plugin-resilience/blob/main/docs/rules/${rule}.md`;

/** What an editor shows: rule, range (0-based), severity (1 error, 2 warning) and message. */
function shown(diagnostics: Diagnostic[]) {
  return diagnostics
    .filter((d) => String(d.code).startsWith('resilience/'))
    .map((d) => ({ code: d.code, range: d.range, severity: d.severity, message: d.message }));
}
const range = (line: number, character: number, endLine: number, endCharacter: number) => ({
  start: { line, character },
  end: { line: endLine, character: endCharacter },
});

function startServer(settings: unknown): LspClient {
  return new LspClient(process.execPath, [server, '--stdio'], project, () => settings);
}

async function initialize(client: LspClient): Promise<void> {
  await client.request('initialize', {
    processId: process.pid,
    rootUri: folder.uri,
    workspaceFolders: [folder],
    capabilities: {
      workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true } },
      textDocument: {
        diagnostic: { dynamicRegistration: false },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
      },
    },
  });
  client.notify('initialized', {});
}

async function pull(client: LspClient, documentUri = uri): Promise<Diagnostic[]> {
  const report = await client.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: documentUri } });
  expect(report.kind).toBe('full');
  return report.items;
}

beforeAll(() => {
  const tarball = packTarball(work);
  installProject(project, tarball, eslintPackages());
  writeFileSync(
    join(project, 'eslint.config.mjs'),
    [
      "import resilience from 'eslint-plugin-resilience';",
      "import tsParser from '@typescript-eslint/parser';",
      'export default [',
      "  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },",
      '  resilience.configs.recommended,',
      // fetch with no signal is left to strict by default (Node bounds it at 300 s); this project asks for it.
      "  { rules: { 'resilience/require-timeout': ['warn', { reportFetch: true }] } },",
      '  {',
      '    settings: {',
      '      resilience: {',
      '        sharedResources: [',
      '          {',
      "            name: 'shared-fs',",
      "            match: { modules: ['fs'] },",
      "            guards: ['withOutageFlip'],",
      "            fix: { wrap: \"withOutageFlip('shared-fs', () => $CALL)\", import: { named: 'withOutageFlip', from: './src/outage-flips' } },",
      '          },',
      '        ],',
      '      },',
      '    },',
      '  },',
      '];',
    ].join('\n'),
  );
  writeFileSync(file, source);
  // A sub-project with its own config and a wrong type in settings.resilience.
  mkdirSync(join(project, 'bad/src'), { recursive: true });
  writeFileSync(
    join(project, 'bad/eslint.config.mjs'),
    "import resilience from 'eslint-plugin-resilience';\nexport default [resilience.configs.recommended, { settings: { resilience: { sharedResources: [{ name: 'shared-fs', match: { modules: ['fs'] }, guards: 'withOutageFlip' }] } } }];\n",
  );
  writeFileSync(join(project, 'bad/src/reader.js'), "import fs from 'fs';\nexport const read = (p) => fs.readFileSync(p);\n");
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('vscode-eslint-language-server with ESLint 10 and the packaged plugin', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = startServer(editorSettings);
    await initialize(client);
  });
  afterAll(async () => client?.close());

  it('pulls the diagnostics, offers the suggestion as a quick fix with the CLI’s edit, and follows an edit', async () => {
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: source } });
    const diagnostics = await pull(client);
    expect(shown(diagnostics), client.log.join('\n')).toEqual([
      { code: 'resilience/no-unguarded-shared-resource', range: range(3, 9, 3, 38), severity: 1, message: unguarded },
      { code: 'resilience/no-unbounded-retry', range: range(7, 2, 7, 7), severity: 1, message: unbounded },
      { code: 'resilience/require-retry-backoff', range: range(7, 2, 7, 7), severity: 2, message: noBackoff },
      { code: 'resilience/require-timeout', range: range(9, 26, 9, 47), severity: 2, message: noTimeout },
    ]);
    // The rule docs link comes with each diagnostic.
    expect(diagnostics.map((d) => (d as { codeDescription?: { href: string } }).codeDescription?.href)).toEqual(
      ['no-unguarded-shared-resource', 'no-unbounded-retry', 'require-retry-backoff', 'require-timeout'].map(docs),
    );

    // The quick fix at the shared-resource diagnostic.
    const target = diagnostics[0]!;
    const actions = await client.request<{ title: string; kind?: string; command?: { command: string; arguments: unknown[] } }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: target.range,
      context: { diagnostics: [target], only: ['quickfix'] },
    });
    const fix = actions.find((a) => a.command?.command === 'eslint.applySuggestion');
    expect(fix?.title).toBe("Wrap the call: `withOutageFlip('shared-fs', () => fs.readFileSync(…))`. (resilience/no-unguarded-shared-resource)");
    await client.request('workspace/executeCommand', { command: fix!.command!.command, arguments: fix!.command!.arguments });
    expect(client.appliedEdits).toHaveLength(1);
    const edit = client.appliedEdits[0]!;
    const edits: TextEdit[] = edit.documentChanges ? edit.documentChanges.flatMap((c) => c.edits) : (edit.changes?.[uri] ?? []);
    const fixed = applyEdits(source, edits);

    // The same suggestion through the eslint binary in the same project.
    const cli = run(join(project, 'node_modules/.bin/eslint'), ['--format', 'json', 'src/service.ts'], project);
    const [result] = JSON.parse(cli.stdout) as { messages: { ruleId: string; suggestions?: { fix: { range: [number, number]; text: string } }[] }[] }[];
    const suggestion = result!.messages.find((m) => m.ruleId === 'resilience/no-unguarded-shared-resource')!.suggestions![0]!.fix;
    const fromCli = source.slice(0, suggestion.range[0]) + suggestion.text + source.slice(suggestion.range[1]);
    expect(fixed).toBe(fromCli);
    expect(fixed).toBe(
      source
        .replace("import * as fs from 'fs';\n", "import * as fs from 'fs';\nimport { withOutageFlip } from './outage-flips';\n")
        .replace("  return fs.readFileSync(file, 'utf8');", "  return withOutageFlip('shared-fs', () => fs.readFileSync(file, 'utf8'));"),
    );

    // The editor applies the edit and sends the change: the diagnostics follow.
    const started = performance.now();
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const after = await pull(client);
    const editToDiagnosticsMs = performance.now() - started;
    expect(shown(after)).toEqual([
      { code: 'resilience/no-unbounded-retry', range: range(8, 2, 8, 7), severity: 1, message: unbounded },
      { code: 'resilience/require-retry-backoff', range: range(8, 2, 8, 7), severity: 2, message: noBackoff },
      { code: 'resilience/require-timeout', range: range(10, 26, 10, 47), severity: 2, message: noTimeout },
    ]);
    console.log(`language server: edit to diagnostics ${editToDiagnosticsMs.toFixed(0)} ms (warm)`);
  });

  it('shows bad settings.resilience as one diagnostic at the top of the file', async () => {
    const badUri = pathToFileURL(join(project, 'bad/src/reader.js')).href;
    const text = readFileSync(join(project, 'bad/src/reader.js'), 'utf8');
    client.notify('textDocument/didOpen', { textDocument: { uri: badUri, languageId: 'javascript', version: 1, text } });
    expect(shown(await pull(client, badUri)), client.log.join('\n')).toEqual([
      {
        code: 'resilience/no-unguarded-shared-resource',
        range: range(0, 0, 0, 0),
        severity: 1,
        message:
          'eslint-plugin-resilience: settings.resilience.sharedResources[0].guards must be an array of strings (got the string "withOutageFlip"). The rules that read settings.resilience check nothing until it is fixed (see docs/settings.md).',
      },
    ]);
  });
});

describe('vscode-eslint-language-server traps with ESLint 10', () => {
  it('lints nothing with experimental.useFlatConfig: true (it looks for the FlatESLint class ESLint 10 no longer has)', async () => {
    const client = startServer({ ...editorSettings, experimental: { useFlatConfig: true } });
    try {
      await initialize(client);
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: source } });
      expect(await pull(client)).toEqual([]);
      expect(client.log.join('\n')).toContain("doesn't export a FlatESLint class");
    } finally {
      await client.close();
    }
  });

  it('fails every diagnostic request when the settings have no experimental object', async () => {
    const { experimental: _omitted, ...withoutExperimental } = editorSettings;
    const client = startServer(withoutExperimental);
    try {
      await initialize(client);
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: source } });
      await expect(pull(client)).rejects.toThrow("Cannot read properties of undefined (reading 'useFlatConfig')");
    } finally {
      await client.close();
    }
  });
});
