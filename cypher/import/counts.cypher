// Entities and relationships of the vocabulary's types, before and after an import (created = after - before).
CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
CALL () {
  UNWIND $types AS t
  CALL (t) { MATCH ()-[r:$(t)]->() RETURN count(r) AS n }
  RETURN sum(n) AS relationships
}
RETURN entities, relationships
