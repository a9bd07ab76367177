// The applied snapshots, oldest first.
MATCH (s:Snapshot)
WHERE $dataset IS NULL OR s.dataset = $dataset
RETURN s {.dataset, .date, .file, .records} AS snapshot
ORDER BY s.date, s.dataset
LIMIT 10000
