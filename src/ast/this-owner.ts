/**
 * What `this` names at a node, read from where the node sits (no scope
 * analysis): the class or object literal whose members it reaches.
 */
import type { TSESTree } from '@typescript-eslint/utils';

export interface ThisOwner {
  /** The members `this` reaches: the class body, or the object literal. */
  owner: TSESTree.ClassBody | TSESTree.ObjectExpression;
  /** True when `this` is the class itself (a static method, field or `static {}` block). */
  isStatic: boolean;
}

/**
 * The owner of `this` at `node` (a function node itself counts as its own
 * body: a method's function gives its class): the nearest non-arrow
 * function when it is a method of a class or object literal (arrows keep the
 * outer `this`), or the class of a field initialiser, an `accessor` or a
 * `static {}` block around it. Null in a plain function, a function that is
 * not a method, or outside any of these.
 */
export function thisOwner(node: TSESTree.Node): ThisOwner | null {
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    switch (current.type) {
      case 'FunctionDeclaration':
        return null;
      case 'FunctionExpression': {
        const holder = current.parent;
        if (holder.type === 'MethodDefinition') return { owner: holder.parent, isStatic: holder.static };
        if (holder.type === 'Property' && holder.parent.type === 'ObjectExpression') return { owner: holder.parent, isStatic: false };
        return null;
      }
      case 'PropertyDefinition':
      case 'AccessorProperty':
        return { owner: current.parent, isStatic: current.static };
      case 'StaticBlock':
        return { owner: current.parent, isStatic: true };
      default:
        break;
    }
  }
  return null;
}
