"""Shape an adapted model into what ZXROS can write, in place, before it is rendered.

`render` writes exactly the model it is given; anything that changes the model's shape to fit
ZXROS happens here, with a note on the source lines it touches, so that the round trip compares
the ZXROS parser's result with this shaped model:

- QoS ([QOS] grammar in `zte_zxros_qos`): value lists become sorted numbers (DSCP and
  precedence names are numbers on ZXROS), `match any` becomes every IP precedence (ZXROS has no
  match-anything rule), an LLQ class keeps its priority but loses the IOS rate (ZXROS
  `priority-llq` takes none), and actions ZXROS cannot write are dropped and reported.
- RADIUS groups: ZXROS defines RADIUS servers in their groups; members defined nowhere else
  become servers without a key of their own (what they are on the source too).
- BGP: BFD on a session is written `neighbor X fall-over bfd` whichever way the source said it.
- Syslog: ZXROS has one facility for all hosts; a facility every host shares becomes it.
- ACL remarks: ZXROS describes a rule by its number (`description rule N "text"`), one
  description per rule. Lists whose rules carry no numbers are numbered the way IOS numbers them
  implicitly (10, 20, ...), which keeps their order and meaning; consecutive remarks before one
  rule become one description.
"""

from __future__ import annotations

from collections.abc import Callable

from orchestrator.model import (
    AaaServer,
    Acl,
    AclEntry,
    BgpPeer,
    ClassMap,
    DeviceConfig,
    PolicyClass,
    item_key,
)
from orchestrator.model.walk import rename_item_keys
from orchestrator.syntax.base import Emitter
from orchestrator.syntax.zte_zxros_aaa import group_protocol
from orchestrator.syntax.zte_zxros_prepare_ipsec import prepare_tunnels
from orchestrator.syntax.zte_zxros_prepare_login import (
    enable_ssh_server,
    local_login_lists,
    tacacs_source,
)
from orchestrator.syntax.zte_zxros_qos import QosError, action_text

#: IOS numbers the entries of an ACL 10, 20, 30, ... when none is given.
ACL_STEP = 10


def prepare(config: DeviceConfig, notes: Emitter) -> None:
    """Normalise ``config`` in place for ZXROS; notes go to ``notes``."""
    for step in STEPS:
        step(config, notes)


def _number_acl_rules(config: DeviceConfig, notes: Emitter) -> None:
    """Give every rule a number: a remark needs one to hang on, and no ZXROS source shows a
    rule written without its ID, so none is written without one."""
    for acl in config.acls.values():
        if acl.kind == "mac":
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


#: DSCP and IP precedence names → the numbers ZXROS takes
DSCP_NAMES = {
    "default": 0,
    "ef": 46,
    **{f"cs{i}": 8 * i for i in range(1, 8)},
    **{f"af{c}{d}": 8 * c + 2 * d for c in range(1, 5) for d in range(1, 4)},
}
PRECEDENCE_NAMES = {
    "routine": 0,
    "priority": 1,
    "immediate": 2,
    "flash": 3,
    "flash-override": 4,
    "critical": 5,
    "internet": 6,
    "network": 7,
}
_NUMERIC_MATCHES = {
    "ip-dscp": DSCP_NAMES,
    "dscp": DSCP_NAMES,
    "ip-precedence": PRECEDENCE_NAMES,
    "precedence": PRECEDENCE_NAMES,
    "cos": {},
    "vlan": {},
}


def _numbers(value: str, names: dict[str, int]) -> str:
    """'af11 ef' → '10 46'; '5 2' → '2 5'; unknown words are left for the renderer to refuse."""
    words = value.split()
    if not all(w.isdigit() or w.lower() in names for w in words):
        return value
    numbers = {int(w) if w.isdigit() else names[w.lower()] for w in words}
    return " ".join(str(n) for n in sorted(numbers))


def _qos(config: DeviceConfig, notes: Emitter) -> None:
    for cmap in config.services.class_maps.values():
        _class_matches(cmap, notes)
    for pmap in config.services.policy_maps.values():
        for cls in pmap.classes:
            _class_actions(cls, notes)


