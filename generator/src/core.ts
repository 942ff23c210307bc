/**
 * The spec core (`packages/openapi-core`: load, IR, SDK surface), as the generator imports it. The
 * generator ships and runs as TypeScript source (tsx), so it reads the core's source too: one path here,
 * never a stale `dist/`, and no build step before `pnpm generate`.
 */
export * from '../../packages/openapi-core/src/index.js';
