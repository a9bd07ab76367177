"""Validates FtM JSON lines with OpenSanctions' followthemoney (the version scripts/ftm-venv.sh pins) and prints
a JSON report: every problem with its kind, entity id and text. Exit code 0 either way; the caller judges.

    .data/ftm-venv/bin/python scripts/ftm-validate.py export.ftm.json

Problems: a schema FtM does not know or an abstract one; an id FtM would split (a dot starts a signature, so
`ftm aggregate` would merge `unsc-KPe.001` with every `unsc-KPe.*`); a property the schema does not have; a value
FtM's type rejects (`invalid`) or rewrites when cleaning (`rewritten`, e.g. a bare IMO number); an entity-valued
property naming no entity of the file (`dangling`); a `first_seen`/`last_seen`/`last_change` FtM's date type rejects
or rewrites, or a first_seen after the entity's last_seen or last_change (`seen`)."""

import json
import sys

from followthemoney import model
from followthemoney.types import registry

problems = []


def problem(kind, text):
    problems.append({"kind": kind, "id": eid, "text": text})


entities = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
ids = {e["id"] for e in entities}
for data in entities:
    schema = model.get(data.get("schema"))
    eid = data.get("id")
    if schema is None or schema.abstract:
        problem("schema", f"{eid}: {data.get('schema')}")
        continue
    if "." in eid:
        problem("id", eid)
    seen = {k: data[k] for k in ("first_seen", "last_seen", "last_change") if data.get(k) is not None}
    for key, value in seen.items():
        if registry.date.clean(value) != value:
            problem("seen", f"{key} {value!r} on {eid}")
    for later in ("last_seen", "last_change"):
        if "first_seen" in seen and later in seen and seen["first_seen"] > seen[later]:
            problem("seen", f"first_seen {seen['first_seen']} after {later} {seen[later]} on {eid}")
    proxy = model.get_proxy({"id": eid, "schema": schema.name, "properties": data.get("properties", {})}, cleaned=True)
    for name, values in data.get("properties", {}).items():
        prop = schema.get(name)
        if prop is None:
            problem("property", f"{schema.name}:{name} on {eid}")
            continue
        for value in values:
            cleaned = prop.type.clean(value, proxy=proxy, format=prop.format)
            if cleaned is None:
                problem("invalid", f"{schema.name}:{name} {value!r} on {eid}")
            elif cleaned != value:
                problem("rewritten", f"{schema.name}:{name} {value!r} -> {cleaned!r} on {eid}")
            elif prop.type.name == "entity" and value not in ids:
                problem("dangling", f"{schema.name}:{name} {value!r} on {eid}")

print(json.dumps({"entities": len(entities), "problems": problems}, indent=1, sort_keys=True))
