"""Shape an adapted model into what ZXROS can write, in place, before it is rendered.

`render` writes exactly the model it is given; anything that changes the model's shape to fit
ZXROS happens here, with a note on the source lines it touches, so that the round trip compares
the ZXROS parser's result with this shaped model:

- ACL remarks: ZXROS describes a rule by its number (`description rule N "text"`), one
  description per rule. Lists whose rules carry no numbers are numbered the way IOS numbers them
  implicitly (10, 20, ...), which keeps their order and meaning; consecutive remarks before one
  rule become one description.
"""

from __future__ import annotations

from collections.abc import Callable

from orchestrator.model import Acl, AclEntry, DeviceConfig
from orchestrator.syntax.base import Emitter

#: IOS numbers the entries of an ACL 10, 20, 30, ... when none is given.
ACL_STEP = 10


def prepare(config: DeviceConfig, notes: Emitter) -> None:
    """Normalise ``config`` in place for ZXROS; notes go to ``notes``."""
    for step in STEPS:
        step(config, notes)


def _number_acl_rules(config: DeviceConfig, notes: Emitter) -> None:
    """Give every rule a number when a remark needs one to hang on."""
    for acl in config.acls.values():
        if acl.kind == "mac" or not any(e.remark is not None for e in acl.entries):
            continue
        rules = [e for e in acl.entries if e.remark is None]
        if rules and all(e.seq is None for e in rules):
            for i, entry in enumerate(rules, start=1):
                entry.seq = i * ACL_STEP
                for n in entry.src.get(""):
                    entry.at(n, "seq")
        _join_remarks(acl, notes)


def _join_remarks(acl: Acl, notes: Emitter) -> None:
    """Consecutive remarks describe the same rule: ZXROS keeps one description per rule."""
    joined: list[AclEntry] = []
    for entry in acl.entries:
        last = joined[-1] if joined else None
        if entry.remark is not None and last is not None and last.remark is not None:
            last.remark = f"{last.remark} / {entry.remark}"
            for n in entry.src.every():
                last.at(n, "remark")
            notes.change(
                last,
                "remark",
                note="ZXROS keeps one description per rule: consecutive remarks joined with ' / '",
            )
            continue
        joined.append(entry)
    acl.entries = joined


STEPS: tuple[Callable[[DeviceConfig, Emitter], None], ...] = (_number_acl_rules,)
