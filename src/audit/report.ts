/**
 * Output of `resilience audit`: text for people, JSON for scripts, SARIF
 * 2.1.0 for code-scanning tools (each chain is a code flow whose thread flow
 * steps from the root to the access).
 */
import { pathToFileURL } from 'node:url';
import { packageInfo } from '../package-info';
import { pathText, type AuditFinding, type GraphStats } from './graph';

export interface AuditSummary {
  /** Files parsed, and those the prefilter showed cannot be on a chain to a finding. */
  filesAudited: number;
  /** Of those, the files not parsed (src/audit/prefilter.ts). */
  filesNotParsed: number;
  filesSkipped: { file: string; reason: string }[];
  accesses: number;
  guardedAccesses: number;
  findings: number;
  chains: number;
  functions: number;
  calls: number;
  roots: number;
  /** What the audit cannot see, counted. */
  cannotSee: {
    dynamicCalls: number;
    callbacksOutsideProject: number;
    importsOutsidePaths: number;
    note: string;
  };
}

export interface AuditReport {
  findings: AuditFinding[];
  summary: AuditSummary;
}

const CANNOT_SEE_NOTE =
  'Calls from outside the given paths are not seen: an exported function that nothing here calls is treated as a root. ' +
  'Dynamic calls (obj[name]()) and callbacks handed to code outside the project are not followed. ' +
  'Mark functions that only run under a guard with @guarded <resource>, list guard files in chokePoints, and pass every entry point directory as a path.';

export function makeSummary(
  stats: GraphStats,
  findings: readonly AuditFinding[],
  parsed: number,
  notParsed: number,
  skipped: { file: string; reason: string }[],
): AuditSummary {
  return {
    filesAudited: parsed + notParsed,
    filesNotParsed: notParsed,
    filesSkipped: skipped,
    accesses: stats.accesses,
    guardedAccesses: stats.guardedAccesses,
    findings: findings.length,
    chains: findings.reduce((n, f) => n + f.paths.length + f.omittedPaths, 0),
    functions: stats.functions,
    calls: stats.edges,
    roots: stats.roots,
    cannotSee: {
      dynamicCalls: stats.dynamicCalls,
      callbacksOutsideProject: stats.callbacksOut,
      importsOutsidePaths: stats.importsOutside,
      note: CANNOT_SEE_NOTE,
    },
  };
}

function describe(finding: AuditFinding): string {
  return finding.kind === 'access' ? finding.access.callee : `call of ${finding.access.callee}, marked @guarded ${finding.resource}`;
}

export function formatText(report: AuditReport): string {
  const lines: string[] = [];
  for (const finding of report.findings) {
    const { access } = finding;
    lines.push(`${finding.resource}  ${access.file}:${access.line}:${access.column}  ${describe(finding)}`);
    for (const path of finding.paths) lines.push(`  ${pathText(path)}`);
    if (finding.omittedPaths > 0) lines.push(`  … and ${finding.omittedPaths} more chain(s)`);
    lines.push('');
  }
  const s = report.summary;
  lines.push(
    `${s.findings} unguarded access site(s), ${s.chains} chain(s) from a root; ${s.accesses} access site(s) in ${s.filesAudited} file(s), ${s.guardedAccesses} guarded on every chain.`,
    `Of the ${s.filesAudited} file(s), ${s.filesNotParsed} not parsed (prefilter): they cannot be on a chain to a finding.`,
  );
  if (s.filesSkipped.length > 0) {
    lines.push(`Skipped ${s.filesSkipped.length} file(s):`);
    for (const skipped of s.filesSkipped) lines.push(`  ${skipped.file}: ${skipped.reason}`);
  }
  lines.push(
    'Not seen by the audit:',
    `  dynamic calls (obj[name]()): ${s.cannotSee.dynamicCalls}`,
    `  callbacks handed to code outside the project: ${s.cannotSee.callbacksOutsideProject}`,
    `  imports of project files outside the given paths: ${s.cannotSee.importsOutsidePaths}`,
    '  calls from outside the given paths: exported functions nothing here calls are treated as roots',
    '',
  );
  return lines.join('\n');
}

export function formatJson(report: AuditReport): string {
  const findings = report.findings.map((f) => ({
    resource: f.resource,
    kind: f.kind,
    access: f.access,
    paths: f.paths,
    ...(f.omittedPaths > 0 ? { omittedPaths: f.omittedPaths } : {}),
  }));
  return `${JSON.stringify({ findings, summary: report.summary }, null, 2)}\n`;
}

const RULES = {
  access: {
    id: 'resilience/unguarded-shared-resource-chain',
    name: 'UnguardedSharedResourceChain',
    short: 'A shared resource is reached from a root by a call chain that passes no guard.',
  },
  guardedCall: {
    id: 'resilience/guarded-contract',
    name: 'GuardedContract',
    short: 'A function marked @guarded is called from a chain that passes no guard.',
  },
} as const;

function location(file: string, line: number, column: number | undefined, message?: string) {
  return {
    physicalLocation: {
      artifactLocation: { uri: file, uriBaseId: '%SRCROOT%' },
      region: column === undefined ? { startLine: line } : { startLine: line, startColumn: column },
    },
    ...(message !== undefined ? { message: { text: message } } : {}),
  };
}

export function formatSarif(report: AuditReport, cwd: string): string {
  const results = report.findings.map((f) => ({
    ruleId: RULES[f.kind].id,
    ruleIndex: f.kind === 'access' ? 0 : 1,
    level: 'error',
    message: {
      text:
        f.kind === 'access'
          ? `\`${f.access.callee}\` touches shared resource '${f.resource}' on ${f.paths.length + f.omittedPaths} call chain(s) from a root that pass no guard.`
          : `\`${f.access.callee}\` is marked @guarded ${f.resource} but is called on ${f.paths.length + f.omittedPaths} chain(s) from a root that pass no guard.`,
    },
    locations: [location(f.access.file, f.access.line, f.access.column)],
    codeFlows: f.paths.map((path) => ({
      message: { text: pathText(path) },
      threadFlows: [
        {
          locations: path.map((step, index) => ({
            location: location(step.file, step.line, undefined, step.function),
            nestingLevel: index,
            executionOrder: index + 1,
          })),
        },
      ],
    })),
  }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'resilience audit',
            version: packageInfo.version,
            informationUri: 'https://github.com/eslint-plugin-resilience/eslint-plugin-resilience/blob/main/docs/audit.md',
            rules: [RULES.access, RULES.guardedCall].map((rule) => ({
              id: rule.id,
              name: rule.name,
              shortDescription: { text: rule.short },
              helpUri: 'https://github.com/eslint-plugin-resilience/eslint-plugin-resilience/blob/main/docs/audit.md',
              defaultConfiguration: { level: 'error' },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href } },
        properties: { filesAudited: report.summary.filesAudited, filesNotParsed: report.summary.filesNotParsed },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.summary.filesSkipped.map((skipped) => ({
              level: 'warning',
              message: { text: `skipped: ${skipped.reason}` },
              locations: [{ physicalLocation: { artifactLocation: { uri: skipped.file, uriBaseId: '%SRCROOT%' } } }],
            })),
          },
        ],
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
