/**
 * Changes to the canvas (client/src/features/canvas-edits.ts) on a real view session: what each asks the API, what
 * it does to the model, what it redraws and what it says. The API, the status line, the selection and the redraw
 * are the unit's edges and are recorded.
 */
import { describe, expect, it } from "vitest";
import type { RelationshipConnection, Subgraph } from "../../client/src/api/types.ts";
import { CanvasEdits } from "../../client/src/features/canvas-edits.ts";
import { PAGE_SIZE } from "../../client/src/features/commands.ts";
import type { RenderOptions } from "../../client/src/features/drawing.ts";
import { ViewSession } from "../../client/src/model/view-session.ts";
import { CHONSURIM, DELEGATION, DEPT53, JONG, LIAONING, LINKED, OPERATES, OSONG, page, SUBGRAPH } from "./fixtures.ts";

/** CanvasEdits on a session holding SUBGRAPH (Department 53 with three leaves), with every edge recorded. */
function setUp(answers: { subgraph?: () => Promise<Subgraph>; relationships?: () => Promise<RelationshipConnection | null> } = {}) {
  const session = new ViewSession();
  session.model.addSubgraph(SUBGRAPH, DEPT53.id);
  const asked: unknown[] = [];
  const said: string[] = [];
  const errors: { error: unknown; retry?: () => void }[] = [];
  const rendered: (RenderOptions | undefined)[] = [];
  const did: string[] = [];
  const edits = new CanvasEdits({
    session,
    api: {
      subgraph: async (ids: string[]) => {
        asked.push(["subgraph", ids]);
        return (answers.subgraph ?? (async () => ({ nodes: [], edges: [], omitted: [], truncated: false })))();
      },
      relationships: async (request) => {
        asked.push(["relationships", request]);
        return (answers.relationships ?? (async () => null))();
      },
    },
    status: {
      loading: (_message, work) => work(),
      error: (error, retry) => errors.push({ error, retry }),
      announce: (text) => said.push(text),
    },
    selection: {
      show: (id) => did.push(`show ${id}`),
      select: (id) => did.push(`select ${id}`),
      selectKeepingTab: (id) => {
        did.push(`select ${id} keeping the tab`);
        return true;
      },
    },
    details: { showHint: () => did.push("hint") },
    tabs: { current: "details", show: (tab) => did.push(`tab ${tab}`) },
    render: async (options) => {
      rendered.push(options);
    },
  });
  return { session, edits, asked, said, errors, rendered, did };
}

describe("changes to the canvas", () => {
  it("an expansion adds its page, lays it out, says how many more there are, and its pager loads the next page", async () => {
    const first = page(
      CHONSURIM.id,
      [
        { r: LINKED, other: JONG },
        { r: OPERATES, other: DELEGATION },
      ],
      5,
      true,
    );
    const { session, edits, asked, said, rendered } = setUp({ relationships: async () => first });
    await edits.expand(CHONSURIM.id, [], "ANY");
    expect(asked).toEqual([["relationships", { id: CHONSURIM.id, types: [], direction: "ANY", first: PAGE_SIZE }]]);
    expect(session.model.entities.has(JONG.id) && session.model.entities.has(DELEGATION.id)).toBe(true);
    expect(rendered).toEqual([{ layout: true, incremental: true }]);
    expect(said).toEqual(["Added 2 entities; 3 more to load."]);

    const [pager] = session.model.pagers.values();
    expect(pager.entityId).toBe(CHONSURIM.id);
    await edits.loadMore(pager.id, 200);
    expect(asked[1]).toEqual(["relationships", { id: CHONSURIM.id, types: [], direction: "ANY", first: 200, after: "c1" }]);
  });

  it("an entity that no longer exists is an error naming it, whose retry asks again", async () => {
    const { edits, asked, errors, rendered } = setUp();
    await edits.expand(CHONSURIM.id, ["LINKED_TO"], "INCOMING");
    expect(errors).toHaveLength(1);
    expect(String(errors[0].error)).toContain("CHONSURIM TRADING CORPORATION no longer exists.");
    expect(rendered).toEqual([]);
    errors[0].retry?.();
    await expect.poll(() => asked.length).toBe(2);
    expect(asked[1]).toEqual(asked[0]);
  });

  it("collapse removes the leaves but keeps the path query's ends; remove clears the details", () => {
    const { session, edits, said, did } = setUp();
    session.setPaths(
      { from: LIAONING.id, to: JONG.id, mode: "SHORTEST", k: 1, maxHops: 4, direction: "ANY", types: [], avoid: [] } as never,
      [],
    );
    edits.collapse(DEPT53.id);
    expect(session.model.entityIds().sort()).toEqual([DEPT53.id, LIAONING.id].sort());
    expect(said).toEqual(["Collapsed: 2 entities removed."]);
    edits.remove([LIAONING.id]);
    expect(session.model.entityIds()).toEqual([DEPT53.id]);
    expect(did).toEqual(["hint"]);
    expect(said.at(-1)).toBe("Removed 1 entity.");
  });

  it("a search result already drawn is selected; a new one comes with its links to what is drawn and is selected", async () => {
    const { session, edits, asked, said, did, rendered } = setUp({
      subgraph: async () => ({ nodes: [JONG, CHONSURIM], edges: [LINKED], omitted: [], truncated: false }),
    });
    await edits.addFromSearch(OSONG);
    expect(asked).toEqual([]);
    expect(did).toEqual([`show ${OSONG.id}`]);

    await edits.addFromSearch(JONG);
    expect(asked).toEqual([["subgraph", [JONG.id, ...SUBGRAPH.nodes.map((n) => n.id)]]]);
    expect(session.model.relationships.has(LINKED.id)).toBe(true);
    expect(rendered).toEqual([{ layout: true, incremental: true }]);
    expect(did.slice(1)).toEqual([`select ${JONG.id}`, "tab details"]);
    expect(said).toEqual([`${OSONG.name} is on the canvas and selected.`, `${JONG.name} is on the canvas and selected.`]);
  });

  it("entities put on in bulk say how many came; a failure is shown with a retry and changes nothing", async () => {
    let fail = true;
    const { session, edits, errors, said } = setUp({
      subgraph: async () => {
        if (fail) throw new Error("the API is down");
        return { nodes: [JONG, DELEGATION], edges: [], omitted: [], truncated: false };
      },
    });
    await edits.addMany([JONG.id, DELEGATION.id], "screening hits");
    expect(errors).toHaveLength(1);
    expect(session.model.size).toBe(SUBGRAPH.nodes.length);
    fail = false;
    errors[0].retry?.();
    await expect.poll(() => said).toEqual(["2 screening hits are on the canvas."]);
    expect(session.model.size).toBe(SUBGRAPH.nodes.length + 2);
  });
});
