// The content hash of every record of a dataset on a snapshot date (the version in force that day).
MATCH (v:RecordVersion {dataset: $dataset})
WHERE v.from <= $date AND (v.to IS NULL OR v.to > $date)
RETURN v.recordId AS recordId, v.hash AS hash
