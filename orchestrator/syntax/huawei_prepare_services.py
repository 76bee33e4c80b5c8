"""Shape services for VRP: RA prefix and DHCPv6 lifetimes written out, NQA timeouts in whole
seconds, login lockout in VRP's minutes, VXLAN/M-LAG names and automatic EVPN targets (AS
number : VNI). Each change leaves a note (`huawei_prepare` runs these steps)."""

from __future__ import annotations

import re
from ipaddress import IPv6Network

from orchestrator.model import DeviceConfig, Ipv6Nd, System
from orchestrator.model.base import item_key
from orchestrator.syntax.huawei_common import Shaper


def shape_ipv6(config: DeviceConfig, shape: Shaper) -> None:
    """RA prefix lifetimes and DHCPv6 lifetimes written out; CloudEngine's silence kept."""
    from orchestrator.syntax.huawei_render_ipv6 import shape_nd

    cloudengine = shape.platform.vpn_ipv4_family
    for ifc in config.interfaces.values():
        nd = ifc.ipv6_nd
        if nd is None:
            continue
        shape_nd(nd)
        bare = Ipv6Nd(ra_suppress="all")
        if cloudengine and nd == bare:
            shape.ignore(
                nd, *nd.src.lines, rule="CloudEngine sends no router advertisements by default"
            )
            ifc.ipv6_nd = None
    for pool in config.services.dhcp6_pools.values():
        prefixes: list[tuple[IPv6Network, int | None, int | None]] = []
        for prefix, valid, preferred in pool.address_prefixes:
            if valid is None or preferred is None:
                shape.change(
                    pool,
                    "address_prefixes",
                    note=f"VRP hands out {prefix} with lifetimes (valid {DHCP6_VALID} s, "
                    f"preferred {DHCP6_PREFERRED} s), not infinite",
                )
                valid, preferred = valid or DHCP6_VALID, preferred or DHCP6_PREFERRED
            prefixes.append((prefix, valid, preferred))
        pool.address_prefixes = prefixes


#: IOS NAT timeouts the AR has: one session table serves its firewall and its NAT
#: (`firewall-nat session <protocol> aging-time`, 1-65535 s); tcp, udp and dns are the
#: firewall's session timers in the model, icmp stays a NAT timeout
NAT_AGING = {
    "tcp-timeout": "tcp_idle_time",
    "udp-timeout": "udp_idle_time",
    "dns-timeout": "dns_timeout",
    "icmp-timeout": None,
}


def shape_nat_timeouts(config: DeviceConfig, shape: Shaper) -> None:
    """IOS NAT timeouts the AR has per protocol are kept; the others are reported."""
    services = config.services
    if not shape.platform.nat or not services.nat_timeouts:
        return
    lines = services.src.get("nat_timeouts")
    if len(lines) == len(services.nat_timeouts):  # one source line per timeout, in order
        for n, key in zip(lines, services.nat_timeouts, strict=True):
            if not services.src.get(item_key("nat_timeouts", key)):
                services.src.add(item_key("nat_timeouts", key), n)
    settings = config.security.inspect
    for key, seconds in list(services.nat_timeouts.items()):
        item = item_key("nat_timeouts", key)
        reason = None
        if key not in NAT_AGING or not 1 <= seconds <= 65535:
            reason = (
                "the AR ages NAT sessions per protocol (tcp, udp, dns, icmp) for at most "
                f"65535 s; it has no setting like IOS {key} {seconds}"
            )
        elif (field := NAT_AGING[key]) is not None:
            if getattr(settings, field) not in (None, seconds):
                reason = (
                    "the AR ages firewall and NAT sessions with one setting; the inspection "
                    f"timer ({getattr(settings, field)} s) is kept"
                )
            else:
                setattr(settings, field, seconds)
                for n in services.src.get(item):
                    settings.at(n, field)
                del services.nat_timeouts[key]
                continue
        else:
            continue
        shape.unsupported(services, item, reason=reason)
        del services.nat_timeouts[key]


