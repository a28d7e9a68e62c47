// Progress for long commands: a redrawn bar on a terminal, a plain line every 10% otherwise
// (so logs and CI output stay readable).
import type { CliIo } from './command.ts';

const BAR_WIDTH = 30;

export function createProgress(io: CliIo, label: string): { update(done: number, total: number): void; end(): void } {
  const tty = io.stderr.isTTY === true;
  let lastDecile = -1;
  let drawn = false;
  return {
    update(done, total) {
      if (total === 0) return;
      if (tty) {
        const filled = Math.round((done / total) * BAR_WIDTH);
        io.stderr.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total}`);
        drawn = true;
        return;
      }
      const decile = Math.floor((done / total) * 10);
      if (decile !== lastDecile) {
        lastDecile = decile;
        io.stderr.write(`${label}: ${done}/${total}\n`);
      }
    },
    end() {
      if (tty && drawn) io.stderr.write('\n');
    },
  };
}
