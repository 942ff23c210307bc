/**
 * The shape of one rule of the catalog (oasdiff style: rules are data, checks decide which one fires).
 */
import type { Area, Bump, Direction, Level } from '../types.js';

export interface Rule {
  readonly id: string;
  readonly level: Level;
  readonly direction: Direction;
  readonly area: Area;
  /** What changed: `property`, `enum-value`, `max-length`, `operation`... */
  readonly kind: string;
  /** How it changed: `added`, `removed`, `narrowed`, `increased`... */
  readonly action: string;
  /** The semver bump this finding asks for on its own. */
  readonly bump: Bump;
  /** The opposite-direction rule when it is not named by swapping `request-`/`response-`. */
  readonly mirror?: string;
  /** Why a request rule has no response mirror (the catalog test requires one or the other). */
  readonly waiver?: string;
}
