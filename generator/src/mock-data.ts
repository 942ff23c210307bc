/**
 * Mock data for any spec file, in memory: load → IR → the mocks emitter's data, without the type and
 * facade emitters. What `retell-kit mock --spec <file>` serves. Third-party specs are loaded tolerantly
 * (structural problems become warnings, Swagger 2.0 is converted), as `generate` does by default.
 */
import type { MockData } from './emit/mocks/index.js';

export async function mockDataFromFile(file: string): Promise<MockData & { warnings: readonly string[] }> {
  const [{ loadSpec, buildModel }, { mockData }] = await Promise.all([import('./core.js'), import('./emit/mocks/index.js')]);
  const spec = await loadSpec(file, { strict: false });
  const data = mockData(spec, buildModel(spec));
  const warnings = spec.warnings.map((w) => w.describe());
  return { ...data, warnings };
}
