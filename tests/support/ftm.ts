/**
 * OpenSanctions' followthemoney library as the judge of our FtM export: scripts/ftm-venv.sh (run by .ci/run and
 * `npm test`'s pretest) makes the virtual environment; scripts/ftm-validate.py reports what FtM rejects.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { projectRoot } from "../../server/paths.ts";

const venv = process.env.FTM_VENV ?? join(projectRoot, ".data", "ftm-venv");
export const ftmPython = join(venv, "bin", "python");

export function requireFtmVenv(): void {
  if (!existsSync(ftmPython))
    throw new Error(
      `No followthemoney virtual environment at ${venv}. Create it with \`bash scripts/ftm-venv.sh\` (needs python3 with venv and PyPI access); \`npm test\` does this first (pretest).`,
    );
}

export interface FtmReport {
  entities: number;
  problems: { kind: string; id: string; text: string }[];
}

/** Writes the entities as FtM JSON lines and returns followthemoney's report on them. */
export function validateFtm(lines: string[]): FtmReport {
  requireFtmVenv();
  const file = join(mkdtempSync(join(tmpdir(), "ftm-validate-")), "export.ftm.json");
  writeFileSync(file, `${lines.join("\n")}\n`);
  const output = execFileSync(ftmPython, [join(projectRoot, "scripts", "ftm-validate.py"), file], { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(output.toString()) as FtmReport;
}
