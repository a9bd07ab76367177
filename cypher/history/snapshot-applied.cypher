// Records a snapshot as applied (written last: a snapshot without this node was not, or not completely, applied).
MERGE (s:Snapshot {id: $dataset + '@' + $date})
SET s.dataset = $dataset, s.date = $date, s.file = $file, s.sha256 = $sha256, s.records = $records,
  s.appliedAt = $appliedAt
