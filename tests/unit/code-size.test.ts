// Owns the size guard: no function (closures, methods and components included) over 120 lines, no class over 300.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const scanned = ['electron', 'shared', 'renderer/src', 'scripts/sheaf'];
const maxFunctionLines = 120;
const maxClassLines = 300;

// What is still too long, each with why it is not split yet; a long body is split by what it owns, and its
// entry goes. An entry that no longer matches anything fails too, so the list only shrinks.
const allowed: Record<string, string> = {};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.d\.ts$/.test(name) ? [path] : [];
  });
}

function nameOf(node: ts.Node, file: ts.SourceFile): string {
  const named = node as { name?: ts.Node };
  if (named.name) return named.name.getText(file);
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText(file);
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText(file);
  if (parent && ts.isCallExpression(parent)) return `${parent.expression.getText(file).slice(0, 40)}(…)`;
  return '(anonymous)';
}

function lineSpan(node: ts.Node, file: ts.SourceFile): number {
  const start = file.getLineAndCharacterOfPosition(node.getStart(file)).line;
  const end = file.getLineAndCharacterOfPosition(node.getEnd()).line;
  return end - start + 1;
}

/** Every function and class in the scanned folders longer than its limit, as "path:line name (N lines)". */
function oversized(): { found: string[]; excused: Set<string> } {
  const found: string[] = [];
  const excused = new Set<string>();
  for (const path of scanned.flatMap((dir) => sourceFiles(join(root, dir)))) {
    const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      const isFunction = ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body !== undefined;
      const isClass = ts.isClassDeclaration(node) || ts.isClassExpression(node);
      const limit = isClass ? maxClassLines : isFunction ? maxFunctionLines : Infinity;
      const lines = lineSpan(node, file);
      if (lines > limit) {
        const where = `${relative(root, path)}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`;
        const key = `${relative(root, path)} ${nameOf(node, file)}`;
        if (key in allowed) excused.add(key);
        else found.push(`${where} ${nameOf(node, file)} (${lines} lines)`);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { found, excused };
}

describe('code size', () => {
  it('keeps every function within 120 lines and every class within 300', () => {
    expect(oversized().found).toEqual([]);
  });

  it('excuses only what is still too long', () => {
    const { excused } = oversized();
    expect(Object.keys(allowed).filter((key) => !excused.has(key))).toEqual([]);
  });

  it('finds a function that is too long, so the guard can fail', () => {
    const body = Array.from({ length: maxFunctionLines + 1 }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const file = ts.createSourceFile('x.ts', `function long() {\n${body}\n}`, ts.ScriptTarget.Latest, true);
    const fn = file.statements[0]!;
    expect(lineSpan(fn, file)).toBeGreaterThan(maxFunctionLines);
  });
});
