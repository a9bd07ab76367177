// Keeps every FtM property of an imported Sanction entity verbatim (JSON), so an FtM export gives it back unchanged.
UNWIND $rows AS row
MATCH (s:Sanction {id: row.id})
SET s.ftm = row.ftm
