// The names of each candidate's neighbours and of its SAME_AS records' neighbours (match in context:
// `relatedNames`), at most 100 per record and 200 per candidate.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WITH id, e, [e] + [(e)-[:SAME_AS]-(same:Entity) | same][..10] AS records
RETURN id, reduce(names = [], r IN records | names + [(r)--(n:Entity) WHERE NOT n IN records | n.name][..100])[..200] AS names
