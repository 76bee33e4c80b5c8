"""Generic walks over the model: plain data for comparison, differences, interface renames."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from ipaddress import IPv4Interface, IPv4Network, IPv6Interface, IPv6Network
from typing import Any

from orchestrator.model.base import Node, Secret, field_default, item_key, node_fields

Plain = Any  # nested dict / list / scalar: the model with provenance stripped

#: Lists whose order carries no meaning; compared sorted (a documented normalisation).
UNORDERED_LISTS: frozenset[str] = frozenset(
    {
        "address_families",
        "domain_search",
        "dns_servers",
        "communities",
        "hosts",
        "servers",
        "method_lists",
        "helper_addresses",
        "passive",
        "active",
        "redistribute",
        "networks",
        "aggregates",
        "import_targets",
        "export_targets",
        "nat_rules",
        "virtual_ip",
        "track",
        "trusted_keys",
        "static_routes",
        "dhcp_excluded",
        "ranges",
        "lines",
        "ipv6",
    }
)


_SCALARS: frozenset[type] = frozenset({str, int, float, bool, type(None)})
_ADDRESSES = (IPv4Interface, IPv6Interface, IPv4Network, IPv6Network)


def to_plain(node: object, dropped: frozenset[tuple[int, str]] = frozenset()) -> Plain:
    """The model as plain data; ``dropped`` (id(node), field) pairs read as their default.

    A ``""`` field in ``dropped`` removes the node itself from its list or dict.
    """
    return _plain(node, dropped, None)


def comparable(node: object, dropped: frozenset[tuple[int, str]] = frozenset()) -> Plain:
    """`to_plain` with the lists whose order means nothing sorted: equal configs compare equal."""
    return _plain(node, dropped, "")


def _plain(node: object, dropped: frozenset[tuple[int, str]], key: str | None) -> Plain:
    """One walk for both forms: ``key`` None keeps list order, else it names the field."""
    kind = type(node)
    if kind in _SCALARS:
        return node
    sort = key is not None
    if isinstance(node, Node):
        out: dict[str, Plain] = {}
        nid = id(node)
        for f in node_fields(kind):
            name = f.name
            value = field_default(kind, name) if (nid, name) in dropped else getattr(node, name)
            out[name] = _plain(value, dropped, name if sort else None)
        return out
    if kind is Secret:
        assert isinstance(node, Secret)
        return f"secret:{node.kind}:{node.value}"
    if isinstance(node, _ADDRESSES):
        return str(node)
    if isinstance(node, dict):
        return {
            str(k): _plain(v, dropped, "" if sort else None)
            for k, v in node.items()
            if not (isinstance(v, Node) and (id(v), "") in dropped)
        }
    if isinstance(node, (list, tuple)):
        items = [
            _plain(v, dropped, "" if sort else None)
            for v in node
            if not (isinstance(v, Node) and (id(v), "") in dropped)
        ]
        if sort and key in UNORDERED_LISTS:
            items.sort(key=repr)
        return items
    return node


def normalise(plain: Plain, key: str = "") -> Plain:
    """Sort the lists whose order means nothing in an already plain model."""
    if isinstance(plain, dict):
        return {k: normalise(v, k) for k, v in plain.items()}
    if isinstance(plain, list):
        items = [normalise(v) for v in plain]
        if key in UNORDERED_LISTS:
            items.sort(key=repr)
        return items
    return plain


def differences(a: Plain, b: Plain, path: str = "", limit: int = 50) -> list[str]:
    """Paths where ``a`` and ``b`` differ, as `path: expected != got` lines."""
    out: list[str] = []

    def walk(x: Plain, y: Plain, where: str) -> None:
        if len(out) >= limit:
            return
        if isinstance(x, dict) and isinstance(y, dict):
            for k in list(x) + [k for k in y if k not in x]:
                if k not in y:
                    out.append(f"{where}.{k}: missing after round trip")
                elif k not in x:
                    out.append(f"{where}.{k}: appeared after round trip ({_short(y[k])})")
                else:
                    walk(x[k], y[k], f"{where}.{k}" if where else str(k))
        elif isinstance(x, list) and isinstance(y, list) and len(x) == len(y):
            for i, (xi, yi) in enumerate(zip(x, y, strict=True)):
                walk(xi, yi, f"{where}[{i}]")
        elif x != y:
            out.append(f"{where}: {_short(x)} != {_short(y)}")

    walk(a, b, path)
    return out


def _short(value: Plain) -> str:
    text = repr(value)
    if text.startswith("'secret:"):
        return "<secret>"
    return text if len(text) <= 80 else text[:77] + "..."


_REF_PLANS: dict[type, tuple[tuple[str, int], ...]] = {}


def _ref_plan(cls: type) -> tuple[tuple[str, int], ...]:
    """(field, 1 interface name / 2 list of names / 0 anything else) per field of ``cls``."""
    plan = _REF_PLANS.get(cls)
    if plan is None:
        plan = _REF_PLANS[cls] = tuple(
            (f.name, 1 if f.metadata.get("ifref") else 2 if f.metadata.get("iflist") else 0)
            for f in node_fields(cls)
        )
    return plan


def rename_interfaces(node: object, rename: Callable[[str], str]) -> None:
    """Apply ``rename`` to every field that names an interface (IFREF / IFLIST metadata)."""
    if isinstance(node, Node):
        for name, kind in _ref_plan(type(node)):
            value = getattr(node, name)
            if type(value) in _SCALARS:
                if kind == 1 and isinstance(value, str):
                    setattr(node, name, rename(value))
            elif kind == 2 and isinstance(value, list):
                renamed = [rename(v) for v in value]
                setattr(node, name, renamed)
                rename_item_keys(node, name, value, renamed)
            elif isinstance(value, (Node, dict, list)):
                rename_interfaces(value, rename)
    elif isinstance(node, dict):
        for value in node.values():
            if isinstance(value, (Node, dict, list)):
                rename_interfaces(value, rename)
    elif isinstance(node, list):
        for value in node:
            if isinstance(value, (Node, dict, list)):
                rename_interfaces(value, rename)


def rename_item_keys(node: Node, name: str, old: Sequence[object], new: Sequence[object]) -> None:
    """Keep per-item provenance (`item_key`) pointing at the items ``old`` became (renamed
    interfaces, values a target spells differently); items that become one share their lines."""
    lines = node.src.lines
    moved: dict[str, list[int]] = {}
    for before, after in zip(old, new, strict=True):
        key = item_key(name, before)
        if before != after and key in lines:
            moved.setdefault(item_key(name, after), []).extend(lines.pop(key))
    for key, found in moved.items():
        for n in found:
            node.src.add(key, n)


def nodes_in(value: object) -> list[tuple[str, Node]] | None:
    """The nodes a field value holds, each with its key (`""`, `[0]`, `[Gi0/1]`), or None when
    the value holds plain data. A node, and lists or dicts of nodes, hold nodes.

    >>> nodes_in([]) == [] and nodes_in(["a"]) is None
    True
    """
    if isinstance(value, Node):
        return [("", value)]
    if isinstance(value, list):
        if not value:
            return []
        if all(isinstance(v, Node) for v in value):
            return [(f"[{i}]", v) for i, v in enumerate(value)]
        return None
    if isinstance(value, dict):
        if not value:
            return []
        if all(isinstance(v, Node) for v in value.values()):
            return [(f"[{k}]", v) for k, v in value.items()]
        return None
    return None


def held_nodes(node: Node, names: tuple[str, ...] = ()) -> list[Node]:
    """The nodes directly inside fields ``names`` of ``node`` (every field if none, or `""`).

    Names of single items (`item_key`: `field=value`) hold no nodes of their own.
    """
    if not names or names == ("",):
        names = tuple(f.name for f in node_fields(type(node)))
    return [
        child
        for name in names
        if name and "=" not in name
        for _, child in nodes_in(getattr(node, name)) or []
    ]


def walk_secrets(node: object, path: str = "") -> Iterator[tuple[str, Secret, object, str]]:
    """Every `Secret` inside a model node: (path, secret, owner, attribute or key).

    Paths are stable and readable (``system.users.admin.secret``), so they make good keys.
    """
    if isinstance(node, Node):
        for f in node_fields(type(node)):
            value = getattr(node, f.name)
            if isinstance(value, Secret):
                yield (f"{path}.{f.name}" if path else f.name), value, node, f.name
            elif isinstance(value, (Node, dict, list)) and value:
                yield from walk_secrets(value, f"{path}.{f.name}" if path else f.name)
    elif isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, Secret):
                yield f"{path}.{key}", value, node, key
            elif isinstance(value, (Node, dict, list)):
                yield from walk_secrets(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            if isinstance(value, Secret):
                yield f"{path}.{i}", value, node, str(i)
            elif isinstance(value, (Node, dict, list)):
                yield from walk_secrets(value, f"{path}.{i}")
