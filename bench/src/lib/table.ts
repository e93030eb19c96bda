/** One result table: printed to the console and written to docs/benchmarks.md. */
export interface Table {
  title: string;
  columns: string[];
  rows: string[][];
  notes: string[];
}

export function renderConsole(table: Table): string {
  const all = [table.columns, ...table.rows];
  const widths = table.columns.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  const out = [`\n== ${table.title}`, line(table.columns), widths.map((w) => '-'.repeat(w)).join('  '), ...table.rows.map(line)];
  for (const note of table.notes) out.push(`  * ${note}`);
  return out.join('\n');
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function renderMarkdown(table: Table): string {
  const out = [`### ${table.title}`, '', `| ${table.columns.map(cell).join(' | ')} |`, `|${table.columns.map(() => '---').join('|')}|`];
  for (const row of table.rows) out.push(`| ${row.map(cell).join(' | ')} |`);
  if (table.notes.length > 0) out.push('', ...table.notes.map((n) => `- ${n}`));
  return out.join('\n');
}
