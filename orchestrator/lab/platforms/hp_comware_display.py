"""The glue between a Comware session and `hp_comware_show`: which records each `display`
command reads (`LabState` for the network, the parsed config for what only config says)."""

from __future__ import annotations

import re
import time

from orchestrator.lab.platforms import hp_comware_show as show
from orchestrator.lab.platforms import hp_comware_show_l2 as l2
from orchestrator.lab.session import Session
from orchestrator.lab.state import PortState, VlanState


# -- state helpers ------------------------------------------------------------------------------
def _ports(session: Session) -> list[PortState]:
    return session.lab.state.ports(session.device.name)


def _vlans(session: Session) -> list[VlanState]:
    found = session.lab.state.vlans(session.device.name)
    if found:
        return found
    # until the topology computes VLANs: the configured ones, with their configured ports
    config = session.device.config
    ids = sorted({1, *config.vlans})
    out: list[VlanState] = []
    for vid in ids:
        untagged: list[str] = []
        tagged: list[str] = []
        for ifc in config.interfaces.values():
            sw = ifc.switchport
            if sw is None or ifc.lag_group is not None:
                continue
            if sw.mode == "access" and (sw.access_vlan or 1) == vid:
                untagged.append(ifc.name)
            elif sw.mode == "trunk" and vid in (sw.trunk_allowed or []):
                tagged.append(ifc.name)
        vlan = config.vlans.get(vid)
        out.append(
            VlanState(
                vid, (vlan.name if vlan else None) or "", True, tuple(untagged), tuple(tagged)
            )
        )
    return out


def _partners(session: Session) -> dict[str, str]:
    """LAG -> partner system MAC, from the LLDP neighbour of its first member."""
    config = session.device.config
    by_port = {
        n.local_port: n.remote_chassis_id for n in session.lab.state.lldp(session.device.name)
    }
    ports = _ports(session)
    out: dict[str, str] = {}
    for port in ports:
        if port.kind != "lag":
            continue
        for member in show.members_of(port, ports, config):
            if member in by_port:
                out[port.name] = by_port[member]
                break
    return out


# -- display ------------------------------------------------------------------------------------
def paging_off(session: Session, m: re.Match[str]) -> str:
    session.paging = False
    return ""


def paging_on(session: Session, m: re.Match[str]) -> str:
    session.paging = True
    return ""


def display_current(session: Session, m: re.Match[str]) -> str:
    return session.persona.show_running(session)


def display_saved(session: Session, m: re.Match[str]) -> str:
    return session.device.saved_text or "The saved configuration file does not exist.\n"


def display_version(session: Session, m: re.Match[str]) -> str:
    d = session.device
    return l2.display_version(d.model, d.version, d.uptime())


def display_manuinfo(session: Session, m: re.Match[str]) -> str:
    d = session.device
    return l2.display_manuinfo(d.model, d.serial, d.mac)


def display_clock(session: Session, m: re.Match[str]) -> str:
    return l2.display_clock(time.time())


def display_interface(session: Session, m: re.Match[str]) -> str:
    ports = _ports(session)
    if m.group(1):
        wanted = m.group(1).lower()
        ports = [p for p in ports if wanted in {p.name.lower(), show.short_name(p.name).lower()}]
        if not ports:
            return session.persona.invalid(session, m.group(0), len(m.group(0)) - len(wanted))
    return show.display_interface(ports, session.device.config)


def display_interface_brief(session: Session, m: re.Match[str]) -> str:
    return show.display_interface_brief(_ports(session), session.device.config)


def display_ip_interface(session: Session, m: re.Match[str]) -> str:
    return show.display_ip_interface([p for p in _ports(session) if p.ipv4])


def display_ip_interface_brief(session: Session, m: re.Match[str]) -> str:
    return show.display_ip_interface_brief(_ports(session))


def display_lldp_list(session: Session, m: re.Match[str]) -> str:
    return show.display_lldp_list(session.lab.state.lldp(session.device.name))


def display_lldp_verbose(session: Session, m: re.Match[str]) -> str:
    return show.display_lldp_verbose(session.lab.state.lldp(session.device.name), _ports(session))


def display_bgp_peer(session: Session, m: re.Match[str]) -> str:
    bgp = session.device.config.bgp
    if bgp is None:
        return ""
    sessions = session.lab.state.bgp(session.device.name)
    return show.display_bgp_peer(sessions, bgp.router_id or "0.0.0.0", bgp.asn)


def display_ospf_peer(session: Session, m: re.Match[str]) -> str:
    processes = session.device.config.ospf.values()
    router_id = next((p.router_id for p in processes if p.router_id), None) or "0.0.0.0"
    return show.display_ospf_peer(session.lab.state.ospf(session.device.name), router_id)


def display_routing_table(session: Session, m: re.Match[str]) -> str:
    return show.display_routing_table(
        session.lab.state.routes(session.device.name), _ports(session)
    )


def display_arp(session: Session, m: re.Match[str]) -> str:
    return l2.display_arp(session.lab.state.arp(session.device.name))


def display_mac(session: Session, m: re.Match[str]) -> str:
    return l2.display_mac_address(session.lab.state.macs(session.device.name))


def display_vlan_brief(session: Session, m: re.Match[str]) -> str:
    return l2.display_vlan_brief(_vlans(session))


def display_vlan_all(session: Session, m: re.Match[str]) -> str:
    return l2.display_vlan_all(_vlans(session), _ports(session))


def display_lag_summary(session: Session, m: re.Match[str]) -> str:
    d = session.device
    return l2.display_lag_summary(_ports(session), d.config, d.mac, _partners(session))


def display_lag_verbose(session: Session, m: re.Match[str]) -> str:
    d = session.device
    return l2.display_lag_verbose(_ports(session), d.config, d.mac, _partners(session))


def display_lag_members(session: Session, m: re.Match[str]) -> str:
    return l2.display_lag_member_port(_ports(session), session.device.config, _partners(session))


def display_counters(session: Session, m: re.Match[str]) -> str:
    return l2.display_counters(_ports(session), m.group(1).lower() == "inbound")


def display_route_policy(session: Session, m: re.Match[str]) -> str:
    tree = session.persona.tree(session.device.running_text)
    nodes: list[tuple[str, str, int, list[str]]] = []
    for block in tree.root.children:
        found = re.fullmatch(r"route-policy (\S+) (permit|deny) node (\d+)", block.text)
        if found:
            lines = [c.text for c in block.children]
            nodes.append((found.group(1), found.group(2), int(found.group(3)), lines))
    return l2.display_route_policy(nodes)


def display_vpns(session: Session, m: re.Match[str]) -> str:
    return l2.display_vpn_instances(list(session.device.config.vrfs.values()))


def display_vpn(session: Session, m: re.Match[str]) -> str:
    config = session.device.config
    names = list(config.vrfs)
    vrf = config.vrfs.get(m.group(1))
    if vrf is None:
        return f" The VPN instance {m.group(1)} does not exist.\n"
    bound = [i.name for i in config.interfaces.values() if i.vrf == vrf.name]
    return l2.display_vpn_instance(vrf, names.index(vrf.name) + 1, bound)
