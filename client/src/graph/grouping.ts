/**
 * Large fan-outs grouped behind one node. When an entity has more than FANOUT_LIMIT neighbours on the canvas that
 * connect to nothing else (leaves), those leaves are grouped by relationship type, direction and schema, and each
 * group of GROUP_MIN or more is drawn as one node ("25 × Person, is a director of") that opens on a tap. A 150-node
 * neighbourhood then opens as its hub, its connected neighbours and a handful of groups, every one labelled.
 * Pure: works on element data, so it runs in unit tests.
 */

/** Leaves of one entity from which grouping starts. */
export const FANOUT_LIMIT = 20;
/** Smallest group worth a node of its own; smaller sets stay drawn one by one. */
export const GROUP_MIN = 5;

export interface GroupableNode {
  id: string;
  schema: string;
  sanctioned: boolean;
}

export interface GroupableEdge {
  id: string;
  source: string;
  target: string;
  type: string;
}

export interface FanOutGroup {
  /** Stable for the same hub, type, direction and schema, so an opened group stays open. */
  id: string;
  hub: string;
  type: string;
  /** True when the relationships point from the hub to the members. */
  outgoing: boolean;
  schema: string;
  members: string[];
  /** The relationships between the hub and the members. */
  edges: string[];
  /** How many members are sanctioned (the group is marked when any is). */
  sanctioned: number;
}

export interface GroupingOptions {
  /** Entities never hidden in a group (the focus, the selection, a highlighted path). */
  keep?: ReadonlySet<string>;
  /** Groups the user opened. */
  opened?: ReadonlySet<string>;
  fanOutLimit?: number;
  groupMin?: number;
}

export function groupId(hub: string, type: string, outgoing: boolean, schema: string): string {
  return `group:${hub}:${type}:${outgoing ? "out" : "in"}:${schema}`;
}

/** The groups to draw for these entities and relationships (pager nodes and their links are not passed in). */
export function fanOutGroups(
  nodes: readonly GroupableNode[],
  edges: readonly GroupableEdge[],
  options: GroupingOptions = {},
): FanOutGroup[] {
  const { keep = new Set<string>(), opened = new Set<string>(), fanOutLimit = FANOUT_LIMIT, groupMin = GROUP_MIN } = options;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const neighbours = new Map<string, Set<string>>();
  for (const e of edges) {
    if (e.source === e.target || !byId.has(e.source) || !byId.has(e.target)) continue;
    for (const [a, b] of [
      [e.source, e.target],
      [e.target, e.source],
    ]) {
      const set = neighbours.get(a) ?? new Set<string>();
      set.add(b);
      neighbours.set(a, set);
    }
  }
  const isLeaf = (id: string) => neighbours.get(id)?.size === 1 && !keep.has(id);
  const leavesOf = new Map<string, number>();
  for (const [id, set] of neighbours) {
    if (set.size !== 1 || keep.has(id)) continue;
    const [hub] = set;
    leavesOf.set(hub, (leavesOf.get(hub) ?? 0) + 1);
  }
  const candidates = new Map<string, FanOutGroup>();
  for (const e of edges) {
    const fans = (id: string) => (leavesOf.get(id) ?? 0) > fanOutLimit && !isLeaf(id);
    const leafIsTarget = isLeaf(e.target) && fans(e.source);
    const leafIsSource = isLeaf(e.source) && fans(e.target);
    if (!leafIsTarget && !leafIsSource) continue;
    const [hub, leaf] = leafIsTarget ? [e.source, e.target] : [e.target, e.source];
    const member = byId.get(leaf) as GroupableNode;
    const id = groupId(hub, e.type, leafIsTarget, member.schema);
    if (opened.has(id)) continue;
    let group = candidates.get(id);
    if (!group) {
      group = { id, hub, type: e.type, outgoing: leafIsTarget, schema: member.schema, members: [], edges: [], sanctioned: 0 };
      candidates.set(id, group);
    }
    group.edges.push(e.id);
    if (!group.members.includes(leaf)) {
      group.members.push(leaf);
      if (member.sanctioned) group.sanctioned++;
    }
  }
  // A leaf linked to its hub by relationships of two types would fall in two groups: it stays drawn instead.
  const count = new Map<string, number>();
  for (const g of candidates.values()) for (const m of g.members) count.set(m, (count.get(m) ?? 0) + 1);
  return [...candidates.values()]
    .map((g) => {
      const members = g.members.filter((m) => count.get(m) === 1);
      const memberSet = new Set(members);
      const edgeIds = edges.filter((e) => g.edges.includes(e.id) && (memberSet.has(e.source) || memberSet.has(e.target))).map((e) => e.id);
      const sanctioned = members.filter((m) => byId.get(m)?.sanctioned).length;
      return { ...g, members, edges: edgeIds, sanctioned };
    })
    .filter((g) => g.members.length >= groupMin);
}

/** Read from the hub: "owns\n25 × Company", or towards it: "25 × Person\nis a director of" (type labels as the client words them). */
export function groupLabel(group: FanOutGroup, typeLabel: string): string {
  const members = `${group.members.length} × ${group.schema}`;
  return group.outgoing ? `${typeLabel}\n${members}` : `${members}\n${typeLabel}`;
}
