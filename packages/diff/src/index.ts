/**
 * @retell-kit/diff as a library: load two OpenAPI documents, diff them, format the report. The CLI
 * (`retell-kit-diff`, `runDiffCli`) is a thin layer over these.
 */
export { diffDocuments, REPORT_SCHEMA_VERSION, type DiffReport, type SideInput, type SideSummary } from './diff.js';
export { runDiffCli, USAGE, type DiffCliIo } from './cli.js';
export { DiffInputError, type SideName } from './errors.js';
export { loadDocument, type LoadedDocument } from './load/document.js';
export { loadSide, type LoadedSide, type SideOptions } from './load/side.js';
export { formatJson } from './report/json.js';
export { formatMarkdown } from './report/markdown.js';
export { formatText } from './report/text.js';
export { RULES, type RuleId } from './rules/catalog.js';
export type { Rule } from './rules/rule.js';
export type { Verdict } from './verdict.js';
export type { Area, Bump, Direction, Finding, Level } from './types.js';
