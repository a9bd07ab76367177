"""Prints the FollowTheMoney model (schemata, ancestry, edges, property types, country codes) as the compact JSON that
server/model/ftm-model.json holds, from OpenSanctions' followthemoney library (the version scripts/ftm-venv.sh pins).

    .data/ftm-venv/bin/python scripts/ftm-model.py > server/model/ftm-model.json

tests/export/ftm-validate.test.ts fails when the committed file differs from this output."""

import json

import followthemoney
from followthemoney import model
from followthemoney.types import registry

schemata = {}
for schema in sorted(model.schemata.values(), key=lambda s: s.name):
    entry = {"extends": sorted(s.name for s in schema.extends)}
    if schema.abstract:
        entry["abstract"] = True
    if schema.edge:
        entry["edge"] = {"source": schema.edge_source, "target": schema.edge_target, "directed": schema.edge_directed}
    properties = {}
    for name, prop in sorted(schema.properties.items()):
        if prop.schema is not schema:
            continue  # inherited: listed on the schema that defines it
        properties[name] = f"entity:{prop.range.name}" if prop.type.name == "entity" and prop.range else prop.type.name
    entry["properties"] = properties
    schemata[schema.name] = entry

# The codes FtM's country type accepts (ISO 3166-1 alpha-2 in lower case, plus a few such as `suhh`, `xk`, `zz`).
countries = {code: str(label) for code, label in registry.country.names.items()}

print(json.dumps({"version": followthemoney.__version__, "schemata": schemata, "countries": countries}, indent=1, sort_keys=True))
