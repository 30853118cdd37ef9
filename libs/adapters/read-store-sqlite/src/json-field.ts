/**
 * `json_extract(doc, '$.a.b')` for the dotted path `a.b`, with the path as a
 * literal: SQLite uses an expression index only for the identical expression.
 */
export function jsonField(path: string, fn = 'json_extract'): string {
  const segments = path.split('.').map((key) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `.${key}` : `."${key.replace(/"/g, '\\"')}"`));
  return `${fn}(doc, '${`$${segments.join('')}`.replace(/'/g, "''")}')`;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
