// The ids of an entity and of the entities within {{depth}} hops over the vocabulary's relationship types.
MATCH (c:Entity {id: $id})
OPTIONAL MATCH (c)-[:$any($types)]-{1,{{depth}}}(x:Entity)
WITH c, collect(DISTINCT x.id) AS found
RETURN [c.id] + found AS ids
