"""The model against the schemas and the valid test region: nothing in a data
file is dropped on the way to the model, and every field is tested."""

from __future__ import annotations

import gc
import json
import typing
from collections.abc import Iterator
from dataclasses import MISSING, fields, is_dataclass

from conftest import GELDIG

from agenda.layout import FOLDERS, SINGLE_FILES, schema_file
from agenda.loader import MODEL_CLASSES, load
from agenda.model import Model
from agenda.schemas import SCHEMA_DIR
from agenda.yamlfile import read_yaml

SCHEMAS = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in SCHEMA_DIR.glob("*.schema.json")}


def deref(node: dict, file: str) -> tuple[dict, str]:
    """Follow ``$ref`` (to this file or another schema file) to the schema it names."""
    while "$ref" in node:
        target, _, pointer = node["$ref"].partition("#")
        file = target or file
        node = SCHEMAS[file]
        for part in filter(None, pointer.split("/")):
            node = node[part]
    return node, file


def objects(node: dict, file: str) -> list[tuple[dict, str]]:
    """The object schemas a value under ``node`` can be (through $ref, items and anyOf)."""
    node, file = deref(node, file)
    found = [(node, file)] if "properties" in node else []
    if "items" in node:
        found += objects(node["items"], file)
    for branch in node.get("anyOf", []):
        found += objects(branch, file)
    return found


def dataclasses_in(hint: object) -> list[type]:
    """The dataclasses a field's type hint can hold (``tuple[Mijlpaal, ...]``, ``Locaties | None``)."""
    if is_dataclass(hint):
        return [hint]
    return [found for arg in typing.get_args(hint) for found in dataclasses_in(arg)]


def object_schemas() -> Iterator[tuple[str, dict, str, type]]:
    """Every object schema reachable from each kind, with the dataclass that holds it."""
    todo = [(kind, SCHEMAS[schema_file(kind)], schema_file(kind), cls) for kind, cls in MODEL_CLASSES.items()]
    done = set()
    while todo:
        where, node, file, cls = todo.pop()
        if (id(node), cls) in done:
            continue
        done.add((id(node), cls))
        yield where, node, file, cls
        hints = typing.get_type_hints(cls)
        for name, prop in node["properties"].items():
            if name in hints:
                for (sub, sub_file), sub_cls in zip(objects(prop, file), dataclasses_in(hints[name])):
                    todo.append((f"{where}.{name}", sub, sub_file, sub_cls))


def test_every_kind_of_file_has_a_model_class():
    assert set(MODEL_CLASSES) == set(SINGLE_FILES.values()) | set(FOLDERS.values())


def test_every_schema_property_is_a_model_field_and_the_other_way_round():
    differences = []
    for where, node, file, cls in object_schemas():
        properties, names = set(node["properties"]), {f.name for f in fields(cls)}
        if properties != names:
            differences.append(
                f"{where} ({file}) / {cls.__name__}: only in the schema {sorted(properties - names)}, "
                f"only in the model {sorted(names - properties)}"
            )
        hints = typing.get_type_hints(cls)
        for name in properties & names:
            schema_objects, model_classes = objects(node["properties"][name], file), dataclasses_in(hints[name])
            if len(schema_objects) != len(model_classes):
                differences.append(
                    f"{where}.{name}: {len(schema_objects)} object schema(s), "
                    f"but the model holds {[c.__name__ for c in model_classes]}"
                )
    assert differences == []


def test_required_properties_are_the_fields_without_a_default():
    differences = []
    for where, node, _, cls in object_schemas():
        without_default = {f.name for f in fields(cls) if f.default is MISSING and f.default_factory is MISSING}
        if set(node.get("required", [])) != without_default:
            differences.append(f"{where} / {cls.__name__}: {sorted(node.get('required', []))} != {sorted(without_default)}")
    assert differences == []


def used_properties(node: dict, file: str, value: object, seen: set[tuple[int, str]]) -> None:
    """Collect (object schema, property) for every property that ``value`` fills in."""
    node, file = deref(node, file)
    for branch in node.get("anyOf", []):
        used_properties(branch, file, value, seen)
    if isinstance(value, list) and "items" in node:
        for item in value:
            used_properties(node["items"], file, item, seen)
    if isinstance(value, dict) and "properties" in node:
        for key, sub in value.items():
            seen.add((id(node), key))
            used_properties(node["properties"][key], file, sub, seen)


