/**
 * `search_docs`: ranked full-text search over the docs pages with MiniSearch (BM25-style scoring,
 * fuzzy and prefix matching, per-field boosts). Results are markdown, best first, bounded in size:
 * the top hit gets its full page (cut at the bound), the next ones their header and summary.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { pagesOf, words, type DocPage } from './docs.js';
import { WORD_ALIASES } from './search-aliases.js';

/** Words that carry no meaning in a question about the API. */
const STOP_WORDS = new Set(
  'a an and are as at be by can do does for from how i in is it its me my of on or should the this to what when where which who why will with you your get'.split(' '),
);

/** Words that say the question is about events or the socket, not about a method to call. */
const EVENT_WORDS = /\b(webhooks?|events?|fires?|notif\w*|notified|receive[sd]?|sent to me|callback)\b/i;
const SOCKET_WORDS = /\b(sockets?|websockets?|custom llm|(?:my )?own (?:llm|model)|llm (?:backend|server)|ping|keep ?alive|response_required|interaction_type|response_type)\b/i;

/** A top score under this means the words barely matched: search_docs adds a "did you mean" line. */
const WEAK_SCORE = 8;

/** Priors of event and socket pages when the question does not say it is about them. */
const WEBHOOK_PRIOR = 0.6;
const SOCKET_PRIOR = 0.5;

export function expandQuery(query: string): string {
  const extra = query
    .toLowerCase()
    .split(/[^a-z0-9_]+/)
    .map((w) => (Object.hasOwn(WORD_ALIASES, w) ? WORD_ALIASES[w] : undefined))
    .filter((w): w is string => w !== undefined);
  return extra.length > 0 ? `${query} ${extra.join(' ')}` : query;
}

export interface SearchOptions {
  /** Only pages of these resources (`agent`, `call`, ..., `webhook`, `socket`). */
  readonly resource?: string | readonly string[];
  /** Number of pages to return (default 3, at most 10). */
  readonly limit?: number;
  /** Upper bound of the markdown returned, in characters (default 12 000, at most 50 000). */
  readonly maxChars?: number;
  /** Examples to show: one language, or all (default). */
  readonly language?: ExampleLanguage;
  /** `brief`: signature, route, summary, top-level parameters and examples; `full` (default): everything. */
  readonly detail?: 'brief' | 'full';
}

export type ExampleLanguage = 'typescript' | 'python' | 'curl' | 'all';
export const EXAMPLE_LANGUAGES: readonly ExampleLanguage[] = ['typescript', 'python', 'curl', 'all'];

export interface SearchHit {
  readonly id: string;
  readonly kind: DocPage['kind'];
  readonly score: number;
  readonly page: DocPage;
}

export class DocsSearch {
  readonly pages: readonly DocPage[];
  private readonly byId: Map<string, DocPage>;
  private readonly index: MiniSearch<DocPage>;

  constructor(pages: readonly DocPage[] = pagesOf()) {
    this.pages = pages;
    this.byId = new Map(pages.map((p) => [p.id, p]));
    this.index = new MiniSearch<DocPage>({
      fields: ['title', 'route', 'summary', 'description', 'fields', 'aliases'],
      storeFields: ['id', 'kind', 'verb'],
      extractField: (doc, field) => (field === 'verb' ? words(doc.id.split('.').pop() ?? '') : (doc as unknown as Record<string, string>)[field]!),
      processTerm: (term) => {
        const t = term.toLowerCase();
        return STOP_WORDS.has(t) ? null : stem(t);
      },
      searchOptions: {
        boost: { title: 4, summary: 3, aliases: 3, route: 2, description: 1, fields: 0.4 },
        fuzzy: (term) => (term.length > 4 ? 0.2 : false),
        prefix: (term) => term.length > 2,
        combineWith: 'OR',
      },
    });
    this.index.addAll(pages);
    this.vocabulary = new Map();
    for (const p of pages) {
      for (const w of `${p.title} ${p.route} ${p.summary} ${p.description} ${p.aliases}`.toLowerCase().split(/[^a-z0-9]+/)) {
        if (w.length > 2) this.vocabulary.set(w, (this.vocabulary.get(w) ?? 0) + 1);
      }
    }
  }

  /** Words of the index and how often they occur, for spelling correction. */
  private readonly vocabulary: Map<string, number>;

