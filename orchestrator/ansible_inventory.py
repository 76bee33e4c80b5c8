"""Ansible's YAML inventory format read the way Ansible reads it, with the place of every value.

`read_groups` walks `hosts.yaml` (groups with `hosts`, `vars`, `children`) and adds the folder's
`group_vars/<group>` files; `host_vars` gives one host's variables merged in Ansible's order
(groups from the shallowest to the deepest, alphabetical at one depth, then the host itself,
then `host_vars/<host>`). Every value keeps its `Origin` (file, line, key path), so whoever
checks the values can name the exact place of a mistake. A key written twice in one mapping,
which YAML loaders silently collapse, is an error here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from orchestrator.errors import InventoryError

Key = tuple[str, ...]
Valued = tuple[object, "Origin"]
VAULT_HEADER = "$ANSIBLE_VAULT;"


class Vaulted:
    """An inline `!vault` value: opaque here, decrypted by Ansible only."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return "Vaulted(<encrypted>)"


@dataclass(frozen=True)
class Origin:
    """Where a value was written: for messages such as `hosts.yaml:12: all.hosts.r1.platform`."""

    file: Path
    key: Key
    line: int
    lines: Mapping[Key, int] = field(default_factory=dict, repr=False, compare=False)

    def at(self, *more: str) -> Origin:
        """The origin of a key below this one (on this one's line when it is not written)."""
        key = (*self.key, *more)
        return Origin(self.file, key, self.lines.get(key, self.line), self.lines)

    def fail(self, message: str, hint: str | None = None) -> InventoryError:
        return InventoryError(f"{self.file}:{self.line}: {dotted(self.key)}: {message}", hint=hint)


def dotted(key: Key) -> str:
    """A key path as people write it: `all.children.site_a.hosts.r1`, `cables[3]`."""
    return "".join(
        part if part.startswith("[") or i == 0 else "." + part for i, part in enumerate(key)
    )


class _Loader(yaml.SafeLoader):
    pass


def _vault(loader: yaml.SafeLoader, node: yaml.Node) -> Vaulted:
    return Vaulted(str(node.value))


_Loader.add_constructor("!vault", _vault)


@dataclass
class _Doc:
    file: Path
    lines: dict[Key, int] = field(default_factory=dict)

    def origin(self, key: Key) -> Origin:
        return Origin(self.file, key, self.lines.get(key, 1), self.lines)


def read_yaml(file: Path) -> tuple[object, _Doc]:
    """The data of one YAML file and the line of each key path in it."""
    doc = _Doc(file)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InventoryError(f"{file}: cannot read the inventory file ({exc})") from exc
    if text.startswith(VAULT_HEADER):
        return None, doc  # a whole vaulted vars file: Ansible's to open, never ours
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = _build(loader, node, (), doc) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{file}:{mark.line + 1}" if mark is not None else str(file)
        problem = getattr(exc, "problem", None) or str(exc)
        raise InventoryError(
            f"{where}: not valid YAML ({problem})", hint="fix the YAML syntax at that line"
        ) from exc
    finally:
        loader.dispose()
    return data, doc


def _build(loader: _Loader, node: yaml.Node, key: Key, doc: _Doc) -> object:
    doc.lines.setdefault(key, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        out: dict[str, object] = {}
        for k_node, v_node in node.value:
            name = str(loader.construct_object(k_node, deep=True))
            line = k_node.start_mark.line + 1
            if name in out:
                raise InventoryError(
                    f"{doc.file}:{line}: {dotted((*key, name))}: written twice "
                    "(a duplicate device name or key)",
                    hint="every device and every key appears once; rename or merge the two",
                )
            doc.lines[(*key, name)] = line
            out[name] = _build(loader, v_node, (*key, name), doc)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, (*key, f"[{i}]"), doc) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def mapping(value: object, origin: Origin) -> dict[str, object]:
    """``value`` as a mapping (None is an empty one); anything else is an error at ``origin``."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise origin.fail(f"expected a mapping, found {type(value).__name__}")
    return value


@dataclass
class Group:
    name: str
    depth: int
    vars: dict[str, Valued] = field(default_factory=dict)
    hosts: dict[str, Origin] = field(default_factory=dict)  # host → where it is listed
    host_vars: dict[str, dict[str, Valued]] = field(default_factory=dict)
    children: list[str] = field(default_factory=list)


def read_groups(hosts_file: Path) -> dict[str, Group]:
    """Every group of ``hosts_file`` (the top level must be `all`) with its group_vars."""
    data, doc = read_yaml(hosts_file)
    top = mapping(data, doc.origin(()))
    if set(top) != {"all"}:
        raise doc.origin(()).fail("the top level must be the one group `all`")
    groups: dict[str, Group] = {}
    _walk("all", top["all"], ("all",), doc, 0, groups)
    for group in groups.values():
        group.vars.update(file_vars(hosts_file.parent / "group_vars", group.name))
    return groups


def _walk(
    name: str, body: object, key: Key, doc: _Doc, depth: int, groups: dict[str, Group]
) -> None:
    data = mapping(body, doc.origin(key))
    group = groups.setdefault(name, Group(name, depth))
    group.depth = max(group.depth, depth)
    for part in data:
        if part not in ("hosts", "vars", "children"):
            raise doc.origin((*key, part)).fail(
                "not an Ansible group key", hint="a group holds `hosts`, `vars` and `children`"
            )
    for var, value in mapping(data.get("vars"), doc.origin((*key, "vars"))).items():
        group.vars[var] = (value, doc.origin((*key, "vars", var)))
    for host, body_vars in mapping(data.get("hosts"), doc.origin((*key, "hosts"))).items():
        host_key = (*key, "hosts", host)
        group.hosts[host] = doc.origin(host_key)
        merged = group.host_vars.setdefault(host, {})
        for var, value in mapping(body_vars, doc.origin(host_key)).items():
            merged[var] = (value, doc.origin((*host_key, var)))
    for child, child_body in mapping(data.get("children"), doc.origin((*key, "children"))).items():
        group.children.append(child)
        _walk(child, child_body, (*key, "children", child), doc, depth + 1, groups)


def file_vars(folder: Path, name: str) -> dict[str, Valued]:
    """The variables of `group_vars/<name>` or `host_vars/<name>` (a file or a folder of files)."""
    files = [p for p in (folder / f"{name}.yaml", folder / f"{name}.yml") if p.is_file()]
    if (folder / name).is_dir():
        files += sorted(p for p in (folder / name).iterdir() if p.suffix in (".yaml", ".yml"))
    out: dict[str, Valued] = {}
    for file in files:
        data, doc = read_yaml(file)
        for var, value in mapping(data, doc.origin(())).items():
            out[var] = (value, doc.origin((var,)))
    return out


def hosts_under(name: str, groups: dict[str, Group]) -> dict[str, Origin]:
    """The hosts of group ``name`` and of all its descendants, each with where it is listed."""
    group = groups[name]
    out = dict(group.hosts)
    for child in group.children:
        for host, origin in hosts_under(child, groups).items():
            out.setdefault(host, origin)
    return out


def host_vars(host: str, groups: dict[str, Group], host_vars_folder: Path) -> dict[str, Valued]:
    """One host's variables merged in Ansible's order, each with its origin."""
    order = sorted(groups.values(), key=lambda g: (g.depth, g.name))
    merged: dict[str, Valued] = {}
    for group in order:
        if host in hosts_under(group.name, groups):
            merged.update(group.vars)
    for group in order:
        merged.update(group.host_vars.get(host, {}))
    merged.update(file_vars(host_vars_folder, host))
    return merged
