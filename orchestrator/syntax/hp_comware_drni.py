"""M-LAG pairs as Comware 7 DRNI (distributed resilient network interconnect): shaping,
rendering and reading back.

A vPC domain becomes a DR system: `drni system-mac`, `drni system-number`, `drni
system-priority`, `drni role priority`, `drni keepalive ip destination ... source ...
[vpn-instance ...]`, `drni restore-delay`, `drni auto-recovery reload-delay`; the peer link is
the intra-portal port (`port drni intra-portal-port 1` on its aggregate) and each vPC leg a DR
group (`port drni group N`). The two switches of a DR system need different system numbers
(1 and 2) and the same system MAC, which NX-OS does not write (it derives the MAC from the
domain number): the notes say what to set on the peer.
"""

from __future__ import annotations

import re
from typing import Any

from orchestrator.model import DeviceConfig, Interface, MlagDomain
from orchestrator.syntax.base import Emitter
from orchestrator.syntax.rules import Ctx, Rule, rule
from orchestrator.syntax.text import Line

#: NX-OS waits this long after a reload before it brings vPC legs up without its peer
NXOS_RELOAD_DELAY = 240


# --- shaping ----------------------------------------------------------------------------------


def prepare_drni(config: DeviceConfig, out: Emitter) -> None:
    """The DR system number of this switch, the system MAC in the model's spelling."""
    domain = config.mlag
    if domain is None:
        return
    if domain.domain not in (1, 2):
        out.change(
            domain,
            "",
            note=f"vPC domain {domain.domain} becomes DR system number 1: the two switches of a "
            "DR system are numbered 1 and 2, so give the peer `drni system-number 2`",
        )
        domain.domain = 1
    if domain.system_mac is None:
        out.change(
            domain,
            "",
            note="NX-OS derives the pair's LACP system MAC from the domain; DRNI needs it set: "
            "add the same `drni system-mac` on both switches",
        )
    else:
        digits = re.sub(r"[^0-9a-f]", "", domain.system_mac.lower())
        if len(digits) == 12:
            domain.system_mac = f"{digits[0:4]}.{digits[4:8]}.{digits[8:12]}"


# --- rendering --------------------------------------------------------------------------------


def render_drni(config: DeviceConfig, out: Emitter) -> None:
    domain = config.mlag
    if domain is None:
        return
    e = out.emit
    out.plain("#")
    if domain.system_mac is not None:
        digits = domain.system_mac.replace(".", "")
        e(f" drni system-mac {digits[0:4]}-{digits[4:8]}-{digits[8:12]}", domain, "system_mac")
    e(f" drni system-number {domain.domain}", domain)
    if domain.system_priority is not None:
        e(f" drni system-priority {domain.system_priority}", domain, "system_priority")
    if domain.role_priority is not None:
        e(f" drni role priority {domain.role_priority}", domain, "role_priority")
    if domain.keepalive_destination is not None:
        text = f" drni keepalive ip destination {domain.keepalive_destination}"
        if domain.keepalive_source is not None:
            text += f" source {domain.keepalive_source}"
        if domain.keepalive_vrf is not None:
            text += f" vpn-instance {domain.keepalive_vrf}"
        e(text, domain, "keepalive_destination", "keepalive_source", "keepalive_vrf")
    else:
        for name in ("keepalive_source", "keepalive_vrf"):
            if getattr(domain, name) is not None:
                out.unsupported(
                    domain, name, reason="a keepalive source needs a keepalive destination"
                )
    if domain.delay_restore is not None:
        e(f" drni restore-delay {domain.delay_restore}", domain, "delay_restore")
    if domain.auto_recovery:
        e(f" drni auto-recovery reload-delay {NXOS_RELOAD_DELAY}", domain, "auto_recovery")
        out.change(
            domain,
            "auto_recovery",
            note=f"written with NX-OS's reload delay ({NXOS_RELOAD_DELAY} s)",
        )
    elif domain.auto_recovery is False:
        out.unsupported(
            domain, "auto_recovery", reason="DRNI auto-recovery is set by its reload delay only"
        )
    if domain.arp_sync:
        out.ignore(
            domain,
            "arp_sync",
            rule="DRNI keeps the pair's ARP tables synchronised over the intra-portal link",
        )
    if domain.peer_gateway:
        out.unsupported(
            domain,
            "peer_gateway",
            reason="DRNI has no peer-gateway setting: give both switches one gateway (VRRP, or the "
            "same address and MAC on both VLAN interfaces)",
        )
    if domain.peer_link is not None and domain.peer_link not in config.interfaces:
        out.unsupported(
            domain, "peer_link", reason=f"the peer link {domain.peer_link} is not on the box"
        )


