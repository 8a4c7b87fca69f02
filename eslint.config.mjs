// Lints this plugin's own source: eslint-plugin-eslint-plugin's recommended
// set on the rules and their tests, plus the docs and error-position rules.
// test/self-lint.test.ts runs it as part of `npm test`.
import tsParser from '@typescript-eslint/parser';
import eslintPlugin from 'eslint-plugin-eslint-plugin';

export default [
  { ignores: ['dist/', 'fixtures/', 'node_modules/', 'bench/.work/', 'coverage/', '**/*.mjs', '**/*.cjs', '**/*.js'] },
  {
    files: ['**/*.ts', '**/*.mts'],
    languageOptions: { parser: tsParser, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
  {
    ...eslintPlugin.configs.recommended,
    files: ['rules/**/*.ts', 'test/rules/**/*.ts'],
  },
  {
    files: ['rules/**/*.ts'],
    rules: {
      // eslint-plugin-eslint-plugin cannot see through createRule
      // (src/create-rule.ts), so each rule also writes its url; this pattern
      // checks it against the file name, and createRule derives the same url
      // from the rule name.
      'eslint-plugin/require-meta-docs-url': [
        'error',
        { pattern: 'https://github.com/eslint-plugin-resilience/eslint-plugin-resilience/blob/main/docs/rules/{{name}}.md' },
      ],
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Enforce|Require|Disallow) .+[^. ]$' }],
    },
  },
  {
    files: ['test/rules/**/*.ts'],
    rules: {
      'eslint-plugin/require-test-error-positions': 'error',
    },
  },
];
