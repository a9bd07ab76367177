// Included where an entity `e` is tested from its properties only (no relationship read), to pick the entities
// whose sanctions in force on $at (read/parts/sanctions-in-force) are worth reading. Today ($past false): the
// `sanctioned` flag, sanctioned now. For a past day, also every entity with list history (`listings`): one
// delisted since has the flag false. Entities without list history keep the flag true once they have a sanction
// (cypher/write/sanctions.cypher), ended or not, so the flag already covers their past.
(coalesce(e.sanctioned, false) OR ($past AND e.listings IS NOT NULL))