def _class_matches(cmap: ClassMap, notes: Emitter) -> None:
    shaped: list[tuple[str, str]] = []
    for kind, value in cmap.matches:
        base = kind.removeprefix("not-")
        if kind == "any":
            notes.change(
                cmap,
                item_key("matches", (kind, value)),
                note="ZXROS class maps have no match-anything rule: every IP precedence is "
                "matched (all IP packets; non-IP frames fall to class-default)",
            )
            kind, value = "precedence", "0 1 2 3 4 5 6 7"
        elif base in _NUMERIC_MATCHES:
            value = _numbers(value, _NUMERIC_MATCHES[base])
        shaped.append((kind, value))
    rename_item_keys(cmap, "matches", cmap.matches, shaped)
    cmap.matches = shaped


def _class_actions(cls: PolicyClass, notes: Emitter) -> None:
    kept: list[tuple[str, str]] = []
    written: list[tuple[str, str]] = []  # the source's spelling of each kept action
    kept_lines: list[int] = []
    for kind, value in cls.actions:
        key = item_key("actions", (kind, value))
        source = (kind, value)
        if kind == "priority" and value:
            value = ""
            notes.change(
                cls,
                key,
                note="ZXROS `priority-llq` takes no rate: the class is served first but not "
                "capped by this statement",
            )
        elif kind == "set-dscp":
            value = _numbers(value, DSCP_NAMES)
        elif kind == "set-precedence":
            value = _numbers(value, PRECEDENCE_NAMES)
        try:
            action_text(kind, value)
        except QosError as exc:
            notes.unsupported(cls, key, reason=f"ZXROS policy: {exc}")
            continue
        kept.append((kind, value))
        written.append(source)
        kept_lines.extend(n for n in Emitter.sources_of(cls, (key,)) if n not in kept_lines)
    if len(kept) != len(cls.actions):
        cls.src.lines["actions"] = kept_lines
    rename_item_keys(cls, "actions", written, kept)
    cls.actions = kept


def _syslog_facility(config: DeviceConfig, notes: Emitter) -> None:
    """ZXROS has one facility for every syslog host: a facility all hosts share is that one."""
    logging = config.system.logging
    hosts = list(logging.hosts.values())
    shared = {h.facility for h in hosts}
    if not hosts or len(shared) != 1 or None in shared:
        return
    facility = shared.pop()
    if logging.facility not in (None, facility):
        return
    logging.facility = facility
    for host in hosts:
        for n in host.src.get("facility"):
            logging.at(n, "facility")
        host.facility = None


def _radius_groups(config: DeviceConfig, notes: Emitter) -> None:
    """ZXROS defines RADIUS servers inside their groups (`server N A [key K]`).

    A member the source defines nowhere else (IOS `server A auth-port ..` in a group, with no
    `radius-server host A`) is a server without its own key there too; the model says so by
    listing it as a server. A group whose members now tell its protocol needs no recorded one.
    """
    aaa = config.system.aaa
    for name, members in aaa.groups.items():
        if group_protocol(aaa, name) != "radius":
            continue
        for address in members:
            if not any(s.address == address for s in aaa.servers):
                server = AaaServer(protocol="radius", address=address)
                for n in aaa.src.get("groups"):
                    server.at(n)
                aaa.servers.append(server)
        if members and aaa.group_protocols.get(name) == "radius":
            del aaa.group_protocols[name]


def _bgp_bfd(config: DeviceConfig, notes: Emitter) -> None:
    """BFD on a BGP session is one statement on ZXROS, `neighbor X fall-over bfd`."""
    bgp = config.bgp
    if bgp is None:
        return
    peers: list[BgpPeer] = [*bgp.peer_groups.values(), *bgp.neighbors.values()]
    for vrf in bgp.vrfs.values():
        peers.extend(vrf.neighbors.values())
    for peer in peers:
        if peer.bfd:
            peer.bfd, peer.fall_over_bfd = False, True
            for n in peer.src.get("bfd"):
                peer.at(n, "fall_over_bfd")


STEPS: tuple[Callable[[DeviceConfig, Emitter], None], ...] = (
    prepare_tunnels,
    _bgp_bfd,
    _radius_groups,
    _number_acl_rules,
    _qos,
    _syslog_facility,
    enable_ssh_server,
    local_login_lists,
    tacacs_source,
)
