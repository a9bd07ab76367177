// One level of an ownership structure, read upwards: for each asset in $ids, the relationships in force on $at
// that pass ownership or control to it, with the owner and the owner's sanctions in force on $at by $authorities.
// $incoming: types that point from owner to asset (OWNS, CONTROLS); $outgoing: types that point from asset to
// owner (FRONT_COMPANY_OF: the front company is controlled by the party it fronts for).
// Records in force on the day $at: read/parts/valid-at.
// At most $cap + 1 rows, possibly sanctioned owners (read/parts/maybe-sanctioned) and stated percentages first,
// so a hub with thousands of owners is cut (the caller says so) rather than read whole.
UNWIND $ids AS id
MATCH (asset:Entity {id: id})
CALL (asset) {
  MATCH (asset)<-[r]-(owner:Entity)
  WHERE type(r) IN $incoming
  RETURN r, owner
  UNION
  MATCH (asset)-[r]->(owner:Entity)
  WHERE type(r) IN $outgoing
  RETURN r, owner
}
WITH r, owner AS e
WHERE
// include: read/parts/valid-at
ORDER BY
// include: read/parts/maybe-sanctioned
  DESC, r.percentage IS NULL, r.id
LIMIT $cap + 1
// include: read/parts/sanctions-in-force
RETURN r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id} AS relationship, e {.*} AS owner, sanctions
