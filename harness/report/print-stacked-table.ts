// A table with more columns than A4 portrait holds (the cutover's 14 batch columns, many plans side by side) prints
// as blocks rather than running off the paper's right edge, where the printer cuts it: each row a block of its
// cells, side by side as many as fit the line, each cell with its column's name above it (from its data-label, as a
// screen has the table's header row). The row's first cell heads the block (batch 3, a figure's name). On a screen
// the table is a table.
export const PRINT_STACKED_CLASS = 'print-stacked';

export const PRINT_STACKED_CSS = `
@media print {
  table.print-stacked, table.print-stacked > tbody { display: block; width: auto; min-width: 0; }
  table.print-stacked > thead { display: none; }
  table.print-stacked > tbody > tr { display: grid; grid-template-columns: repeat(auto-fill, minmax(9em, 1fr)); gap: 2px 16px; padding: 6px 0; border-bottom: 1px solid var(--line); break-inside: avoid; }
  table.print-stacked > tbody > tr > * { padding: 0; border: 0; text-align: left; white-space: normal; overflow-wrap: anywhere; }
  table.print-stacked > tbody > tr > [data-label]::before { content: attr(data-label); display: block; font-size: 12px; font-weight: 400; color: var(--muted); }
  table.print-stacked > tbody > tr > :first-child { grid-column: 1 / -1; font-weight: 600; }
  table.print-stacked > tbody > tr > :first-child::before { display: inline; margin-right: .4em; }
}
`;
