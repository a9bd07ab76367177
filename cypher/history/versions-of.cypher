// Every stored version of the given records.
UNWIND $ids AS id
MATCH (v:RecordVersion {dataset: $dataset, recordId: id})
RETURN v.recordId AS recordId, v.from AS from, v.to AS to, v.hash AS hash, v.fields AS fields