  /** The most frequent index word among `candidates`, if any is one. */
  private commonest(candidates: Iterable<string>): string | undefined {
    let best: string | undefined;
    let count = 0;
    for (const c of candidates) {
      const n = this.vocabulary.get(c) ?? 0;
      if (n > count) [best, count] = [c, n];
    }
    return best;
  }

  /**
   * A misspelt word → the index word one edit away: a swap of neighbouring letters (`lsit` → `list`,
   * `trasnfer` → `transfer`; MiniSearch's fuzzy matching counts a swap as two edits, too many for short
   * words), or, for words of six letters and more, one letter missing, extra or wrong (`knowlege` →
   * `knowledge`). Among several, the commonest in the docs wins. Words of the index, and numbers, stay.
   */
  correct(query: string): string {
    return query.replace(/[A-Za-z]{4,}/g, (word) => {
      const w = word.toLowerCase();
      if (this.vocabulary.has(w) || STOP_WORDS.has(w) || Object.hasOwn(WORD_ALIASES, w) || this.vocabulary.has(stem(w))) return word;
      const swaps: string[] = [];
      for (let i = 0; i < w.length - 1; i++) swaps.push(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
      const swapped = this.commonest(swaps);
      if (swapped || w.length < 6) return swapped ?? word;
      const edits: string[] = [];
      for (let i = 0; i <= w.length; i++) {
        if (i < w.length) edits.push(w.slice(0, i) + w.slice(i + 1));
        for (const c of 'abcdefghijklmnopqrstuvwxyz') {
          edits.push(w.slice(0, i) + c + w.slice(i));
          if (i < w.length) edits.push(w.slice(0, i) + c + w.slice(i + 1));
        }
      }
      return this.commonest(edits) ?? word;
    });
  }

  page(id: string): DocPage | undefined {
    return this.byId.get(id);
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = Math.min(Math.max(1, Math.floor(options.limit ?? 3)), 10);
    const resources = options.resource === undefined ? undefined : new Set(typeof options.resource === 'string' ? [options.resource] : options.resource);
    const filter = resources ? (r: SearchResult) => resources.has(this.byId.get(String(r.id))?.resource ?? '') : undefined;
    const q = expandQuery(this.correct(query.slice(0, 500)));
    const terms = new Set(q.toLowerCase().split(/[^a-z0-9_]+/).filter(Boolean).map(stem));
    const events = EVENT_WORDS.test(query);
    const socket = SOCKET_WORDS.test(query);
    const boostDocument = (_id: unknown, _term: string, stored?: Record<string, unknown>): number => {
      const kind = stored?.['kind'];
      // Priors: methods unless the question is about events or the socket.
      let factor = kind === 'webhook' ? (events ? 1.6 : WEBHOOK_PRIOR) : kind === 'socket' ? (socket ? 1.6 : SOCKET_PRIOR) : events || socket ? 0.8 : 1;
      // A method whose name is exactly the question's verb(s) (`delete`, not `deleteVersion`) comes first.
      const verb = typeof stored?.['verb'] === 'string' ? stored['verb'].split(' ').map(stem) : [];
      if (kind === 'method' && verb.length > 0 && verb.every((w) => terms.has(w))) factor *= 1.5;
      return factor;
    };
    const results = this.index.search(q, { boostDocument, ...(filter ? { filter } : {}) });
    return results.slice(0, limit).map((r) => {
      const page = this.byId.get(String(r.id))!;
      return { id: page.id, kind: page.kind, score: Math.round(r.score * 100) / 100, page };
    });
  }

  /** When nothing scores well: the closest spelling MiniSearch can suggest, if it differs from the query. */
  didYouMean(query: string, hits: readonly SearchHit[]): string | undefined {
    if (hits.length > 0 && hits[0]!.score >= WEAK_SCORE) return undefined;
    const [best] = this.index.autoSuggest(this.correct(query.slice(0, 200)), { fuzzy: 0.3, prefix: true });
    return best && best.suggestion !== query.toLowerCase().trim() ? best.suggestion : undefined;
  }

  /** The markdown answer of `search_docs`. */
  render(query: string, options: SearchOptions = {}): string {
    const hits = this.search(query, options);
    const maxChars = Math.min(Math.max(1_000, options.maxChars ?? 12_000), 50_000);
    const suggestion = this.didYouMean(query, hits);
    if (hits.length === 0) {
      return `No documentation matched "${query.slice(0, 200)}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Try other words, or drop the resource filter. Resources: ${[...new Set(this.pages.map((p) => p.resource))].join(', ')}.`;
    }
    const parts: string[] = [`Results for "${query.slice(0, 200)}" (best first):`, ''];
    if (suggestion) parts.splice(1, 0, `Did you mean "${suggestion}"? (few pages match these words well)`);
    parts.push(...hits.map((h, i) => `${i + 1}. \`${h.id}\`: ${h.page.summary || h.page.title}`), '');
    let budget = maxChars - parts.join('\n').length;
    hits.forEach((h, i) => {
      // The best hit in full; the others as their first section, so a second look is cheap.
      const page = arrange(h.page.markdown, options.language ?? 'all', options.detail ?? 'full');
      const text = i === 0 ? fit(page, budget) : firstSection(page);
      const piece = text.length > budget ? `${text.slice(0, Math.max(0, budget - 80))}\n\n…(cut at ${maxChars} characters; search for \`${h.id}\` alone for the rest)` : text;
      if (budget <= 200) return;
      parts.push('---', '', piece, '');
      budget -= piece.length + 6;
    });
    return parts.join('\n');
  }
}

const EXAMPLE_HEADING = /^\*\*Example \((TypeScript|Python|curl)\)\*\*/;

/**
 * A method page as search_docs shows it: its examples (of the chosen language) right after the head,
 * before the parameter lists, so cutting the page for size takes fields, never the examples; `brief`
 * drops nested field lines and the description's further paragraphs.
 */
export function arrange(markdown: string, language: ExampleLanguage, detail: 'brief' | 'full'): string {
  const sections = markdown.split(/\n(?=\*\*)/);
  const head = sections[0]!;
  const examples = sections.slice(1).filter((x) => EXAMPLE_HEADING.test(x));
  if (examples.length === 0) return detail === 'brief' ? markdown.split('\n').filter((l) => !/^\s+- /.test(l)).join('\n') : markdown;
  const chosen = examples.filter((x) => language === 'all' || EXAMPLE_HEADING.exec(x)![1]!.toLowerCase() === language);
  let rest = sections.slice(1).filter((x) => !EXAMPLE_HEADING.test(x));
  if (detail === 'brief') rest = rest.map((x) => x.split('\n').filter((l) => !/^\s+- /.test(l)).join('\n'));
  return [head, ...chosen.map((x) => x.trimEnd() + '\n'), ...rest].join('\n');
}

/**
 * A page within `budget` characters: whole if it fits; else without the deepest nested field lines
 * first (then the next level), so the signature, top-level parameters and examples survive.
 */
export function fit(markdown: string, budget: number): string {
  if (markdown.length <= budget) return markdown;
  for (const indent of ['    - ', '  - ']) {
    const lines = markdown.split('\n');
    const kept = lines.filter((l) => !l.startsWith(indent));
    if (kept.length < lines.length) {
      markdown = `${kept.join('\n')}\n\n(${lines.length - kept.length} nested field lines left out for size; raise max_chars to see them)`;
      if (markdown.length <= budget) return markdown;
    }
  }
  return markdown;
}

/** Heading, signature, route and summary, and the first example shown (after `arrange`). */
function firstSection(markdown: string): string {
  const sections = markdown.split(/\n(?=\*\*)/);
  const head = [sections[0]!, ...(sections[1] && EXAMPLE_HEADING.test(sections[1]) ? [sections[1]] : [])].join('\n').trimEnd();
  return head.length > 3_000 ? `${head.slice(0, 3_000)}…` : head;
}

/**
 * A light English stemmer (plural and verb endings), applied to both the index and the query so that
 * "calls", "calling" and "called" all meet "call".
 */
export function stem(term: string): string {
  if (term.length <= 3) return term;
  if (term.endsWith('ies') && term.length > 4) return `${term.slice(0, -3)}y`;
  if (term.endsWith('ing') && term.length > 5) return term.slice(0, -3);
  if (term.endsWith('ed') && term.length > 4) return term.slice(0, -2);
  if (term.endsWith('es') && /(sh|ch|x|ss)es$/.test(term)) return term.slice(0, -2);
  if (term.endsWith('s') && !term.endsWith('ss')) return term.slice(0, -1);
  return term;
}
