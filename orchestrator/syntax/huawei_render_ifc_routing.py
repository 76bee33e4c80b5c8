"""VRP interface routing statements: OSPF and OSPFv3 settings of an interface, VRRP groups."""

from __future__ import annotations

from orchestrator.model import DeviceConfig, FhrpGroup, Interface, InterfaceOspf, item_key
from orchestrator.syntax.huawei_common import secret_text
from orchestrator.syntax.huawei_render_base import Writer

_NETWORK_TYPES = {"point-to-point": "p2p", "broadcast": "broadcast", "nbma": "nbma", "p2mp": "p2mp"}


def render_ospf_settings(ifc: Interface, ospf: InterfaceOspf, w: Writer) -> None:
    if ospf.process is not None or ospf.area is not None:
        process = f" {ospf.process}" if ospf.process else ""
        w.line(f"ospf enable{process} area {ospf.area or '0.0.0.0'}", ospf, "process", "area")
    if ospf.cost is not None:
        w.line(f"ospf cost {ospf.cost}", ospf, "cost")
    if ospf.network_type is not None:
        w.line(f"ospf network-type {_NETWORK_TYPES[ospf.network_type]}", ospf, "network_type")
    if ospf.priority is not None:
        w.line(f"ospf dr-priority {ospf.priority}", ospf, "priority")
    if ospf.hello is not None:
        w.line(f"ospf timer hello {ospf.hello}", ospf, "hello")
    if ospf.dead is not None:
        w.line(f"ospf timer dead {ospf.dead}", ospf, "dead")
    if ospf.auth == "null":
        w.line("ospf authentication-mode null", ospf, "auth")
    elif ospf.auth == "simple":
        key = f" cipher {secret_text(ospf.auth_key)}" if ospf.auth_key else ""
        w.line(f"ospf authentication-mode simple{key}", ospf, "auth", "auth_key")
    elif ospf.auth == "md5":
        key = ""
        if ospf.auth_key is not None:
            key = f" {ospf.auth_key_id or 1} cipher {secret_text(ospf.auth_key)}"
        w.line(f"ospf authentication-mode md5{key}", ospf, "auth", "auth_key_id", "auth_key")
    if ospf.bfd:
        w.line("ospf bfd enable", ospf, "bfd")
    if ospf.passive is not None:
        w.mark(ospf, "passive")  # written in the OSPF process as `silent-interface`


def render_ospfv3_settings(config: DeviceConfig, ospf: InterfaceOspf, w: Writer) -> None:
    process = ospf.process or next(iter(config.ospfv3), "1")
    if ospf.area is not None:
        w.line(f"ospfv3 {process} area {ospf.area}", ospf, "process", "area")
    elif ospf.process is not None:
        w.unsupported(ospf, "process", reason="an OSPFv3 interface joins an area")
    for field, word in (("cost", "cost"), ("priority", "dr-priority")):
        if getattr(ospf, field) is not None:
            w.line(f"ospfv3 {word} {getattr(ospf, field)}", ospf, field)
    if ospf.network_type is not None:
        w.line(f"ospfv3 network-type {_NETWORK_TYPES[ospf.network_type]}", ospf, "network_type")
    for field in ("hello", "dead"):
        if getattr(ospf, field) is not None:
            w.line(f"ospfv3 timer {field} {getattr(ospf, field)}", ospf, field)
    if ospf.bfd:
        w.line("ospfv3 bfd enable", ospf, "bfd")
    if ospf.passive is not None:
        w.mark(ospf, "passive")  # written in the OSPFv3 process as `silent-interface`


def render_vrrp(group: FhrpGroup, w: Writer) -> None:
    plat = w.platform
    vrid = f"vrrp vrid {group.group}"
    if group.protocol != "vrrp":
        w.unsupported(group, reason="only VRRP groups exist on VRP")
        return
    for address in group.virtual_ip:
        w.line(
            f"{vrid} virtual-ip {address}",
            group,
            "",
            item_key("virtual_ip", address),
            "protocol",
            "group",
        )
    if not group.virtual_ip:
        w.line(vrid, group, "", "protocol", "group")
    if group.priority is not None:
        w.line(f"{vrid} priority {group.priority}", group, "priority")
    if group.preempt is False:
        w.line(f"{vrid} {plat.vrrp_preempt} disable", group, "preempt")
    elif group.preempt is True:
        w.line(
            f"{vrid} {plat.vrrp_preempt} timer delay {group.preempt_delay or 0}",
            group,
            "preempt",
            "preempt_delay",
        )
    elif group.preempt_delay is not None:
        w.line(
            f"{vrid} {plat.vrrp_preempt} timer delay {group.preempt_delay}", group, "preempt_delay"
        )
        w.change(group, "preempt_delay", note="a preemption delay implies preemption")
    if group.hello is not None:
        w.line(f"{vrid} timer advertise {group.hello}", group, "hello")
    if group.auth is not None:
        mode = "md5" if group.auth_md5 else "simple cipher"
        w.line(
            f"{vrid} authentication-mode {mode} {secret_text(group.auth)}",
            group,
            "auth",
            "auth_md5",
        )
    for target, decrement in group.track:
        text = f"{vrid} track interface {target} {plat.vrrp_reduce} {decrement}"
        w.line(text, group, item_key("track", target))
    if group.hold is not None:
        w.ignore(group, "hold", rule="VRRP derives its hold time from the advertisement timer")
    if group.version == 2:
        w.ignore(group, "version", rule="VRRPv2 is the VRP default")


__all__ = ["render_ospf_settings", "render_ospfv3_settings", "render_vrrp"]
