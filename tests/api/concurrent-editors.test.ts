/**
 * 20 editors write to the same three entities at once for CONCURRENT_SECONDS (8 s by default; 30 for the issue's
 * benchmark): aliases added to shared entities, links between them, and every write sent twice at the same time
 * with one client id (a client retrying). Afterwards no write is lost and none is duplicated. Prints the figures.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { query } from "../import/helpers.ts";
import { seededApi, testApi } from "../support/api.ts";
import { PRESS_SOURCE, TEST_AUTH, tokenFor, WRITE_DEADLINE_MS } from "../support/auth.ts";

const EDITORS = 20;
const SECONDS = Number(process.env.CONCURRENT_SECONDS ?? 8);
const SHARED = ["ofac-52282", "ofac-52283", "ofac-52286"];

const { graph } = seededApi();
const api = testApi(graph, { auth: TEST_AUTH, deadlineMs: WRITE_DEADLINE_MS });

const AMEND = `mutation($input: AmendEntityInput!) { amendEntity(input: $input) { replayed event { clientId } } }`;
const ADD = `mutation($input: AddRelationshipInput!) { addRelationship(input: $input) { replayed relationship { id } } }`;

interface Done {
  clientId: string;
  kind: "alias" | "link";
  entity: string;
  alias?: string;
  relationshipId?: string;
}

describe(`${EDITORS} concurrent editors on the same entities`, () => {
  const done: Done[] = [];
  const latencies: number[] = [];
  const failures: string[] = [];
  let replays = 0;
  let elapsed = 0;

  beforeAll(
    async () => {
      const tokens = await Promise.all(Array.from({ length: EDITORS }, (_, i) => tokenFor("editor", `editor-${i}`)));
      const deadline = Date.now() + SECONDS * 1000;
      const started = Date.now();
      await Promise.all(
        tokens.map(async (token, e) => {
          for (let n = 0; Date.now() < deadline; n++) {
            const clientId = `e${e}-w${n}`;
            const entity = SHARED[(n + e) % SHARED.length];
            const isLink = n % 4 === 3;
            const alias = `Alias by editor ${e}, write ${n}`;
            const [document, input] = isLink
              ? [ADD, { clientId, type: "LINKED_TO", source: entity, target: SHARED[(n + e + 1) % SHARED.length], sources: [PRESS_SOURCE] }]
              : [AMEND, { clientId, id: entity, properties: [{ name: "alias", values: [alias] }], sources: [PRESS_SOURCE] }];
            const t0 = performance.now();
            // The same write twice at once, as a client retrying after a timeout would.
            const answers = await Promise.all([api.query(document, { input }, { token }), api.query(document, { input }, { token })]);
            latencies.push(performance.now() - t0);
            const errors = answers.flatMap((a) => a.errors ?? []);
            if (errors.length) {
              failures.push(...errors.map((x) => `${clientId}: ${x.extensions?.code} ${x.message}`));
              continue;
            }
            const results = answers.map((a) => (isLink ? a.data!.addRelationship : a.data!.amendEntity));
            replays += results.filter((r) => r.replayed).length;
            done.push({ clientId, kind: isLink ? "link" : "alias", entity, alias, relationshipId: results[0].relationship?.id });
          }
        }),
      );
      elapsed = (Date.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(0);
      console.log(
        `${EDITORS} editors, ${elapsed.toFixed(1)} s: ${done.length} writes (${(done.length / elapsed).toFixed(1)}/s), ` +
          `each sent twice (${replays} replays), p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${pct(1)} ms, ${failures.length} failures`,
      );
    },
    (SECONDS + 120) * 1000,
  );

  it("every write succeeded, each exactly once (the twin of each was a replay)", () => {
    expect(failures).toEqual([]);
    expect(done.length).toBeGreaterThanOrEqual(EDITORS);
    expect(replays).toBe(done.length);
  });

  it("lost no alias", async () => {
    const rows = await query<{ id: string; aliases: string[] }>(
      graph,
      "MATCH (e:Entity) WHERE e.id IN $ids RETURN e.id AS id, e.aliases AS aliases",
      { ids: SHARED },
    );
    const aliases = new Map(rows.map((r) => [r.id, new Set(r.aliases)]));
    const missing = done.filter((d) => d.kind === "alias" && !aliases.get(d.entity)?.has(d.alias as string));
    expect(missing).toEqual([]);
  });

  it("made each link once and one audit event per write", async () => {
    const links = done.filter((d) => d.kind === "link").map((d) => d.relationshipId);
    const [row] = await query<{ rels: number; distinctRels: number; events: number }>(
      graph,
      `CALL () { MATCH ()-[r]->() WHERE r.id IN $links RETURN count(r) AS rels, count(DISTINCT r.id) AS distinctRels }
       CALL () { MATCH (ev:AuditEvent) WHERE ev.clientId IN $clientIds RETURN count(ev) AS events }
       RETURN rels, distinctRels, events`,
      { links, clientIds: done.map((d) => d.clientId) },
    );
    expect(row).toEqual({ rels: links.length, distinctRels: links.length, events: done.length });
  });
});
