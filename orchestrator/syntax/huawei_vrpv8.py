"""Huawei VRP8 (CloudEngine CE6800, NetEngine NE40E): the VRP5 platform with what differs."""

from __future__ import annotations

from typing import ClassVar

from orchestrator.syntax.huawei_vrp import HuaweiVrp


class HuaweiVrpV8(HuaweiVrp):
    """Huawei VRP8: CloudEngine switches and NetEngine routers."""

    name: ClassVar[str] = "huawei_vrpv8"
    vpn_ipv4_family: ClassVar[bool] = True
    lacp_mode: ClassVar[str] = "mode lacp-static"
    vrrp_preempt: ClassVar[str] = "preempt"
    vrrp_reduce: ClassVar[str] = "reduce"
    classifier_operator: ClassVar[str] = "type"
    traffic_filter: ClassVar[bool] = False
    ntp_word: ClassVar[str] = "ntp"
    vbst: ClassVar[bool] = True
    voice_vlan: ClassVar[bool] = False
    nat: ClassVar[bool] = False
    routed_needs_undo_portswitch: ClassVar[bool] = True
    stp_modes: ClassVar[frozenset[str]] = frozenset({"stp", "rstp", "mstp", "rapid-pvst"})
    fingerprints: ClassVar[tuple[str, ...]] = (
        r"^interface (?:GE|10GE|25GE|40GE|100GE)\d+/\d+/\d+$",
        r"^ ipv4-family$",
        r"^\[~\S+\]",
        r"^ ?sysname \S+",
        r"^interface (?:Vlanif|Eth-Trunk|LoopBack|Vbdif|Nve)\d+$",
        r"^ vpn-target \S+ (?:export|import)-extcommunity",
        r"^ ?ip route-static ",
        r"^ mode lacp-static$",
        r"^ undo shutdown$",
        r"^ ipv4-family vpn-instance \S+",
        r"^return$",
    )


PLATFORM = HuaweiVrpV8()

__all__ = ["PLATFORM", "HuaweiVrpV8"]