def geldig_files() -> Iterator[tuple[str, object]]:
    """(kind, data) of every file in the valid test region."""
    for name, kind in SINGLE_FILES.items():
        yield kind, read_data(GELDIG / name)
    for folder, kind in FOLDERS.items():
        for path in sorted((GELDIG / folder).glob("*.yaml")):
            yield kind, read_data(path)


def read_data(path) -> dict:
    doc, problems = read_yaml(str(path), path.read_bytes())
    assert problems == []
    return doc.data


def test_the_valid_region_uses_every_property_of_every_schema():
    seen: set[tuple[int, str]] = set()
    for kind, data in geldig_files():
        used_properties(SCHEMAS[schema_file(kind)], schema_file(kind), data, seen)
    unused = sorted(
        f"{where}.{name}"
        for where, node, _, _ in object_schemas()
        for name in node["properties"]
        if (id(node), name) not in seen
    )
    assert unused == [], "add these fields to tests/fixtures/geldig"


def test_the_valid_region_loads_without_any_problem():
    result = load(GELDIG)
    assert [p.format() for p in result.problems] == []
    assert isinstance(result.model, Model)


def plain(value: object) -> object:
    """A model value as plain data: dataclasses as dicts, tuples as lists."""
    if is_dataclass(value):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple):
        return [plain(item) for item in value]
    return value


def lost(data: object, model: object, where: str) -> Iterator[str]:
    """Every value in ``data`` that the model does not hold, with the same type."""
    if isinstance(data, dict):
        if not isinstance(model, dict):
            yield f"{where}: {model!r}"
            return
        for key, value in data.items():
            if key in model:
                yield from lost(value, model[key], f"{where}.{key}")
            else:
                yield f"{where}.{key}: not in the model"
    elif isinstance(data, list):
        if not isinstance(model, list) or len(model) != len(data):
            yield f"{where}: {model!r}"
            return
        for index, (value, held) in enumerate(zip(data, model)):
            yield from lost(value, held, f"{where}[{index}]")
    elif type(data) is not type(model) or data != model:
        yield f"{where}: {data!r} became {model!r}"


def test_every_value_of_the_valid_region_is_in_the_model():
    model = load(GELDIG).model
    pairs = [(name, getattr(model, kind)) for name, kind in SINGLE_FILES.items()]
    pairs += [(f"agenda/{o.id}.yaml", o) for o in model.opgaven]
    pairs += [(f"pilots/{p.id}.yaml", p) for p in model.pilots]
    pairs += [(f"evaluaties/{e.jaar}.yaml", e) for e in model.evaluaties]
    files = sorted(str(path.relative_to(GELDIG)) for path in GELDIG.rglob("*.yaml"))
    assert sorted(name for name, _ in pairs) == files
    differences = [
        difference
        for name, record in pairs
        for difference in lost(read_data(GELDIG / name), plain(record), name)
    ]
    assert differences == []


def test_the_model_keeps_the_file_of_each_record():
    model = load(GELDIG).model
    assert {key: value.replace("\\", "/").split("geldig/")[1] for key, value in model.bestanden.items()} == {
        ("opgave", "leerlingenvervoer"): "agenda/leerlingenvervoer.yaml",
        ("opgave", "thuiszitters"): "agenda/thuiszitters.yaml",
        ("pilot", "school-test"): "pilots/school-test.yaml",
        ("pilot", "wijk-test"): "pilots/wijk-test.yaml",
        ("evaluatie", "2024"): "evaluaties/2024.yaml",
    }


def test_loading_leaves_the_garbage_collector_as_it_was() -> None:
    """load() pauses the cyclic collector while it reads, and gives it back as it found it."""
    assert gc.isenabled()
    assert load(GELDIG).model is not None
    assert gc.isenabled()
    gc.disable()
    try:
        load(GELDIG)
        assert not gc.isenabled()
    finally:
        gc.enable()
