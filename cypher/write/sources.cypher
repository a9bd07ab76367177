// Upserts Source nodes: a document or record that states facts (publisher, title, URL, date, record id, excerpt).
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s += row
