import { parse } from 'svelte/compiler';
import ts from 'typescript';

/**
 * Finds user-facing words written into screen code instead of the catalogue: text between tags,
 * string attributes a reader sees (aria-label, title, alt, a component's heading…), and string
 * literals in scripts that read as words ("Nothing here", "Next · …", any Japanese).
 * A heuristic by design: a lowercase single word ('now', 'grid') is taken for an identifier.
 */
export interface Finding {
  line: number;
  text: string;
}

/** Attributes whose static text a reader sees or hears, whatever it looks like. */
const SEEN =
  /^(aria-(label|description|roledescription|valuetext)|title|alt|placeholder|label|heading|lead|headline|detail|text)$/;
/** Attributes that hold code, never words. */
const CODE =
  /^(class|style|id|role|type|href|src|viewBox|fill|d|shape-rendering|testid|data-.*|lang|mode|tone|size|aria-keyshortcuts)$/;

export function readsAsWords(s: string): boolean {
  return (
    /\p{L}{2,}\s+\p{L}{2,}/u.test(s) || // two words
    /(^|[^\p{L}])\p{Lu}\p{Ll}+/u.test(s) || // a capitalised word
    /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(s)
  );
}

const hasLetters = (s: string) => /\p{L}/u.test(s);
/** A template's static part builds a sentence when a word stands next to a space ("until ${…}"). */
const buildsWords = (s: string) => readsAsWords(s) || /\p{L}{2,}\s|\s\p{L}{2,}/u.test(s);

export function findLiterals(source: string, file: string): Finding[] {
  return file.endsWith('.svelte') ? inSvelte(source) : inTs(source, file);
}

const lineOf = (source: string, at: number) => source.slice(0, at).split('\n').length;

type Node = { type?: string; start?: number; [k: string]: unknown };

function inSvelte(source: string): Finding[] {
  const ast = parse(source, { modern: true }) as unknown as Node;
  const out: Finding[] = [];
  const add = (n: Node, text: string) => out.push({ line: lineOf(source, n.start ?? 0), text: text.trim() });

  const walk = (n: unknown, parent: Node | null, key: string): void => {
    if (Array.isArray(n)) return n.forEach((c) => walk(c, parent, key));
    if (!n || typeof n !== 'object') return;
    const node = n as Node;
    // CSS, in a style block or a style: directive ("{h}px", "scale({s})"), is never words.
    if (key === 'css' || node.type === 'Comment' || node.type === 'StyleDirective') return;
    if (node.type === 'Attribute') {
      const name = String(node.name);
      const value = node.value;
      const parts = Array.isArray(value) ? (value as Node[]) : [];
      for (const part of parts) {
        if (part.type === 'Text') {
          const data = String(part.data);
          if (!CODE.test(name) && (SEEN.test(name) ? hasLetters(data) : readsAsWords(data))) add(part, data);
        } else walk(part, node, 'value');
      }
      if (value && !Array.isArray(value) && typeof value === 'object') walk(value, node, 'value');
      return;
    }
    if (node.type === 'Text' && hasLetters(String(node.data))) add(node, String(node.data));
    if (node.type === 'Literal' && typeof node.value === 'string' && !isCodePlace(parent, key)) {
      if (readsAsWords(node.value)) add(node, node.value);
    }
    if (node.type === 'TemplateElement') {
      const cooked = (node.value as { cooked?: string }).cooked ?? '';
      if (buildsWords(cooked)) add(node, cooked);
    }
    for (const [k, v] of Object.entries(node)) if (k !== 'loc' && k !== 'metadata') walk(v, node, k);
  };
  walk(ast, null, '');
  return out;
}

/** Where a string is code, not words: a module path, a literal type, an object key. */
function isCodePlace(parent: Node | null, key: string): boolean {
  if (!parent) return false;
  if (key === 'source') return true;
  if (parent.type === 'TSLiteralType') return true;
  return parent.type === 'Property' && key === 'key' && !parent.computed;
}

function inTs(source: string, file: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const out: Finding[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n) || ts.isLiteralTypeNode(n)) return;
    // A dynamic import's path (a chunk loaded when needed) is a module, not words on screen.
    if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) return;
    if (
      ts.isStringLiteral(n) ||
      ts.isNoSubstitutionTemplateLiteral(n) ||
      ts.isTemplateHead(n) ||
      ts.isTemplateMiddle(n) ||
      ts.isTemplateTail(n)
    ) {
      const isKey =
        (ts.isPropertyAssignment(n.parent) && n.parent.name === n) || ts.isElementAccessExpression(n.parent);
      const part = ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n);
      if (!isKey && (part ? buildsWords(n.text) : readsAsWords(n.text)))
        out.push({ line: sf.getLineAndCharacterOfPosition(n.getStart()).line + 1, text: n.text });
    }
    n.forEachChild(visit);
  };
  visit(sf);
  return out;
}
