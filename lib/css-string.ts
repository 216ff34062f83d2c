/**
 * A CSS string literal that is safe in any HTML or CSS context: every
 * character outside a small safe set becomes a CSS hex escape, so user text
 * (a plan's title) cannot end the string, the rule or the <style> element.
 */
export function cssString(text: string): string {
  let out = '';
  for (const ch of text) {
    out += /^[A-Za-z0-9 .,:;/_()-]$/.test(ch) ? ch : `\\${(ch.codePointAt(0) ?? 0x3f).toString(16)} `;
  }
  return `"${out}"`;
}
