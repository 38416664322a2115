/** A progress bar on a terminal; silence when output is piped or redirected. */
import cliProgress from "cli-progress";

export interface Progress {
  tick(failed?: boolean): void;
  stop(): void;
}

export function progressBar(total: number, label: string): Progress {
  if (!process.stderr.isTTY) return { tick() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {value}/{total} | {rate}/s | failed {failed} | eta {eta_formatted}`,
      stream: process.stderr,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let failed = 0;
  bar.start(total, 0, { rate: "0", failed });
  return {
    tick(f = false) {
      if (f) failed++;
      const done = (bar.getProgress() * total || 0) + 1;
      bar.increment(1, { rate: (done / ((Date.now() - started) / 1000 || 1)).toFixed(1), failed });
    },
    stop: () => bar.stop(),
  };
}
