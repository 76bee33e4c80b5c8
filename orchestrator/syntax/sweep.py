"""The safety net every renderer ends with: report each model field no line expressed.

The model grows while platforms are written. A renderer names the node and fields behind every
line it writes (`Emitter.emit`, `Emitter.view`) and declares what it leaves out (`ignore`,
`unsupported`, `default`, `mark`); `sweep` then walks the model and reports every non-default
field that is in none of those records as unsupported, with its source lines, so a field the
renderer has no rule for can neither vanish from a translation nor break the round trip.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import MISSING

from orchestrator.model import Node
from orchestrator.model.base import field_default, node_fields
from orchestrator.model.walk import held_nodes, nodes_in
from orchestrator.syntax.base import Emitter


def sweep(out: Emitter, root: Node, reasons: Mapping[str, str] | None = None) -> None:
    """Report every field of ``root`` (recursively) that was neither written nor declared.

    A node with identity fields (name, number: fields without a default) whose own line was
    never written is reported whole, and so is a nested part of which nothing was written.
    ``reasons`` gives a platform's own reason for a field (`"Class.field"`) or for every field
    of a class (`"Class"`): such a field, if nothing in it was written, is reported whole with
    that reason. The rest read "<platform> has no form for <path>".
    """
    dropped = set(out.result.dropped)
    handled = out.handled
    touched = {node_id for node_id, _ in handled}
    platform = out.result.platform
    known = reasons or {}

    def own(cls: type, name: str) -> str | None:
        return known.get(f"{cls.__name__}.{name}") or known.get(cls.__name__)

    def why(cls: type, name: str, path: str) -> str:
        return own(cls, name) or f"{platform} has no form for {path}.{name}"

    def walk(node: Node, path: str, owner: tuple[Node, str] | None) -> None:
        node_id = id(node)
        if (node_id, "") in dropped:
            return
        cls = type(node)
        required = _required(cls)
        if required and (node_id, "") not in handled:
            reason = f"{platform} has no form for {path}"
            if owner is not None:  # a node held directly in a field: drop it through the field
                out.unsupported(owner[0], owner[1], reason=reason)
            else:
                out.unsupported(node, reason=reason)
            return
        for f in node_fields(cls):
            name = f.name
            if name in required or (node_id, name) in dropped:
                continue
            value = getattr(node, name)
            children = nodes_in(value)
            if children is not None:
                direct = isinstance(value, Node)
                if children and not any(_touched(child, touched) for _, child in children):
                    # nothing of this part was written: report it whole, its own lines too
                    if (direct and field_default(cls, name) is None) or (
                        own(cls, name) and (node_id, name) not in handled
                    ):
                        out.unsupported(node, name, reason=why(cls, name, path))
                        continue
                for key, child in children:
                    walk(child, f"{path}.{name}{key}", (node, name) if direct else None)
                continue
            if value == field_default(cls, name) or (node_id, name) in handled:
                continue
            out.unsupported(node, name, reason=why(cls, name, path))

    walk(root, type(root).__name__, None)


_REQUIRED: dict[type, frozenset[str]] = {}


def _required(cls: type) -> frozenset[str]:
    """The fields of ``cls`` without a default (a node's identity: name, number, address)."""
    found = _REQUIRED.get(cls)
    if found is None:
        found = _REQUIRED[cls] = frozenset(
            f.name
            for f in node_fields(cls)
            if f.default is MISSING and f.default_factory is MISSING
        )
    return found


def _touched(node: Node, touched: set[int]) -> bool:
    """Whether any line was written for ``node`` or a node inside it."""
    if id(node) in touched:
        return True
    return any(_touched(child, touched) for child in held_nodes(node))
