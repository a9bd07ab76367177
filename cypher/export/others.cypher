// One page of FtM entities kept whole (:FtmRecord), all or those naming an exported entity, in id order.
MATCH (o:FtmRecord)
WHERE ($ids IS NULL OR any(ref IN o.refs WHERE ref IN $ids)) AND o.id > $after
RETURN o.id AS key, o.ftm AS ftm
ORDER BY key
LIMIT $limit