def drni_port_lines(config: DeviceConfig, ifc: Interface, out: Emitter) -> None:
    """The intra-portal port and the DR group of an aggregate interface."""
    domain = config.mlag
    is_ipp = domain is not None and domain.peer_link == ifc.name
    if is_ipp and ifc.name.startswith("Bridge-Aggregation"):
        out.emit(" port drni intra-portal-port 1", domain, "peer_link")
    elif is_ipp:
        assert domain is not None
        out.unsupported(
            domain, "peer_link", reason="the intra-portal port is a layer-2 aggregate interface"
        )
    if ifc.mlag_id is None:
        return
    if domain is not None and ifc.name.startswith("Bridge-Aggregation"):
        out.emit(f" port drni group {ifc.mlag_id}", ifc, "mlag_id")
    else:
        out.unsupported(ifc, "mlag_id", reason="a DR group is a layer-2 aggregate of a DR system")


# --- reading back -----------------------------------------------------------------------------


def _later(ctx: Ctx) -> dict[str, Any]:
    found: dict[str, Any] = ctx.state.setdefault("drni", {})
    return found


def t_drni(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    _later(ctx).setdefault("lines", []).append((m.group(1), line))


def i_ipp(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    _later(ctx)["ipp"] = (ifc.name, line.n)


def i_group(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.mlag_id = int(m.group(1))
    ifc.at(line.n, "mlag_id")


_KEEPALIVE = re.compile(r"keepalive ip destination (\S+)(?: source (\S+))?(?: vpn-instance (\S+))?")


def finish_drni(ctx: Ctx) -> None:
    """Build the DR system once the whole file is read (its lines may come in any order)."""
    later = _later(ctx)
    lines: list[tuple[str, Line]] = later.get("lines", [])
    number = next((t for t, _ in lines if re.fullmatch(r"system-number \d+", t)), None)
    if number is None:
        for _, line in lines:
            ctx.report.unsupported(line, "a DR system without a system number")
        return
    domain = ctx.config.mlag = MlagDomain(domain=int(number.split()[1]))
    for text, line in lines:
        words = text.split()
        keepalive = _KEEPALIVE.fullmatch(text)
        if words[0] == "system-number":
            domain.at(line.n)
        elif words[0] == "system-mac" and len(words) == 2:
            digits = words[1].replace("-", "").lower()
            domain.system_mac = f"{digits[0:4]}.{digits[4:8]}.{digits[8:12]}"
            domain.at(line.n, "system_mac")
        elif words[0] == "system-priority" and len(words) == 2:
            domain.system_priority = int(words[1])
            domain.at(line.n, "system_priority")
        elif words[:2] == ["role", "priority"] and len(words) == 3:
            domain.role_priority = int(words[2])
            domain.at(line.n, "role_priority")
        elif words[0] == "restore-delay" and len(words) == 2:
            domain.delay_restore = int(words[1])
            domain.at(line.n, "delay_restore")
        elif words[:2] == ["auto-recovery", "reload-delay"] and words[2:] == [
            str(NXOS_RELOAD_DELAY)
        ]:
            domain.auto_recovery = True
            domain.at(line.n, "auto_recovery")
        elif keepalive is not None:
            destination, source, vrf = keepalive.groups()
            domain.keepalive_destination, domain.keepalive_source = destination, source
            domain.keepalive_vrf = vrf
            domain.at(line.n, "keepalive_destination", "keepalive_source", "keepalive_vrf")
        else:
            ctx.report.unsupported(line, f"DRNI setting `drni {text}` is not translated")
    if "ipp" in later:
        domain.peer_link, n = later["ipp"]
        domain.at(n, "peer_link")


DRNI_TOP: list[Rule] = [rule(r"drni (.+)", t_drni)]

DRNI_INTERFACE_RULES: list[Rule] = [
    rule(r"port drni intra-portal-port \d+", i_ipp),
    rule(r"port drni group (\d+)", i_group),
]
