// Sanctioned parties within {{maxHops}} hops of an entity, nearest first, each with one shortest path.
// Bounded for super-nodes: SHORTEST 1 per party is one breadth-first search, and it does not walk through an
// entity with more than $maxDegree relationships (a hub is still reported when it is itself sanctioned, but its
// links are not followed; the start is always expanded). The degree is a COUNT without a type, answered from
// the degree store. At most $scan parties are kept (`complete` says whether that cut anything).
// In force on the day $at: relationships by read/parts/valid-at (start/end dates, list periods) and sanctions by
// read/parts/sanctions-in-force (a party counts when it has one). The parties whose sanctions are read are picked by
// read/parts/maybe-sanctioned: by the `sanctioned` flag today, and also the entities with list history on a past
// day ($past), so a party delisted since is found on a day it was listed.
// $authorities: lower-case substrings of a sanction's authority, or null for any authority.
MATCH (s:Entity {id: $id})
CALL (s) {
  OPTIONAL MATCH (x:Entity) WHERE x.id IN $avoid
  RETURN collect(x) AS avoided
}
CALL (s, avoided) {
  MATCH p = SHORTEST 1 (s)((a)-[r]-(b)
      WHERE type(r) IN $types AND NOT b IN avoided
        AND (a = s OR COUNT { (a)--() } <= $maxDegree) AND
// include: read/parts/valid-at
    ){1,{{maxHops}}}(e:Entity)
  WHERE e <> s AND
// include: read/parts/maybe-sanctioned
  WITH e, p
// include: read/parts/sanctions-in-force
  WITH e, p, sanctions WHERE size(sanctions) > 0
  ORDER BY length(p), e.id
  LIMIT $scan + 1
  RETURN collect({party: e, path: p, sanctions: sanctions}) AS found
}
WITH found[..$scan] AS found, size(found) > $scan AS more
RETURN size(found) AS total, more,
  [f IN found | {distance: length(f.path), authorities: [x IN f.sanctions | x.authority], programs: [x IN f.sanctions | coalesce(x.program, '')]}] AS summary,
  [f IN found[$offset..($offset + $first)] | {
    distance: length(f.path),
    sanctions: f.sanctions,
    nodes: [n IN nodes(f.path) | n {.*}],
    relationships: [x IN relationships(f.path) | x {.*, type: type(x), source: startNode(x).id, target: endNode(x).id}]
  }] AS page
