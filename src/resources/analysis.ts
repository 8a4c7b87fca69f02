/**
 * The per-file analysis behind `no-unguarded-shared-resource`: collect
 * candidate calls while ESLint walks the tree, decide at `Program:exit`, and
 * deliver each finding to the rule's `onFinding` (the contract of
 * src/analysis.ts); the rule only turns findings into reports.
 */
import * as path from 'node:path';
import { settingsBase } from '../settings-base';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { AnalysisContext, FileAnalysis } from '../analysis';
import { NOTHING_TO_ANALYSE } from '../analysis';
import { matchesGlob } from '../glob';
import type { FunctionNode } from '../ast/functions';
import { staticString } from '../ast/static';
import { ImportTracker } from '../imports';
import { getSettings, type SharedResource } from '../settings';
import { ClientResolver, type ImportedClientLookup } from './clients';
import { GuardAnalysis, ThisMembers } from './guard';
import { AccessMatcher, type Access, mayTouchResource, moduleListed } from './match';

export type Finding =
  | { kind: 'access'; access: Access }
  | { kind: 'helperCall'; call: TSESTree.Node; helper: string; access: Access };

export interface SharedResourceOptions {
  reportUnknownPaths: boolean;
  /** Clients imported from other files of the project (the audit); the rule sees only its own file. */
  importedClient?: ImportedClientLookup;
}

export interface SharedResourceHandlers {
  onFinding: (finding: Finding) => void;
}

/** The file's path relative to `cwd`, forward slashes; null when it is outside `cwd` or virtual. */
export function relativeFilePath(filename: string, cwd: string): string | null {
  if (filename.length === 0 || filename.startsWith('<')) return null;
  const relative = path.isAbsolute(filename) ? path.relative(cwd, filename) : path.normalize(filename);
  const posix = relative.replace(/\\/g, '/');
  if (posix.startsWith('../') || posix === '..' || path.isAbsolute(posix)) return null;
  return posix;
}

/** True when the file is one of the resource's choke points (the files that implement its guard). */
export function isChokePoint(resource: SharedResource, relativePath: string | null): boolean {
  if (relativePath === null) return false;
  return resource.chokePoints.some((glob) => matchesGlob(glob, relativePath));
}

/** Collects candidate calls during traversal and analyses them at the end. */
export class SharedResourceCollector {
  private readonly calls: (TSESTree.CallExpression | TSESTree.NewExpression)[] = [];
  private readonly tracker: ImportTracker;
  private readonly matcher: AccessMatcher;
  private readonly thisMembers = new ThisMembers();

  constructor(
    private readonly resources: readonly SharedResource[],
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly options: SharedResourceOptions,
  ) {
    this.tracker = new ImportTracker(sourceCode);
    const modules = resources.flatMap((resource) => resource.match.modules);
    const clients = new ClientResolver(this.tracker, this.thisMembers, (module) => moduleListed(modules, module), options.importedClient ?? null);
    this.matcher = new AccessMatcher(resources, this.tracker, clients);
  }

  /** The file's import tracker (the audit resolves its call targets with it). */
  get imports(): ImportTracker {
    return this.tracker;
  }

  /** The listeners that feed the collector (the rule adds `Program:exit`; the audit adds its own). */
  listeners(): TSESLint.RuleListener {
    return {
      ImportDeclaration: (node) => this.onImport(node),
      ImportExpression: (node) => this.onImport(node),
      TSImportEqualsDeclaration: (node) => this.onImport(node),
      CallExpression: (node) => this.onCall(node),
      NewExpression: (node) => this.onNew(node),
      'MemberExpression[object.type="ThisExpression"]': (node: TSESTree.MemberExpression) => this.onThisMember(node),
    };
  }

  onImport(node: TSESTree.ImportDeclaration | TSESTree.ImportExpression | TSESTree.TSImportEqualsDeclaration): void {
    let source: TSESTree.Node | undefined;
    if (node.type === 'ImportDeclaration') source = node.source;
    else if (node.type === 'ImportExpression') source = node.source;
    else if (node.moduleReference.type === 'TSExternalModuleReference') source = node.moduleReference.expression;
    const name = staticString(source);
    if (name !== null) this.matcher.noteModule(name);
  }

