/** Imports of generated Python modules: only the names a module uses (strict pyright rejects unused imports). */

/** `from <module> import a, b` for the names `text` uses, one per line when long. */
export function importUsed(module: string, names: readonly string[], text: string): string {
  const code = text.replace(/"""[\s\S]*?"""/g, '');
  const used = names.filter((n) => new RegExp(`(?<![\\w.])${n}\\b`).test(code)).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
  if (used.length === 0) return '';
  const line = `from ${module} import ${used.join(', ')}`;
  return line.length <= 110 ? `${line}\n` : `from ${module} import (\n${used.map((n) => `    ${n},\n`).join('')})\n`;
}

