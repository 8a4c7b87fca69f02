/**
 * Meta-tests: the rules index matches rules/ on disk, every rule has docs and
 * a name-derived docs URL, and the configs are exactly what each rule's
 * meta.docs says.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index';
import { ruleDocsUrl } from '../src/create-rule';
import { rules } from '../src/rules';
import { settingsSchema, type SettingsSchema } from '../src/settings';

const root = join(__dirname, '..');
const ruleFiles = readdirSync(join(root, 'rules'))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.slice(0, -3))
  .sort();
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('plugin object', () => {
  it('takes name and version from package.json', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version, namespace: 'resilience' });
  });

  it('indexes exactly the rule files on disk', () => {
    expect(Object.keys(rules).sort()).toEqual(ruleFiles);
    expect(plugin.rules).toBe(rules);
  });

  it('builds every config from meta.docs', () => {
    const recommended: Record<string, unknown> = {};
    const strict: Record<string, unknown> = {};
    const all: Record<string, unknown> = {};
    for (const [name, rule] of Object.entries(rules)) {
      const docs = rule.meta.docs!;
      if (docs.recommended) recommended[`resilience/${name}`] = docs.recommended;
      strict[`resilience/${name}`] = docs.strictOptions ? [docs.strict, docs.strictOptions] : docs.strict;
      all[`resilience/${name}`] = docs.strictOptions ? ['error', docs.strictOptions] : 'error';
    }
    expect(plugin.configs.recommended.rules).toEqual(recommended);
    expect(plugin.configs.strict.rules).toEqual(strict);
    expect(plugin.configs.all.rules).toEqual(all);
    for (const name of ['recommended', 'strict', 'all'] as const) {
      expect(plugin.configs[name].name).toBe(`resilience/${name}`);
      expect(plugin.configs[name].plugins).toEqual({ resilience: plugin });
    }
  });
});

describe('package metadata', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    license: string;
    homepage: string;
    repository: { type: string; url: string };
    bugs: { url: string };
    files: string[];
  };
  const repo = 'https://github.com/eslint-plugin-resilience/eslint-plugin-resilience';

  it('points repository, homepage, bugs and the rule docs URLs at one repository', () => {
    expect(pkg.repository).toEqual({ type: 'git', url: `git+${repo}.git` });
    expect(pkg.homepage).toBe(`${repo}#readme`);
    expect(pkg.bugs).toEqual({ url: `${repo}/issues` });
    expect(ruleDocsUrl('some-rule')).toBe(`${repo}/blob/main/docs/rules/some-rule.md`);
  });

  it('ships an MIT LICENSE matching the license field', () => {
    expect(pkg.license).toBe('MIT');
    expect(pkg.files).toContain('LICENSE');
    const license = readFileSync(join(root, 'LICENSE'), 'utf8');
    expect(license.split('\n')[0]).toBe('MIT License');
    expect(license).toMatch(/^Copyright \(c\) \d{4} eslint-plugin-resilience contributors$/m);
  });
});

describe('runs without type information (and under oxlint, which has no parser services)', () => {
  it('never calls getParserServices, which throws when there is no TypeScript program', () => {
    const callers = ['src', 'rules']
      .flatMap((dir) => readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).map((file) => join(dir, file)))
      .filter((file) => file.endsWith('.ts') && readFileSync(join(root, file), 'utf8').includes('getParserServices'));
    expect(callers).toEqual([]);
  });
});

describe.each(ruleFiles)('rule %s', (name) => {
  const rule = rules[name]!;

  it('is named after its file and links to its docs', () => {
    expect(rule.name).toBe(name);
    expect(rule.meta.docs?.url).toBe(ruleDocsUrl(name));
    expect(existsSync(join(root, 'docs/rules', `${name}.md`))).toBe(true);
  });

  it('has the meta the house style asks for', () => {
    expect(rule.meta.type).toBe('problem');
    expect(rule.meta.fixable).toBeUndefined();
    expect(rule.meta.docs?.description).toMatch(/^(Enforce|Require|Disallow) .+[^. ]$/);
    expect(Array.isArray(rule.meta.schema)).toBe(true);
    for (const schema of rule.meta.schema as unknown as { properties?: Record<string, { description?: string }>; additionalProperties?: boolean }[]) {
      expect(schema.additionalProperties).toBe(false);
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        expect(property.description, `${name} option ${key}`).toBeTruthy();
      }
    }
  });

  it('documents every option, the traps it ignores, and is in the README table', () => {
    const docs = readFileSync(join(root, 'docs/rules', `${name}.md`), 'utf8');
    for (const schema of rule.meta.schema as unknown as { properties?: Record<string, unknown> }[]) {
      for (const key of Object.keys(schema.properties ?? {})) expect(docs).toContain(`\`${key}\``);
    }
    for (const heading of ['## Why', '## Traps it stays silent on', '## Options', '## When not to use it']) {
      expect(docs).toContain(heading);
    }
    expect(readme).toContain(`[${name}](docs/rules/${name}.md)`);
  });
});

describe('settings reference', () => {
  function paths(schema: SettingsSchema, prefix: string): string[] {
    if (schema.type === 'array') return paths(schema.items, `${prefix}[]`);
    if (schema.type !== 'object') return [];
    return Object.entries(schema.properties).flatMap(([key, child]) => [`${prefix}.${key}`, ...paths(child, `${prefix}.${key}`)]);
  }

  it('docs/settings.md documents every key of the schema', () => {
    const docs = readFileSync(join(root, 'docs/settings.md'), 'utf8');
    const keys = paths(settingsSchema, 'resilience').map((path) => path.split('.').pop()!.replace('[]', ''));
    for (const key of new Set(keys)) expect(docs).toContain(`\`${key}\``);
  });
});
