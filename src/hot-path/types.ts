/**
 * Optional sharpening with type information. When the file is linted with a
 * TypeScript program (`parserServices.program`), the names of a class's base
 * classes and implemented interfaces, or of an object literal's contextual
 * type, come from the type checker, so a logger is recognised through
 * aliases and inheritance (`class Out extends Base`, `Base extends
 * ConsoleLogger`; `createLogger({ info() {} })` where the parameter is a
 * `Logger`). Without a program this returns null and the syntax alone decides.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

export type TypeOwner = TSESTree.ClassDeclaration | TSESTree.ClassExpression | TSESTree.ObjectExpression;

/** The names of the declared types of a class or object literal. */
export type TypeNames = (node: TypeOwner) => string[];

const MAX_DEPTH = 6;

export function typeNamesFromProgram(sourceCode: Readonly<TSESLint.SourceCode>): TypeNames | null {
  const services = sourceCode.parserServices;
  const program = services?.program;
  const map = services?.esTreeNodeToTSNodeMap;
  if (!program || !map) return null;
  const checker = program.getTypeChecker();

  const collect = (type: ts.Type | undefined, names: Set<string>, depth: number): void => {
    if (!type || depth > MAX_DEPTH) return;
    const alias = type.aliasSymbol?.getName();
    if (alias) names.add(alias);
    const symbol = type.getSymbol();
    if (symbol) names.add(symbol.getName());
    if (type.isUnionOrIntersection()) for (const part of type.types) collect(part, names, depth + 1);
    if (type.isClassOrInterface()) for (const base of checker.getBaseTypes(type)) collect(base, names, depth + 1);
  };

  return (node) => {
    const names = new Set<string>();
    try {
      const tsNode = map.get(node);
      if (!tsNode) return [];
      if (node.type === 'ObjectExpression') {
        collect(checker.getContextualType(tsNode as ts.Expression), names, 0);
      } else {
        const name = (tsNode as ts.ClassLikeDeclaration).name;
        const symbol = name ? checker.getSymbolAtLocation(name) : undefined;
        if (symbol) collect(checker.getDeclaredTypeOfSymbol(symbol), names, 0);
        for (const clause of node.implements ?? []) {
          const clauseNode = map.get(clause);
          if (clauseNode) collect(checker.getTypeAtLocation(clauseNode), names, 0);
        }
      }
    } catch {
      return []; // type information only sharpens; it must never break the rule
    }
    return [...names];
  };
}
