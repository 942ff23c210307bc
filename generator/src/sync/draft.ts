export function writeDrafts(..._a: unknown[]): { created: string[]; updated: string[]; skipped: string[] } { return { created: [], updated: [], skipped: [] }; }