def shape_lockout(system: System, shape: Shaper) -> None:
    """VRP counts failed logins in minutes, with minimums: IOS's seconds are rounded up."""
    from orchestrator.syntax.huawei_render_mgmt import LOCKOUT_MINIMUM

    assert system.login_block is not None
    block, attempts, within = system.login_block
    window_min, attempts_min, block_min = LOCKOUT_MINIMUM
    shaped = (
        max(block_min, -(-block // 60)) * 60,
        max(attempts_min, attempts),
        max(window_min, -(-within // 60)) * 60,
    )
    if shaped != system.login_block:
        shape.change(
            system,
            "login_block",
            note=f"VRP locks a user out for {shaped[0] // 60} min after {shaped[1]} failed "
            f"logins within {shaped[2] // 60} min (VRP counts minutes, at least "
            f"{block_min}/{attempts_min}/{window_min})",
        )
        system.login_block = shaped


def shape_overlay(config: DeviceConfig, shape: Shaper) -> None:
    """VRP's names and numbers: `Nve1`, DFS group 1; automatic EVPN route targets written out
    (AS number : VNI, what the source derives)."""
    from orchestrator.syntax.huawei_render_overlay import DFS_GROUP

    renamed = {}
    for name, nve in config.nve.items():
        digits = re.sub(r"\D", "", name) or "1"
        nve.name = f"Nve{int(digits)}"
        renamed[nve.name] = nve
    config.nve = renamed
    l3 = {vrf.vni: vrf for vrf in config.vrfs.values() if vrf.vni is not None}
    for vlan in config.vlans.values():
        vrf = l3.get(vlan.vni) if vlan.vni is not None else None
        if vrf is None:
            continue
        for n in vlan.src.get("vni"):
            vrf.at(n, "vni")
        shape.change(
            vlan,
            "vni",
            note=f"VRP routes layer-3 VNI {vlan.vni} in VPN instance {vrf.name} (`vxlan vni`), "
            "without a VLAN",
        )
        vlan.vni = None
    mlag = config.mlag
    if mlag is not None and mlag.domain != DFS_GROUP:
        shape.change(
            mlag, "", note=f"vPC domain {mlag.domain} is DFS group {DFS_GROUP} on VRP (one per box)"
        )
        mlag.domain = DFS_GROUP
    asn = config.bgp.asn if config.bgp is not None else None
    if asn is None:
        return
    for vrf in config.vrfs.values():
        for field in ("evpn_import_targets", "evpn_export_targets"):
            if getattr(vrf, field) == ["auto"] and vrf.vni is not None:
                setattr(vrf, field, [f"{asn}:{vrf.vni}"])
                shape.change(vrf, field, note=f"the automatic route target is {asn}:{vrf.vni}")
    for vni, evpn in config.evpn_vnis.items():
        for field in ("import_targets", "export_targets"):
            if getattr(evpn, field) == ["auto"]:
                setattr(evpn, field, [f"{asn}:{vni}"])
                shape.change(evpn, field, note=f"the automatic route target is {asn}:{vni}")
        if evpn.rd == "auto":
            shape.change(evpn, "rd", note="VRP derives its own automatic route distinguisher")


def shape_probes(config: DeviceConfig, shape: Shaper) -> None:
    """NQA counts timeouts in whole seconds: a shorter probe timeout is rounded up."""
    for probe in config.services.ip_slas.values():
        timeout = probe.timeout_ms
        if timeout is not None and timeout % 1000:
            probe.timeout_ms = max(1000, -(-timeout // 1000) * 1000)
            shape.change(
                probe,
                "timeout_ms",
                note=f"NQA timeouts are whole seconds: {timeout} ms becomes "
                f"{probe.timeout_ms // 1000} s",
            )


#: lifetimes a VRP DHCPv6 pool gives an address prefix that states none (VRP defaults)
DHCP6_VALID = 172800
DHCP6_PREFERRED = 86400


__all__ = ["shape_ipv6", "shape_lockout", "shape_nat_timeouts", "shape_overlay", "shape_probes"]
