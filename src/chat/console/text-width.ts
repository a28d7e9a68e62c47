// How wide to wrap a text digest. A terminal reports its width; some report 0 (a serial console, `script`,
// some CI and container terminals), which wrapped one word per line. Those get the classic 80 columns.
// Output that goes to a pipe or a file has no width and gets 100, as before.

export const TEXT_WIDTH = {
  /** A terminal whose width is unknown or 0. */
  terminal: 80,
  /** A pipe or a file. */
  pipe: 100,
  /** Wider lines are hard to read even on a wide terminal. */
  max: 120,
} as const;

export function textWidth(out: { isTTY?: boolean; columns?: number }): number {
  const columns = out.columns;
  if (columns !== undefined && Number.isFinite(columns) && columns > 0) return Math.min(Math.floor(columns), TEXT_WIDTH.max);
  return out.isTTY === true ? TEXT_WIDTH.terminal : TEXT_WIDTH.pipe;
}
