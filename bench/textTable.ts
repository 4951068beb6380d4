/** A plain-text table: columns padded to their widest cell, a dashed rule under the header. */
export function textTable(header: string[], rows: string[][], rightAligned: boolean[]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (rightAligned[column] === true ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((width) => "-".repeat(width)).join("  ").trimEnd(), ...rows.map(line)].join("\n");
}
