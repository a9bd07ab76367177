import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, so that scripts work from any working directory. */
export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
export const cypherDir = join(projectRoot, "cypher");
export const seedsDir = join(projectRoot, "seeds");
