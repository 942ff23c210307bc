/** Word-wraps prose for docstrings so generated lines stay within the line length (long words stay whole). */

export function wrapText(text: string, width = 110): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      if (line.length <= width) return line;
      const indent = /^\s*(?:[-*]\s+|\d+\.\s+)?/.exec(line)![0];
      const out: string[] = [];
      let current = '';
      for (const word of line.trimStart().split(/ +/)) {
        if (current && current.length + 1 + word.length > width) {
          out.push(current);
          current = ' '.repeat(indent.length) + word;
        } else current = current ? `${current} ${word}` : line.slice(0, line.length - line.trimStart().length) + word;
      }
      if (current) out.push(current);
      return out.join('\n');
    })
    .join('\n');
}
