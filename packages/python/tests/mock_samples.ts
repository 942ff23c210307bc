/**
 * Prints the mock's per-operation samples (request body, parameter values) as JSON, so the Python
 * contract tests call every operation with the same spec-derived inputs as the TypeScript ones.
 */
import { samples } from '../../mock/src/index.ts';

process.stdout.write(JSON.stringify(samples));
