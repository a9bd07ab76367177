import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Graph } from "../../server/db/graph.ts";
import { importFiles, linkSameParties } from "../../server/import/index.ts";
import { projectRoot } from "../../server/paths.ts";

/** The shared real data (../shared/data/real/ next to the repository). */
export const realDataDir = join(projectRoot, "..", "shared", "data", "real");

/**
 * Imports every real list together, as a user would: the full 2024 OFAC SDN set with its 2025 companions, the
 * 2026 DPRK excerpt, the UN consolidated list and both OpenSanctions FtM files; then the SAME_AS step.
 */
export async function importRealLists(graph: Graph) {
  const file = (...parts: string[]) => {
    const path = join(realDataDir, ...parts);
    if (!existsSync(path)) throw new Error(`Real data missing: ${path} (expected shared/ beside the repository).`);
    return path;
  };
  const ofac = ["sdn_2024-05-03.csv", "alt_2025-12.csv", "add_2025-12.csv", "sdn_comments_2025-12.csv"].map((f) => file("ofac", f));
  await importFiles(graph, "ofac-csv", ofac);
  await importFiles(graph, "ofac-csv", [file("ofac", "sdn_2026_excerpt_dprk.csv")], { companions: {} });
  await importFiles(graph, "un-xml", [file("un", "UN_consolidated_2026-02-27.xml")]);
  await importFiles(graph, "ftm", [
    file("opensanctions-ftm", "zala_entities.ftm.json"),
    file("opensanctions-ftm", "eu_fsf_sample_entities.ftm.json"),
  ]);
  return linkSameParties(graph);
}
