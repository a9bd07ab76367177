import { graphFromEnv, parseCommandLine, runCli } from "./cli.ts";
import { applySchema } from "./db/schema.ts";
import { loadSeed } from "./seed.ts";

/** `npm run seed`: loads seeds/*.json into the Neo4j that NEO4J_URI names. Idempotent. Exit codes: server/cli.ts (EXIT). */
runCli(async () => {
  const { positionals, usage } = parseCommandLine(
    "Usage: npm run seed\n\nLoads seeds/*.json (the Department 53 network) into the Neo4j that NEO4J_URI names; running it again changes nothing.",
    {},
  );
  if (positionals.length) usage(`Unexpected "${positionals.join(" ")}".`);
  const graph = graphFromEnv("Set it (e.g. bolt://127.0.0.1:7687, the local server `npm start` runs) to say where to load the seed.");
  try {
    await applySchema(graph);
    const counts = await loadSeed(graph);
    console.log(`Seed loaded: ${counts.entities} entities, ${counts.relationships} relationships, ${counts.sanctions} sanctions.`);
  } finally {
    await graph.close();
  }
}, "Loading the seed");
