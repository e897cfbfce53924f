/**
 * Reading documents that cdktf renders as `${jsonencode({...})}` (Fn.jsonencode over values holding references):
 * the HCL object literal inside uses `=` between keys and values and otherwise JSON syntax, with references only
 * inside string interpolations. Turning `=` into `:` outside strings gives JSON whose references stay as
 * `${...}` text inside strings, which rules can tell apart from literals.
 */

const JSONENCODE = /^\$\{jsonencode\(([\s\S]*)\)\}$/;

/** The JSON text of a `${jsonencode(<object literal>)}` expression, or undefined if `expr` is not one. */
export function jsonencodeToJson(expr: string): string | undefined {
  const m = JSONENCODE.exec(expr.trim());
  if (!m) return undefined;
  const src = m[1];
  let out = '';
  let i = 0;
  while (i < src.length) {
    if (src[i] === '"') {
      const end = endOfString(src, i);
      out += jsonString(src.slice(i, end));
      i = end;
    } else {
      out += src[i] === '=' ? ':' : src[i];
      i += 1;
    }
  }
  return out;
}

/**
 * An HCL string literal as a JSON string literal: interpolations may hold quotes of their own (`${f("x")}`),
 * which JSON needs escaped; the interpolation text is otherwise kept as written.
 */
function jsonString(literal: string): string {
  let out = '"';
  let i = 1;
  const end = literal.length - 1;
  while (i < end) {
    if (literal[i] === '\\') {
      out += literal.slice(i, i + 2);
      i += 2;
    } else if (literal.startsWith('${', i)) {
      const close = endOfInterpolation(literal, i + 2);
      out += literal.slice(i, close).replace(/\\/g, '\\\\').replace(/"/g, '\\"');
      i = close;
    } else {
      out += literal[i];
      i += 1;
    }
  }
  return out + '"';
}

/** Index just past the string literal opening at `start`, skipping escapes and `${...}` interpolations. */
function endOfString(src: string, start: number): number {
  let i = start + 1;
  while (i < src.length) {
    if (src[i] === '\\') i += 2;
    else if (src[i] === '"') return i + 1;
    else if (src.startsWith('${', i)) i = endOfInterpolation(src, i + 2);
    else i += 1;
  }
  return src.length;
}

function endOfInterpolation(src: string, start: number): number {
  let depth = 1;
  let i = start;
  while (i < src.length && depth > 0) {
    if (src[i] === '"') i = endOfString(src, i);
    else {
      if (src[i] === '{') depth += 1;
      else if (src[i] === '}') depth -= 1;
      i += 1;
    }
  }
  return i;
}
