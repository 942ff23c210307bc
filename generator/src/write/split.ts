/**
 * Splits a very large openapi-typescript file into pieces that prettier can format independently (on
 * several threads), and joins the formatted pieces back. A piece is a run of interface members wrapped
 * in the lines that open and close their enclosing blocks, so prettier sees them at their real depth;
 * after formatting, those wrapper lines are dropped except where the piece is the first (or last) of its
 * block. Relies on the printer's layout: 4-space indentation, one member per line start, JSDoc above.
 */

export interface Piece {
  readonly text: string;
  /** Wrapper lines to drop from the top / bottom of the formatted piece. */
  readonly stripTop: number;
  readonly stripBottom: number;
  /** A blank line follows this piece when joined (the source had one after the statement it ends). */
  readonly blankAfter: boolean;
}

interface Block {
  readonly header: string;
  readonly children: Tree[];
  readonly footer: string;
}

type Tree = string[] | Block;

function isBlock(t: Tree): t is Block {
  return !Array.isArray(t);
}

/** Splits before every line that starts a top-level `export interface|type`. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  const re = /^export (?:interface|type) /gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > start && text.slice(start, m.index).trim() !== '') {
      parts.push(text.slice(start, m.index));
      start = m.index;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

const size = (lines: readonly string[]): number => lines.reduce((n, l) => n + l.length + 1, 0);

/** Member groups of a block body whose members sit at `indent` spaces (a JSDoc stays with its member). */
function memberGroups(lines: readonly string[], indent: number): string[][] {
  const groups: string[][] = [];
  const lead = ' '.repeat(indent);
  let inComment = false;
  // A JSDoc that just ended belongs to the member on the next line: that line starts no new group.
  let attached = false;
  for (const line of lines) {
    const atIndent = line.startsWith(lead) && line.length > indent && line[indent] !== ' ';
    const opensComment = atIndent && line.slice(indent).startsWith('/**');
    const starts = atIndent && line[indent] !== '}' && !inComment && !attached;
    if (starts || groups.length === 0) groups.push([line]);
    else groups[groups.length - 1]!.push(line);
    if (opensComment) {
      inComment = !line.includes('*/');
      attached = !inComment;
    } else if (inComment) {
      if (line.trimEnd().endsWith('*/')) {
        inComment = false;
        attached = true;
      }
    } else if (atIndent) attached = false;
  }
  return groups;
}

/** A group that is one `name: {` ... `};` member without a comment can be opened and split further. */
function openable(group: readonly string[], indent: number): boolean {
  const first = group[0]!;
  const last = group[group.length - 1]!;
  const deeper = ' '.repeat(indent + 1);
  // Every inner line must be nested deeper: `} & {` at the member's own depth (an intersection) is not a block body.
  return (
    group.length > 2 &&
    !first.slice(indent).startsWith('/**') &&
    first.endsWith('{') &&
    last === `${' '.repeat(indent)}};` &&
    group.slice(1, -1).every((line) => line === '' || line.startsWith(deeper))
  );
}

function build(lines: readonly string[], indent: number, max: number): Tree[] {
  const out: Tree[] = [];
  let run: string[] = [];
  const flush = (): void => {
    if (run.length > 0) out.push(run);
    run = [];
  };
  for (const group of memberGroups(lines, indent)) {
    if (size(group) > max && openable(group, indent)) {
      flush();
      const children = build(group.slice(1, -1), indent + 4, max);
      out.push(children.length > 1 ? { header: group[0]!, children, footer: group[group.length - 1]! } : group);
      continue;
    }
    if (run.length > 0 && size(run) + size(group) > max) flush();
    run.push(...group);
  }
  flush();
  return out;
}

/** The pieces of `text`: top-level statements, and members of statements larger than `max` characters. */
export function splitForFormat(text: string, max: number): Piece[] {
  const pieces: Piece[] = [];
  for (const part of splitTopLevel(text)) {
    const lines = part.replace(/\n+$/, '').split('\n');
    const first = lines[0]!;
    const splittable = part.length > max && /^export interface [\w$]+ \{$/.test(first) && lines[lines.length - 1] === '}';
    const children = splittable ? build(lines.slice(1, -1), 4, max) : [];
    // Prettier keeps (at most) one blank line where the source has one, and adds none.
    const blankAfter = /\n[ \t]*\n\s*$/.test(part);
    if (children.length < 2) {
      pieces.push({ text: part, stripTop: 0, stripBottom: 0, blankAfter });
      continue;
    }
    const leaves: Piece[] = [];
    walk({ header: first, children, footer: '}' }, [], leaves);
    pieces.push(...leaves.map((p, i) => ({ ...p, blankAfter: i === leaves.length - 1 && blankAfter })));
  }
  return pieces;
}

interface Level {
  readonly block: Block;
  /** Which child of `block` the walk is in, and how many children it has. */
  readonly index: number;
  readonly count: number;
}

/**
 * A piece keeps the header lines of the blocks it is the first piece of: counting from the innermost
 * block outwards, as long as it sits in the first child at every level. Same for footers and last.
 */
function walk(block: Block, outer: Level[], out: Piece[]): void {
  block.children.forEach((child, index) => {
    const chain = [...outer, { block, index, count: block.children.length }];
    if (isBlock(child)) {
      walk(child, chain, out);
      return;
    }
    const trailing = (test: (l: Level) => boolean): number => {
      let n = 0;
      for (let k = chain.length - 1; k >= 0 && test(chain[k]!); k--) n++;
      return n;
    };
    const stripTop = chain.length - trailing((l) => l.index === 0);
    const stripBottom = chain.length - trailing((l) => l.index === l.count - 1);
    const headers = chain.map((l) => l.block.header);
    const footers = chain.map((l) => l.block.footer).reverse();
    out.push({ text: `${[...headers, ...child, ...footers].join('\n')}\n`, stripTop, stripBottom, blankAfter: false });
  });
}

/** Drops each piece's wrapper lines and joins the pieces, with blank lines where the source had them. */
export function joinFormatted(pieces: readonly Piece[], formatted: readonly string[]): string {
  let out = '';
  pieces.forEach((piece, i) => {
    const lines = formatted[i]!.replace(/\n$/, '').split('\n');
    const kept = lines.slice(piece.stripTop, lines.length - piece.stripBottom);
    out += `${kept.join('\n')}\n`;
    if (piece.blankAfter && i < pieces.length - 1) out += '\n';
  });
  return out;
}
