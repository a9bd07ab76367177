// A page of a dataset's change events dated in ($from, $to], oldest first, with the total.
CALL () {
  MATCH (c:Change {dataset: $dataset})
  WHERE c.date > $from AND c.date <= $to AND ($kinds IS NULL OR c.kind IN $kinds)
  RETURN count(c) AS total
}
CALL () {
  MATCH (c:Change {dataset: $dataset})
  WHERE c.date > $from AND c.date <= $to AND ($kinds IS NULL OR c.kind IN $kinds)
  WITH c ORDER BY c.date, c.recordId SKIP $offset LIMIT $limit
  RETURN collect(c {.*}) AS page
}
RETURN total, page
