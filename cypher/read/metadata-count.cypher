// Number of entities (count store; constant time).
MATCH (e:Entity) RETURN count(e) AS entities
