"""Huawei VRP8 (CloudEngine CE6800, NetEngine NE40E): the VRP5 platform with what differs."""

from __future__ import annotations

from typing import ClassVar

from orchestrator.syntax.huawei_vrp import VRP8_ONLY, VRP_COMMON, HuaweiVrp


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
    firewall: ClassVar[bool] = False
    routed_needs_undo_portswitch: ClassVar[bool] = True
    stp_modes: ClassVar[frozenset[str]] = frozenset({"stp", "rstp", "mstp", "rapid-pvst"})
    fingerprints: ClassVar[tuple[str, ...]] = VRP_COMMON + VRP8_ONLY


PLATFORM = HuaweiVrpV8()

__all__ = ["PLATFORM", "HuaweiVrpV8"]
