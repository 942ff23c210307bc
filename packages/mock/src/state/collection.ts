/**
 * One stateful resource: records by id, each a list of versions (oldest first; unversioned resources
 * keep exactly one). Every change builds a new record object, so a reply already sent is never mutated.
 */
import type { Json, ResourceDef } from './resources.js';

export class Collection {
  readonly def: ResourceDef;
  /** Insertion order is creation order, which is what list returns. */
  readonly #records = new Map<string, Json[]>();

  constructor(def: ResourceDef) {
    this.def = def;
  }

  has(id: string): boolean {
    return this.#records.has(id);
  }

  /** All versions of one record, oldest first; `undefined` when the id is unknown. */
  versions(id: string): readonly Json[] | undefined {
    return this.#records.get(id);
  }

  latest(id: string): Json | undefined {
    const versions = this.#records.get(id);
    return versions?.[versions.length - 1];
  }

  /** A given version, or the latest when `version` is undefined. */
  get(id: string, version?: number): Json | undefined {
    if (version === undefined) return this.latest(id);
    return this.#records.get(id)?.find((r) => r['version'] === version);
  }

  insert(id: string, record: Json): void {
    this.#records.set(id, [record]);
  }

  /** Adds a version (versioned) or replaces the record (unversioned). */
  push(id: string, record: Json): void {
    const versions = this.#records.get(id);
    if (!versions) throw new Error(`push on unknown ${this.def.resource} ${id}`);
    if (this.def.versioned) versions.push(record);
    else versions[0] = record;
  }

  /** Replaces one stored version (publishing flips `is_published` on an existing version). */
  replaceVersion(id: string, version: number, record: Json): void {
    const versions = this.#records.get(id);
    const at = versions?.findIndex((r) => r['version'] === version) ?? -1;
    if (versions && at >= 0) versions[at] = record;
  }

  removeVersion(id: string, version: number): boolean {
    const versions = this.#records.get(id);
    const at = versions?.findIndex((r) => r['version'] === version) ?? -1;
    if (!versions || at < 0) return false;
    versions.splice(at, 1);
    return true;
  }

  delete(id: string): boolean {
    return this.#records.delete(id);
  }

  /** Latest version of every record, in creation order. */
  list(): Json[] {
    return [...this.#records.values()].map((v) => v[v.length - 1]!);
  }

  get size(): number {
    return this.#records.size;
  }

  clear(): void {
    this.#records.clear();
  }
}
