import { expect } from "vitest";

/** What path assertions need of a `Path` (select `length nodes { id } hops { from { id } to { id } }`). */
export interface PathIds {
  length: number;
  nodes: { id: string }[];
  hops: { from: { id: string }; to: { id: string } }[];
}

export const PATH_IDS = "length nodes { id } hops { from { id } to { id } }";

/** Every path goes from `from` to `to`, hop by hop, without any entity twice; shortest first, at most `max` of them. */
export function expectSimplePaths(paths: PathIds[], from: string, to: string, max: number, label = ""): void {
  expect(paths.length, label).toBeLessThanOrEqual(max);
  for (const path of paths) {
    const ids = path.nodes.map((n) => n.id);
    expect(new Set(ids).size, `${label} repeats an entity: ${ids.join(" > ")}`).toBe(ids.length);
    expect([ids[0], ids.at(-1)], label).toEqual([from, to]);
    expect(path.length, label).toBe(path.hops.length);
    path.hops.forEach((hop, i) => {
      expect([hop.from.id, hop.to.id], label).toEqual([ids[i], ids[i + 1]]);
    });
  }
  const lengths = paths.map((p) => p.length);
  expect(lengths, `${label} shortest first`).toEqual([...lengths].sort((a, b) => a - b));
}
