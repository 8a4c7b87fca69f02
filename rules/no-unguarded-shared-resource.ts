/**
 * Every access to a shared resource goes through its guard. Detection lives
 * in src/resources/ (match, guard, analysis); the rewrite in
 * src/resources/rewrite.ts. This file reads settings and options and reports.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule';
import { createSharedResourceAnalysis, type Finding } from '../src/resources/analysis';
import { editsToFix } from '../src/fix/edits';
import { noFixText } from '../src/fix/no-fix';
import { planWrap, wrapLeavesReport } from '../src/resources/rewrite';
import type { SharedResource } from '../src/settings';
import { INVALID_SETTINGS_MESSAGE, readSettings } from '../src/settings-errors';
import { getSettings } from '../src/settings';
import { settingsBase } from '../src/settings-base';

type MessageId = 'unguardedAccess' | 'unguardedHelperCall' | 'wrapInGuard' | 'invalidSettings';
type Options = [{ reportUnknownPaths?: boolean }];

/** "wrap it in `withOutageFlip` or check `outageFlips.sharedFs` first" */
function remedy(resource: SharedResource): string {
  const guard = resource.guardNames[0];
  const flag = resource.flagNames[0];
  if (guard && flag) return `wrap it in \`${guard}\` or check \`${flag}\` first`;
  if (guard) return `wrap it in \`${guard}\``;
  if (flag) return `check \`${flag}\` first`;
  return `give it a guard in settings.resilience.sharedResources[${resource.index}].guards or .flags`;
}

export default createRule<Options, MessageId>({
  name: 'no-unguarded-shared-resource',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every access to a configured shared resource (a network filesystem, an HTTP dependency) to go through its guard',
      url: 'https://github.com/eslint-plugin-resilience/eslint-plugin-resilience/blob/main/docs/rules/no-unguarded-shared-resource.md',
      recommended: 'error',
      strict: 'error',
    },
    hasSuggestions: true,
    messages: {
      unguardedAccess:
        "`{{access}}` touches shared resource '{{resource}}' outside its outage flip: {{remedy}}.{{noFix}}",
      unguardedHelperCall:
        "This call of `{{helper}}` reaches `{{access}}`, which touches shared resource '{{resource}}', outside its outage flip (other calls of `{{helper}}` are guarded): {{remedy}}.{{noFix}}",
      wrapInGuard: 'Wrap the call: `{{preview}}`.',
      invalidSettings: INVALID_SETTINGS_MESSAGE,
    },
    schema: [
      {
        type: 'object',
        description: 'Options of no-unguarded-shared-resource.',
        properties: {
          reportUnknownPaths: {
            type: 'boolean',
            description:
              'With `match.paths` or `match.pathIdentifiers`, also report accesses whose path argument cannot be resolved (by default they are not reported).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ reportUnknownPaths: false }],
  },
  create(context, [options]) {
    // Bad settings: one message at the top of the file and nothing else (src/settings-errors.ts).
    const read = readSettings(context, 'no-unguarded-shared-resource');
    if ('invalid' in read) return read.invalid;
    const sourceCode = context.sourceCode;
    // Paths in settings are relative to one base, whatever directory ESLint runs from (src/settings-base.ts).
    // Looked up when a suggestion is planned, not for every file (it walks the directories for eslint.config.*).
    let file: { filename: string; cwd: string } | undefined;
    const fileOf = (): { filename: string; cwd: string } => {
      if (!file) {
        const { base, filename } = settingsBase(context, getSettings(context));
        file = { filename, cwd: base };
      }
      return file;
    };

    function report(finding: Finding): void {
      const { access } = finding;
      const resource = access.resource;
      const node = finding.kind === 'access' ? access.call : finding.call;
      let noFix = '';
      const suggest: TSESLint.SuggestionReportDescriptor<MessageId>[] = [];
      if (!resource.fix) {
        noFix = noFixText(`no \`fix\` is configured for '${resource.name}'`);
      } else {
        const leaves = wrapLeavesReport(resource.fix.wrap, resource);
        const plan = leaves ? { noFix: leaves } : planWrap(sourceCode, node, resource.fix, fileOf());
        if ('noFix' in plan) {
          noFix = noFixText(plan.noFix);
        } else {
          suggest.push({
            messageId: 'wrapInGuard',
            data: { preview: resource.fix.wrap.split('$CALL').join(finding.kind === 'access' ? access.name + '(…)' : finding.helper + '(…)') },
            fix: editsToFix(plan.edits),
          });
        }
      }
      const data = { access: access.name, resource: resource.name, remedy: remedy(resource), noFix };
      context.report({
        node: node as TSESTree.Node,
        messageId: finding.kind === 'access' ? 'unguardedAccess' : 'unguardedHelperCall',
        data: finding.kind === 'access' ? data : { ...data, helper: finding.helper },
        suggest,
      });
    }

    const analysis = createSharedResourceAnalysis(context, { reportUnknownPaths: options?.reportUnknownPaths === true }, { onFinding: report });
    return analysis.listeners();
  },
});
