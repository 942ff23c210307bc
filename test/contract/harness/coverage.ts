/**
 * The coverage gate. Each surface records the operations whose contract passed; the last test of a file
 * compares that with every operation of the spec, prints `operations covered: N/N`, and fails on a gap.
 * Because operations come from the spec, a new operation without a working surface is a gap.
 */
import { expect } from 'vitest';

export class Coverage {
  readonly #passed = new Set<string>();
  constructor(readonly surface: string) {}

  pass(key: string): void {
    this.#passed.add(key);
  }

  /** Asserts every key in `expected` passed; prints the coverage line either way. */
  gate(expected: readonly string[], unit = 'operations'): void {
    const missing = expected.filter((k) => !this.#passed.has(k));
    const line = `${unit} covered: ${expected.length - missing.length}/${expected.length} (${this.surface})`;
    console.log(line);
    expect(missing, `${line}; missing: ${missing.join(', ')}`).toEqual([]);
  }
}
