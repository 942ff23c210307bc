/**
 * The report as Markdown or HTML (`--report markdown|html`): per-turn latency (first chunk, complete)
 * and a timeline of the call, then every finding with the rule it checks.
 */
import type { SimReport, TurnReport } from './report.js';

const fixed = (v: number | undefined): string => (v === undefined ? '-' : v.toFixed(1));
const said = (t: TurnReport): string => (t.kind === 'user' ? (t.said ?? '') : t.kind === 'reminder' ? `(silence ${t.silenceMs} ms)` : '(call start)');
const flags = (t: TurnReport): string => [t.interrupted ? 'interrupted' : '', t.endCall ? 'end_call' : '', ...t.toolCalls.map((n) => `tool:${n}`)].filter(Boolean).join(', ');

function md(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[|\\`*_<>[\]]/g, (c) => `\\${c}`).slice(0, 300);
}

export function formatMarkdown(report: SimReport): string {
  const lines = [
    `# llm-sim: ${report.ok ? 'PASS' : 'FAIL'} (${report.strictness})`,
    '',
    `Call \`${report.callId}\`, ${report.violations.length} violation(s), ${report.warnings.length} warning(s), ${Math.round(report.durationMs)} ms.`,
    '',
    '| turn | at (ms) | kind | first chunk (ms) | complete (ms) | chunks | user | agent | flags |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const t of report.turns) {
    lines.push(`| ${t.index < 0 ? '-' : t.index} | ${fixed(t.atMs)} | ${t.kind} | ${fixed(t.firstChunkMs)} | ${fixed(t.completeMs)} | ${t.chunks} | ${md(said(t))} | ${md(t.agent)} | ${flags(t)} |`);
  }
  const findings = [...report.violations, ...report.warnings];
  if (findings.length > 0) {
    lines.push('', '## Findings', '');
    for (const v of findings) lines.push(`- **${v.level}** \`${v.code}\`${v.turn !== undefined ? ` (turn ${v.turn})` : ''}: ${md(v.message)}${v.pointer ? ` at \`${v.pointer}\`` : ''}. Rule: ${md(v.rule)}.`);
  }
  return `${lines.join('\n')}\n`;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A self-contained page: the turn table and a timeline bar per turn (request → first chunk → complete). */
export function formatHtml(report: SimReport): string {
  const end = Math.max(1, report.durationMs);
  const pct = (v: number): string => `${Math.max(0, Math.min(100, (v / end) * 100)).toFixed(2)}%`;
  const rows = report.turns
    .map((t) => {
      const start = t.atMs;
      const first = t.firstChunkMs === undefined ? undefined : start + t.firstChunkMs;
      const done = t.completeMs === undefined ? undefined : start + t.completeMs;
      const bar = `<div class="lane"><span class="wait" style="left:${pct(start)};width:${pct((first ?? start) - start)}"></span>${
        first !== undefined ? `<span class="speak" style="left:${pct(first)};width:${pct((done ?? first) - first)}"></span>` : ''
      }</div>`;
      return `<tr><td>${t.index < 0 ? '-' : t.index}</td><td>${t.kind}</td><td>${fixed(t.firstChunkMs)}</td><td>${fixed(t.completeMs)}</td><td>${esc(said(t))}</td><td>${esc(t.agent)}</td><td>${esc(flags(t))}</td><td>${bar}</td></tr>`;
    })
    .join('\n');
  const findings = [...report.violations, ...report.warnings].map((v) => `<li class="${v.level}"><b>${v.level}</b> <code>${v.code}</code>: ${esc(v.message)} <i>(rule: ${esc(v.rule)})</i></li>`).join('\n');
  return `<!doctype html>
<meta charset="utf-8"><title>llm-sim ${esc(report.callId)}</title>
<style>body{font:14px system-ui;margin:2em}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:4px;text-align:left;vertical-align:top}
.lane{position:relative;height:10px;width:300px;background:#f4f4f4}.lane span{position:absolute;top:0;height:10px}.wait{background:#f0c36d}.speak{background:#4a9}
.violation{color:#b00}.warning{color:#a60}</style>
<h1>llm-sim: ${report.ok ? 'PASS' : 'FAIL'} (${report.strictness})</h1>
<p>Call <code>${esc(report.callId)}</code>, ${report.violations.length} violation(s), ${report.warnings.length} warning(s), ${Math.round(report.durationMs)} ms. Timeline: amber = waiting for the first chunk, green = streaming until complete.</p>
<table><tr><th>turn</th><th>kind</th><th>first chunk ms</th><th>complete ms</th><th>user</th><th>agent</th><th>flags</th><th>timeline</th></tr>
${rows}
</table>
<ul>${findings}</ul>
`;
}
