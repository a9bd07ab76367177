// A page of one entity's change events, newest first, with the total.
CALL () {
  MATCH (c:Change {entityId: $id})
  RETURN count(c) AS total
}
CALL () {
  MATCH (c:Change {entityId: $id})
  WITH c ORDER BY c.date DESC, c.dataset SKIP $offset LIMIT $limit
  RETURN collect(c {.*}) AS page
}
RETURN total, page