  onCall(node: TSESTree.CallExpression): void {
    const callee = node.callee;
    if (callee.type !== 'Identifier' && callee.type !== 'MemberExpression') return;
    if (callee.type === 'Identifier' && callee.name === 'require' && node.arguments.length === 1) {
      const name = staticString(node.arguments[0]);
      if (name !== null) this.matcher.noteModule(name);
      return;
    }
    this.calls.push(node);
  }

  /** `new X(…)`: an access only when it makes a client of a library that connects at construction. */
  onNew(node: TSESTree.NewExpression): void {
    if (node.callee.type === 'Identifier' || node.callee.type === 'MemberExpression') this.calls.push(node);
  }

  /** `this.x` member expressions, for private-method propagation and client fields. */
  onThisMember(node: TSESTree.MemberExpression): void {
    this.thisMembers.add(node);
  }

  private readonly analyses = new Map<SharedResource, GuardAnalysis>();
  private accessList: Access[] | null = null;

  /** Every access in the file, guarded or not, in source order. */
  accesses(): readonly Access[] {
    if (!this.accessList) {
      this.accessList = this.calls.flatMap((call) => this.matcher.accessesOf(call, this.options.reportUnknownPaths));
    }
    return this.accessList;
  }

  /** The guard analysis of one resource in this file (one per resource, memoised). */
  analysis(resource: SharedResource): GuardAnalysis {
    let analysis = this.analyses.get(resource);
    if (!analysis) {
      analysis = new GuardAnalysis(resource, this.sourceCode, this.tracker, this.thisMembers);
      this.analyses.set(resource, analysis);
    }
    return analysis;
  }

  /** Every unguarded access and every unguarded call of a partly-guarded helper. */
  findings(): Finding[] {
    const out: Finding[] = [];
    const helperAccess = new Map<GuardAnalysis, Map<FunctionNode, Access>>();
    for (const access of this.accesses()) {
      const analysis = this.analysis(access.resource);
      const verdict = analysis.verdictAt(access.call);
      if (!verdict.guarded) {
        out.push({ kind: 'access', access });
        continue;
      }
      for (const helper of verdict.via) {
        let byHelper = helperAccess.get(analysis);
        if (!byHelper) helperAccess.set(analysis, (byHelper = new Map()));
        if (!byHelper.has(helper)) byHelper.set(helper, access);
      }
    }
    for (const [analysis, byHelper] of helperAccess) {
      for (const [helper, access] of byHelper) {
        for (const call of analysis.unguardedCallSites(helper)) {
          out.push({ kind: 'helperCall', call, helper: analysis.helperName(helper), access });
        }
      }
    }
    return out;
  }
}

/**
 * Creates the analysis for one file; the rule returns `analysis.listeners()`.
 * The resources come from `settings.resilience.sharedResources`, less those
 * whose choke point this file is and those the file text cannot touch.
 */
export function createSharedResourceAnalysis(
  context: AnalysisContext,
  options: SharedResourceOptions,
  handlers: SharedResourceHandlers,
): FileAnalysis {
  const settings = getSettings(context);
  if (settings.sharedResources.length === 0) return NOTHING_TO_ANALYSE;
  const { sourceCode } = context;
  // The settings base (a walk up the directories for eslint.config.*) only when a resource the text may touch has choke points.
  let relativePath: string | null | undefined;
  const chokePoint = (resource: SharedResource): boolean => {
    if (resource.chokePoints.length === 0) return false;
    if (relativePath === undefined) {
      const { base, filename } = settingsBase(context, settings);
      relativePath = relativeFilePath(filename, base);
    }
    return isChokePoint(resource, relativePath);
  };
  const resources = settings.sharedResources.filter((resource) => mayTouchResource(resource, sourceCode.text) && !chokePoint(resource));
  if (resources.length === 0) return NOTHING_TO_ANALYSE;
  const collector = new SharedResourceCollector(resources, sourceCode, options);
  return {
    listeners: () => ({
      ...collector.listeners(),
      'Program:exit'() {
        for (const finding of collector.findings()) handlers.onFinding(finding);
      },
    }),
  };
}
