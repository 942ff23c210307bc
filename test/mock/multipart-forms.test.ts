/**
 * The mock reads both multipart wire forms into the same body: the current one (JSON text parts,
 * repeated file parts without brackets; retell-sdk 5.66, the Python SDK, our clients) and the bracket
 * form of retell-sdk 5.33. JSON text parts get the same shape limits as a JSON body.
 */
import { describe, expect, it } from 'vitest';
import { filesToNames, formToObject } from '../../packages/mock/src/http/form.js';
import { ShapeError } from '../../packages/mock/src/http/shape.js';

function form(entries: [string, string | File][]): FormData {
  const out = new FormData();
  for (const [name, value] of entries) out.append(name, value);
  return out;
}

const file = (name: string): File => new File(['x'], name, { type: 'text/plain' });
const expected = {
  knowledge_base_name: 'FAQ',
  knowledge_base_texts: [{ title: 'Hours', text: '9 to 5' }, { title: 'Parking', text: 'Free' }],
  knowledge_base_urls: ['https://example.com/a', 'https://example.com/b'],
  knowledge_base_files: ['a.txt', 'b.txt'],
  enable_auto_refresh: 'true',
};

describe('multipart forms in the mock', () => {
  it('reads the current form: JSON text parts and repeated file parts', () => {
    const body = formToObject(form([
      ['knowledge_base_name', 'FAQ'],
      ['knowledge_base_texts', '[{"title":"Hours","text":"9 to 5"},{"title":"Parking","text":"Free"}]'],
      ['knowledge_base_urls', '["https://example.com/a","https://example.com/b"]'],
      ['knowledge_base_files', file('a.txt')],
      ['knowledge_base_files', file('b.txt')],
      ['enable_auto_refresh', 'true'],
    ]));
    expect(filesToNames(body)).toEqual(expected);
  });

  it('reads the bracket form into the same body', () => {
    const body = formToObject(form([
      ['knowledge_base_name', 'FAQ'],
      ['knowledge_base_texts[][title]', 'Hours'],
      ['knowledge_base_texts[][text]', '9 to 5'],
      ['knowledge_base_texts[][title]', 'Parking'],
      ['knowledge_base_texts[][text]', 'Free'],
      ['knowledge_base_urls[]', 'https://example.com/a'],
      ['knowledge_base_urls[]', 'https://example.com/b'],
      ['knowledge_base_files[]', file('a.txt')],
      ['knowledge_base_files[]', file('b.txt')],
      ['enable_auto_refresh', 'true'],
    ]));
    expect(filesToNames(body)).toEqual(expected);
  });

  it('keeps text that only looks like JSON, and a single file part, as they are', () => {
    const body = formToObject(form([['knowledge_base_name', '[draft] FAQ'], ['files', file('one.wav')]]));
    expect(filesToNames(body)).toEqual({ knowledge_base_name: '[draft] FAQ', files: 'one.wav' });
  });

  it('refuses a JSON text part with a __proto__ key or nested too deeply', () => {
    expect(() => formToObject(form([['knowledge_base_texts', '[{"__proto__":{"polluted":true}}]']]))).toThrow(ShapeError);
    expect(() => formToObject(form([['knowledge_base_texts', `${'['.repeat(200)}${']'.repeat(200)}`]]))).toThrow(ShapeError);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
