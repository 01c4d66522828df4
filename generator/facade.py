"""Extra modules of the generated package: the facade, exceptions, retries and response validation.

openapi-python-client renders only its own template names, so after it has run the generator
renders the templates in generator/templates/extra/ into the package, with the same Jinja
environment (and the same parsed spec) the generator used. The templates get plain data built
here: one `Operation` per endpoint, derived mechanically from the parsed spec.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any, Final

from openapi_python_client import Project
from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.properties.model_property import ModelProperty
from openapi_python_client.parser.properties.none import NoneProperty
from openapi_python_client.parser.properties.union import UnionProperty

from generator.code_samples import python_examples
from generator.naming import class_name, group_name

REQUEST_ID_HEADER: Final = "X-Request-ID"
# Response model classes with a special meaning for the outcome: a 3-D Secure challenge is raised, a
# transaction that comes with Success false is a decline.
CHALLENGE_SCHEMA: Final = "ThreeDSecureChallenge"
TRANSACTION_SCHEMA: Final = "Transaction"
# extra template -> file inside the package ("" = the project directory)
EXTRA_FILES: Final = {
    "exceptions.py.jinja": "exceptions.py",
    "_validation.py.jinja": "_validation.py",
    "_schemas.py.jinja": "_schemas.py",
    "_runtime.py.jinja": "_runtime.py",
    "facade.py.jinja": "facade.py",
}
README_TEMPLATE: Final = "extra/README.md.jinja"
_SCHEMA_KEYS: Final = ("type", "required", "properties", "items", "oneOf", "anyOf", "allOf")


@dataclasses.dataclass(frozen=True)
class Field:
    python_name: str
    wire_name: str
    type_string: str  # without Unset
    required: bool
    model_class: str | None  # the facade also accepts a mapping for model-typed fields
    nullable: bool


@dataclasses.dataclass(frozen=True)
class Operation:
    operation_id: str
    tag: str
    group: str
    method: str
    summary: str
    description: str
    path: str
    api_module: str  # relative to the package, e.g. api.payments.charge_card
    body_class: str | None
    fields: list[Field]
    mutating: bool
    envelope_class: str
    envelope_schema: str
    model_classes: list[str]  # success models (never the challenge); empty: the envelope is returned
    raises_challenge: bool
    can_decline: bool
    example: str

    @property
    def return_type(self) -> str:
        return " | ".join(self.model_classes) if self.model_classes else self.envelope_class


def _text(value: Any) -> str:
    """Plain text of the generator's UntrustedString wrappers (and of anything else)."""
    for accessor in ("get_untrusted_value", "as_unembedded_code"):
        getter = getattr(value, accessor, None)
        if callable(getter):
            return str(getter())
    return str(value)


def _field(prop: Any, required: bool) -> Field:
    type_string = _text(prop.get_type_string(no_optional=True))
    return Field(
        python_name=str(prop.python_name),
        wire_name=_text(prop.name),
        type_string=type_string,
        required=required,
        model_class=_text(prop.class_info.name) if isinstance(prop, ModelProperty) else None,
        nullable=type_string == "None" or type_string.startswith("None |") or "| None" in type_string,
    )


def _ref_name(schema: dict[str, Any]) -> str:
    ref = schema.get("$ref")
    if not isinstance(ref, str) or not ref.startswith("#/components/schemas/"):
        raise ValueError(f"a 200 response schema must be a $ref to a component schema, got {schema!r}")
    return ref.rsplit("/", 1)[1]


