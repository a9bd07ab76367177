// The snapshots of a dataset applied so far, oldest first.
MATCH (s:Snapshot {dataset: $dataset})
RETURN s.date AS date, s.sha256 AS sha256, s.file AS file, s.records AS records
ORDER BY date
