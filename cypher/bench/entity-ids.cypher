// Every entity's id (the abuse benchmark picks hostile requests' targets from them; the seed only).
MATCH (e:Entity)
RETURN e.id AS id
ORDER BY id
