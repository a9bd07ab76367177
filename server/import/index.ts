/**
 * The importers as a library: `importFiles(graph, format, files)` reads, checks and writes one list, the
 * same thing `npm run import` does. `linkSameParties(graph)` adds SAME_AS links across lists afterwards.
 */
import { accessSync, constants, statSync } from "node:fs";
import type { Graph } from "../db/graph.ts";
import { FtmImporter } from "./formats/ftm.ts";
import { OfacAdvancedXmlImporter } from "./formats/ofac/advanced-xml.ts";
import { type OfacCsvFiles, OfacCsvImporter, ofacFilesFrom } from "./formats/ofac/csv.ts";
import { UnXmlImporter } from "./formats/un.ts";
import { type ImportOptions, runImport } from "./pipeline.ts";
import { type Importer, ImportInputError, type ImportSummary } from "./types.ts";

export { linkSameParties } from "./link.ts";
export { type Progress, runImport } from "./pipeline.ts";
export { ImportInputError, type ImportSummary } from "./types.ts";

export const FORMATS = ["ofac-csv", "ofac-xml", "un-xml", "ftm"] as const;
export type Format = (typeof FORMATS)[number];

export interface ImporterOptions {
  /** OFAC CSV companions given explicitly (otherwise detected by file name). */
  companions?: Partial<OfacCsvFiles>;
  /** File date for provenance (default: a date in the file name, or the date the file states). */
  date?: string;
}

export function createImporter(graph: Graph, format: Format, files: string[], options: ImporterOptions = {}): Importer {
  if (!files.length && !options.companions?.sdn) throw new Error(`No input files given for ${format}`);
  switch (format) {
    case "ofac-csv":
      return new OfacCsvImporter({ files: ofacFilesFrom(files, options.companions), graph, date: options.date });
    case "ofac-xml":
      return new OfacAdvancedXmlImporter(files, { date: options.date });
    case "un-xml":
      return new UnXmlImporter(files, { date: options.date });
    case "ftm":
      return new FtmImporter(files, { date: options.date });
    default:
      throw new Error(`Unknown format "${format}"; use one of ${FORMATS.join(", ")}`);
  }
}

/** Every input must be a readable file: said plainly before any reading starts. */
export function checkReadable(files: string[]): void {
  for (const file of files) {
    try {
      if (!statSync(file).isFile()) throw new ImportInputError(file, "", "is not a file");
      accessSync(file, constants.R_OK);
    } catch (error) {
      if (error instanceof ImportInputError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      throw new ImportInputError(file, "", code === "ENOENT" ? "no such file" : `cannot be read (${code})`);
    }
  }
}

export async function importFiles(
  graph: Graph,
  format: Format,
  files: string[],
  options: ImporterOptions & ImportOptions = {},
): Promise<ImportSummary> {
  checkReadable([...files, ...Object.values(options.companions ?? {}).filter((f): f is string => typeof f === "string")]);
  return runImport(graph, createImporter(graph, format, files, options), options);
}
