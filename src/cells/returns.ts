/**
 * Top-level `return` statements of a cell, found with CodeMirror's JavaScript parser (already
 * loaded for the editor), so shared-scope prefixes can run without returning early.
 */
import { javascriptLanguage } from '@codemirror/lang-javascript';
import type { FindReturns } from './scope';

const FUNCTION_NODES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunction', 'MethodDeclaration', 'ClassDeclaration', 'ClassExpression']);

export const findTopLevelReturns: FindReturns = (code) => {
  const tree = javascriptLanguage.parser.parse(code);
  const found: { from: number; to: number; hasValue: boolean }[] = [];
  tree.iterate({
    enter(node) {
      if (FUNCTION_NODES.has(node.name)) return false;
      if (node.name === 'ReturnStatement') {
        const text = code.slice(node.from, node.to).replace(/^return/, '').replace(/;\s*$/, '').trim();
        found.push({ from: node.from, to: node.to, hasValue: text.length > 0 });
        return false;
      }
      return undefined;
    },
  });
  return found;
};
