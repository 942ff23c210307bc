/** search_docs pages: examples survive the default size bound; language and detail options. */
import { describe, expect, it } from 'vitest';
import { DocsSearch, methodDocs } from '@retell-kit/mcp';
import { arrange, fit } from '../../packages/mcp/src/search.js';

describe('search_docs rendering', () => {
  const search = new DocsSearch();

  it('every method page keeps its examples at the default max_chars', () => {
    const lost: string[] = [];
    for (const m of methodDocs()) {
      // The budget the top hit gets at the default 12 000 after the result list (about 1 000).
      const page = fit(arrange(m.markdown, 'all', 'full'), 11_000).slice(0, 11_000);
      for (const lang of ['TypeScript', 'curl']) if (!page.includes(`**Example (${lang})**`)) lost.push(`${m.id} ${lang}`);
    }
    expect(lost).toEqual([]);
    const md = search.render('create a new voice agent');
    expect(md).toMatch(/^1\. `agent\.create`/m);
    expect(md).toContain('**Example (TypeScript)**');
    expect(md).toContain('client.agent.create(');
  });

  it('shows only the examples of the language asked for, and a brief page is smaller', () => {
    const py = search.render('create a new voice agent', { language: 'python', limit: 1 });
    expect(py).toContain('**Example (Python)**');
    expect(py).not.toContain('**Example (TypeScript)**');
    expect(py).not.toContain('**Example (curl)**');
    const curl = search.render('hang up a call', { language: 'curl', limit: 1 });
    expect(curl).toContain('curl -X POST');
    const full = search.render('create a new voice agent', { limit: 1, maxChars: 50_000 });
    const brief = search.render('create a new voice agent', { limit: 1, maxChars: 50_000, detail: 'brief' });
    expect(brief.length).toBeLessThan(full.length);
    expect(brief).toContain('**Example (TypeScript)**');
  });

  it('corrects swapped letters and offers "did you mean" when nothing matches well', () => {
    expect(search.correct('lsit all agnets')).toBe('list all agents');
    expect(search.correct('trasnfer 415 calls')).toBe('transfer 415 calls');
    expect(search.search('lsit all agnets', { limit: 1 })[0]!.id).toBe('agent.list');
    const weak = search.render('voicemial');
    expect(weak).toMatch(/Did you mean "[a-z ]+"\?/);
    expect(search.render('create a new voice agent')).not.toContain('Did you mean');
  });
});
