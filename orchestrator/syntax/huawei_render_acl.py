"""VRP ACLs: numbered and named, basic and advanced, IPv4 and IPv6, with rule descriptions."""

from __future__ import annotations

from orchestrator.model import ACL_RULE_FIELDS, Acl, AclEntry, AddrMatch, DeviceConfig, PortMatch
from orchestrator.syntax.huawei_render_base import Writer


def acl_header(acl: Acl) -> str:
    ipv6 = "ipv6 " if acl.kind == "ipv6" else ""
    if acl.name.isdigit():
        return f"acl {ipv6}number {acl.name}"
    kind = "basic" if acl.kind == "standard" else "advance"
    return f"acl {ipv6}name {acl.name} {kind}"


def render_acls(config: DeviceConfig, w: Writer) -> None:
    for acl in config.acls.values():
        if acl.kind == "mac":
            w.unsupported(acl, reason="MAC ACLs are not translated")
            continue
        with w.view(acl_header(acl), acl, "", "name", "kind"):
            if acl.description is not None:
                w.line(f"description {acl.description}", acl, "description")
            _rules(acl, w)
        w.sep()


def _rules(acl: Acl, w: Writer) -> None:
    """Rules the source left unnumbered get VRP's own numbering (5, 10, ...), which the
    parser reads back as unnumbered; descriptions attach to the rule after the remark."""
    texts: dict[int, str] = {}
    for entry in acl.entries:
        if entry.action is not None:
            text = _rule_text(acl, entry, w)
            if text is not None:
                texts[id(entry)] = text
    actions = [e for e in acl.entries if id(e) in texts]
    numbered = any(e.seq is not None for e in actions)
    ids: dict[int, int | None] = {}
    for i, entry in enumerate(actions):
        ids[id(entry)] = entry.seq if numbered else 5 * (i + 1)
    pending: list[AclEntry] = []
    for entry in acl.entries:
        if entry.action is None:
            pending.append(entry)
            continue
        if id(entry) not in texts:
            continue
        rule_id = ids[id(entry)]
        text = texts[id(entry)]
        prefix = f"rule {rule_id} " if rule_id is not None else "rule "
        w.line(
            prefix + text,
            entry,
            "",
            *ACL_RULE_FIELDS,
        )
        for remark in pending:
            if rule_id is None or remark is not pending[-1]:
                w.unsupported(remark, reason="VRP keeps one description per numbered rule")
            else:
                w.line(f"rule {rule_id} description {remark.remark}", remark, "", "remark")
        pending = []
    for remark in pending:
        w.unsupported(remark, reason="a remark after the last rule has no rule to describe")


def _valid(match: AddrMatch | None, ipv6: bool) -> bool:
    from ipaddress import ip_address

    if match is None:
        return True
    try:
        ip_address(match.address)
        if not ipv6:
            ip_address(match.wildcard)
    except ValueError:
        return False
    return True


def _address(match: AddrMatch | None, ipv6: bool) -> str:
    if match is None:
        return "any"
    if ipv6:
        return (
            f"{match.address.upper()}{match.wildcard}"
            if match.wildcard.startswith("/")
            else match.address.upper()
        )
    if match.wildcard == "0.0.0.0":
        return f"{match.address} 0"
    return f"{match.address} {match.wildcard}"


def _ports(ports: PortMatch) -> str | None:
    if ports.op == "range" and len(ports.ports) == 2:
        return f"range {ports.ports[0]} {ports.ports[1]}"
    if ports.op in ("eq", "lt", "gt") and len(ports.ports) == 1:
        return f"{ports.op} {ports.ports[0]}"
    return None


def _rule_text(acl: Acl, entry: AclEntry, w: Writer) -> str | None:
    ipv6 = acl.kind == "ipv6"
    if not (_valid(entry.source, ipv6) and _valid(entry.destination, ipv6)):
        w.unsupported(entry, reason="the rule's address is not an address VRP can match")
        return None
    words: list[str] = [entry.action or "permit"]
    if acl.kind != "standard":
        proto = entry.protocol or "ip"
        if ipv6:
            proto = {"ip": "ipv6", "icmp": "icmpv6"}.get(proto, proto)
        words.append(proto)
    for field, word in (
        ("source", "source"),
        ("source_port", "source-port"),
        ("destination", "destination"),
        ("destination_port", "destination-port"),
    ):
        value = getattr(entry, field)
        if value is None:
            continue
        if isinstance(value, AddrMatch):
            words.append(f"{word} {_address(value, ipv6)}")
            continue
        text = _ports(value)
        if text is None:
            w.unsupported(
                entry,
                reason=f"VRP port conditions are eq/lt/gt/range of one port; "
                f"{value.op} {' '.join(map(str, value.ports))} is not",
            )
            return None
        words.append(f"{word} {text}")
    if entry.icmp_type is not None:
        words.append(f"icmp-type {entry.icmp_type.replace('/', ' ')}")
    if entry.established:
        words.append("tcp-flag established")
    if entry.dscp is not None:
        words.append(f"dscp {entry.dscp}")
    if entry.precedence is not None:
        words.append(f"precedence {entry.precedence}")
    if entry.fragments:
        words.append("fragment-type fragment" if w.platform.vpn_ipv4_family else "fragment")
    if entry.time_range is not None:
        words.append(f"time-range {entry.time_range}")
    if entry.log:
        words.append("logging")
    return " ".join(words)
