// What a watch sees: the entities within {{depth}} hops of its centres over the vocabulary's relationship types
// (nearest first, at most $cap), the relationships a {{depth}}-hop walk from the centres follows (those with an
// end nearer than {{depth}} hops; at most $relationshipCap, in id order), and the active sanctions on the entities
// (not delisted by a list-history replay; no end date, or one from $today on). Evaluation compares this with what the watch saw last time.
UNWIND $centres AS centreId
MATCH (c:Entity {id: centreId})
CALL (c) {
  OPTIONAL MATCH p = (c)(()-[r]-() WHERE type(r) IN $types){1,{{depth}}}(x:Entity)
  WITH x, min(length(p)) AS distance
  WHERE x IS NOT NULL
  ORDER BY distance, x.id
  LIMIT $cap
  RETURN collect({entity: x, distance: distance}) AS found
}
WITH collect({entity: c, distance: 0}) + reduce(all = [], f IN collect(found) | all + f) AS reached
UNWIND reached AS reach
WITH reach.entity AS e, min(reach.distance) AS distance
ORDER BY distance, e.id
LIMIT $cap
WITH collect({entity: e, distance: distance}) AS scope
CALL (scope) {
  UNWIND scope AS s
  WITH s.entity AS a WHERE s.distance < $radius
  MATCH (a)-[r]-(:Entity)
  WHERE type(r) IN $types
  WITH DISTINCT r
  ORDER BY r.id
  LIMIT $relationshipCap
  RETURN collect({id: r.id, type: type(r), source: startNode(r).id, target: endNode(r).id}) AS relationships
}
CALL (scope) {
  UNWIND scope AS s
  WITH s.entity AS a
  MATCH (a)-[:HAS_SANCTION]->(x:Sanction)
  WHERE x.delistedOn IS NULL AND (x.endDate IS NULL OR x.endDate >= $today)
  RETURN collect(DISTINCT {id: x.id, entityId: a.id, program: x.program, authority: x.authority}) AS sanctions
}
RETURN [s IN scope | s.entity.id] AS entities, relationships, sanctions
