import { describe, expect, it } from "vitest";
import type { Ownership, OwnershipLink } from "../../client/src/api/exposure.ts";
import { edgeLabel } from "../../client/src/graph/elements.ts";
import {
  chainLinks,
  dateRange,
  ownershipLayers,
  ownershipPaths,
  partiesByDistance,
  shareText,
} from "../../client/src/model/exposure-view.ts";
import { entity, PATH, rel } from "./fixtures.ts";

const A = entity("a", "Blocked Person A", "Person");
const M = entity("m", "Middle Holding", "Company", false);
const T = entity("t", "Target Trading", "Company", false);
const K = entity("k", "Other Owner", "Company", false);
const owns = (id: string, from: string, to: string, percentage?: string, dates: { startDate?: string; endDate?: string } = {}) =>
  rel(id, "OWNS", from, to, { label: "owns", properties: percentage ? [{ name: "percentage", values: [percentage] }] : [], ...dates });
const link = (r: ReturnType<typeof owns>, share: number | null, counted: boolean): OwnershipLink => ({
  owner: r.source.id,
  asset: r.target.id,
  share,
  control: false,
  counted,
  overlapping: false,
  relationship: r,
});
const node = (e: typeof A, depth: number, blocked: boolean) => ({
  depth,
  listed: e === A,
  blocked,
  reason: null,
  blockedShare: 0,
  recordedTotal: 0,
  conflicting: false,
  entity: e,
  sanctions: [],
});
const AM = owns("am", "a", "m", "60");
const MT = owns("mt", "m", "t", "50", { startDate: "2015-11-25" });
const KT = owns("kt", "k", "t");
const OWNERSHIP = {
  rule: "OFAC_50",
  at: "2024-06-30",
  verdict: "BLOCKED",
  blockedByOwnership: true,
  statement: "",
  listed: false,
  blockedShare: 50,
  blockedShareHigh: 50,
  unknownShares: 0,
  conflictingData: false,
  depthLimited: false,
  truncated: false,
  chains: [
    {
      links: [
        { owner: "a", asset: "m", share: 60 },
        { owner: "m", asset: "t", share: 50 },
      ],
    },
  ],
  nodes: [node(T, 0, true), node(M, 1, true), node(K, 1, false), node(A, 2, true)],
  links: [link(MT, 50, true), link(KT, null, false), link(AM, 60, true)],
} as Ownership;

describe("exposure and ownership views", () => {
  it("labels ownership edges with their percentage and years; other types keep their label", () => {
    expect(edgeLabel(MT)).toBe("owns 50% (2015–)");
    expect(edgeLabel(owns("x", "a", "t", "49%", { startDate: "2016-03-29", endDate: "2023-12-21" }))).toBe("owns 49% (2016–2023)");
    expect(edgeLabel(KT)).toBe("owns");
    expect(edgeLabel(rel("f", "FRONT_COMPANY_OF", "a", "b", { label: "is a front company of" }))).toBe("is a front company of");
  });

  it("words shares and dates", () => {
    expect(shareText({ share: 51, control: false })).toBe("51%");
    expect(shareText({ share: null, control: false })).toBe("share unknown");
    expect(shareText({ share: null, control: true })).toBe("control");
    expect(dateRange({ startDate: "2015-11-25", endDate: "2023-03-02" })).toBe("2015-11-25 – 2023-03-02");
    expect(dateRange({ startDate: null, endDate: "2023-03-02" })).toBe("until 2023-03-02");
    expect(dateRange({ startDate: null, endDate: null })).toBe("");
  });

  it("lays owners out level by level, each with its own records", () => {
    const layers = ownershipLayers(OWNERSHIP);
    expect(layers.map((l) => [l.depth, l.rows.map((r) => r.node.entity.id)])).toEqual([
      [0, ["t"]],
      [1, ["m", "k"]],
      [2, ["a"]],
    ]);
    expect(layers[1].rows[0].links.map((l) => l.relationship.id)).toEqual(["mt"]);
  });

  it("turns records into one-hop paths for the canvas, and picks the chain's counted records", () => {
    const paths = ownershipPaths(OWNERSHIP);
    expect(paths.map((p) => [p.nodes.map((n) => n.id), p.hops[0].relationship.id])).toEqual([
      [["m", "t"], "mt"],
      [["k", "t"], "kt"],
      [["a", "m"], "am"],
    ]);
    expect(chainLinks(OWNERSHIP).map((l) => l.relationship.id)).toEqual(["mt", "am"]);
  });

  it("groups exposed parties by distance, nearest first", () => {
    const party = (id: string, distance: number) => ({ distance, entity: entity(id, id), sanctions: [], path: PATH });
    const groups = partiesByDistance([party("x", 1), party("y", 2), party("z", 1)] as never);
    expect(groups.map((g) => [g.hops, g.parties.map((p) => p.entity.id)])).toEqual([
      [1, ["x", "z"]],
      [2, ["y"]],
    ]);
  });
});
