import cliProgress from "cli-progress";
import type { Progress } from "./pipeline.ts";

/** A cli-progress bar on a terminal; plain lines every few seconds otherwise (CI logs, pipes). */
export function consoleProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    let bar: cliProgress.SingleBar | undefined;
    let count = 0;
    return {
      phase(name, total) {
        bar?.stop();
        count = 0;
        bar = new cliProgress.SingleBar(
          { format: `${name.padEnd(8)} [{bar}] {value}/{total} {percentage}% {eta_formatted}`, stream, hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total ?? 0, 0);
      },
      tick(items) {
        count += items;
        if (bar && count > bar.getTotal()) bar.setTotal(count);
        bar?.update(count);
      },
      done() {
        bar?.stop();
      },
    };
  }
  let current = "";
  let count = 0;
  let expected: number | undefined;
  let last = 0;
  return {
    phase(name, total) {
      current = name;
      count = 0;
      expected = total;
      last = Date.now();
      stream.write(`${name}: starting${total ? ` (${total} expected)` : ""}\n`);
    },
    tick(items) {
      count += items;
      if (Date.now() - last >= 2_000) {
        last = Date.now();
        stream.write(`${current}: ${count}${expected ? `/${expected}` : ""}\n`);
      }
    },
    done() {
      stream.write(`${current}: ${count} done\n`);
    },
  };
}