def _spec_operations(spec: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for path, item in spec.get("paths", {}).items():
        for method, operation in item.items():
            if isinstance(operation, dict) and "operationId" in operation:
                found[(path, method)] = operation
    return found


def _response_schema_name(spec: dict[str, Any], operation: dict[str, Any]) -> str:
    response = operation["responses"]["200"]
    if "$ref" in response:
        response = spec["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
    return _ref_name(response["content"]["application/json"]["schema"])


def operations(openapi: GeneratorData, spec: dict[str, Any]) -> list[Operation]:
    by_path = _spec_operations(spec)
    examples = python_examples(spec)
    result: list[Operation] = []
    for tag, collection in openapi.endpoint_collections_by_tag.items():
        for endpoint in collection.endpoints:
            raw = by_path[(_text(endpoint.path), endpoint.method)]
            body_class: str | None = None
            fields: list[Field] = []
            if endpoint.bodies:
                body = endpoint.bodies[0].prop
                if not isinstance(body, ModelProperty):
                    raise ValueError(f"{raw['operationId']}: request body must be an object schema")
                body_class = _text(body.class_info.name)
                fields = [_field(p, True) for p in body.required_properties or []]
                fields += [_field(p, False) for p in body.optional_properties or []]
            ok = next(r for r in endpoint.responses.patterns if r.status_code.pattern == "200")
            envelope = ok.prop
            if not isinstance(envelope, ModelProperty):
                raise ValueError(f"{raw['operationId']}: the 200 answer must be an object envelope")
            models: list[str] = []
            challenge = False
            for prop in [*(envelope.required_properties or []), *(envelope.optional_properties or [])]:
                if _text(prop.name) != "Model":
                    continue
                inner = prop.inner_properties if isinstance(prop, UnionProperty) else [prop]
                for member in inner:
                    if isinstance(member, NoneProperty):
                        continue
                    if not isinstance(member, ModelProperty):
                        raise ValueError(f"{raw['operationId']}: Model members must be object schemas")
                    if _text(member.class_info.name) == CHALLENGE_SCHEMA:
                        challenge = True
                    else:
                        models.append(_text(member.class_info.name))
            result.append(
                Operation(
                    operation_id=str(raw["operationId"]),
                    tag=str(tag),
                    group=group_name(str(tag)),
                    method=str(endpoint.name),
                    summary=str(raw.get("summary", "")).strip(),
                    description=str(raw.get("description", "")).strip(),
                    path=_text(endpoint.path),
                    api_module=f"api.{tag}.{endpoint.name}",
                    body_class=body_class,
                    fields=fields,
                    mutating=any(_text(p.name) == REQUEST_ID_HEADER for p in endpoint.header_parameters),
                    envelope_class=_text(envelope.class_info.name),
                    envelope_schema=_response_schema_name(spec, raw),
                    model_classes=models,
                    raises_challenge=challenge,
                    can_decline=TRANSACTION_SCHEMA in {str(m) for m in models},
                    example=examples[str(raw["operationId"])],
                )
            )
    return result


def _compact(node: Any) -> Any:
    """The part of a JSON schema the response check uses: types, required keys, structure."""
    if not isinstance(node, dict):
        return node
    if isinstance(node.get("$ref"), str):
        return {"$ref": node["$ref"].rsplit("/", 1)[1]}
    out: dict[str, Any] = {}
    for key in _SCHEMA_KEYS:
        if key not in node:
            continue
        value = node[key]
        if key == "properties":
            out[key] = {name: _compact(sub) for name, sub in value.items()}
        elif key in ("oneOf", "anyOf", "allOf"):
            out[key] = [_compact(sub) for sub in value]
        elif key == "items":
            out[key] = _compact(value)
        else:
            out[key] = value
    return out


def response_schemas(spec: dict[str, Any], roots: list[str]) -> dict[str, Any]:
    """Compact copies of the response envelope schemas and every component schema they use."""
    components = spec["components"]["schemas"]
    wanted: dict[str, Any] = {}
    pending = list(roots)
    while pending:
        name = pending.pop(0)
        if name in wanted:
            continue
        wanted[name] = _compact(components[name])
        pending.extend(_refs(wanted[name]))
    return dict(sorted(wanted.items()))


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return own + [ref for value in node.values() for ref in _refs(value)]
    if isinstance(node, list):
        return [ref for item in node for ref in _refs(item)]
    return []


def render_extras(project: Project, spec: dict[str, Any]) -> list[Path]:
    """Render the extra modules and the README into the generated project; returns the written files."""
    ops = operations(project.openapi, spec)
    groups: dict[str, dict[str, Any]] = {}
    for op in ops:
        groups.setdefault(
            op.group, {"name": op.group, "class_name": class_name(op.tag), "tag": op.tag, "ops": []}
        )
        groups[op.group]["ops"].append(op)
    exported = {_text(m.class_info.name) for m in project.openapi.models}
    exported |= {_text(e.class_info.name) for e in project.openapi.enums}
    type_text = " ".join(
        [f.type_string for op in ops for f in op.fields]
        + [" ".join(filter(None, [op.body_class, op.envelope_class, *op.model_classes])) for op in ops]
        + [CHALLENGE_SCHEMA, TRANSACTION_SCHEMA]
    )
    servers = spec.get("servers") or [{"url": ""}]
    tags = {str(t["name"]): str(t.get("description", "")).strip() for t in spec.get("tags", [])}
    context: dict[str, Any] = {
        "operations": ops,
        "groups": list(groups.values()),
        "tag_descriptions": tags,
        "default_base_url": str(servers[0]["url"]),
        "schemas": response_schemas(spec, sorted({op.envelope_schema for op in ops})),
        "challenge_class": CHALLENGE_SCHEMA,
        "transaction_class": TRANSACTION_SCHEMA,
        "request_id_header": REQUEST_ID_HEADER,
        "api_title": str(spec["info"]["title"]),
        "api_version": str(spec["info"]["version"]),
        "model_imports": sorted(exported.intersection(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", type_text))),
        "uses_datetime": "datetime." in type_text,
    }
    encoding = project.config.file_encoding
    written: list[Path] = []
    for template, target in EXTRA_FILES.items():
        path = project.package_dir / target
        path.write_text(project.env.get_template(f"extra/{template}").render(**context), encoding=encoding)
        written.append(path)
    readme = project.project_dir / "README.md"
    readme.write_text(project.env.get_template(README_TEMPLATE).render(**context), encoding=encoding)
    written.append(readme)
    return written
