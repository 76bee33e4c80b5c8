"""The commands VRP5 and VRP8 share, as VRP syntaxes and their handlers: paging, the views'
on/off lines, pipes, every `display` the lab answers, and the flash commands."""

from __future__ import annotations

import re
from ipaddress import IPv4Address
from typing import Protocol, cast

from orchestrator.lab.platforms import huawei_files as files
from orchestrator.lab.platforms import huawei_show as show
from orchestrator.lab.platforms import huawei_show_net as net
from orchestrator.lab.platforms import huawei_show_routing as routing
from orchestrator.lab.platforms.huawei_cli import error_text, param
from orchestrator.lab.session import Handler, Session
from orchestrator.lab.state import PortState


# -- helpers -----------------------------------------------------------------------------------
class HuaweiPersona(Protocol):
    """What the handlers ask of a Huawei persona (VRP5 and VRP8 both are one)."""

    family: show.Family
    image: str
    save_words: files.Words
    shown_undo: frozenset[str]

    def box(self, session: Session) -> show.Box: ...


def _persona(session: Session) -> HuaweiPersona:
    return cast(HuaweiPersona, session.persona)


def _ports(session: Session) -> list[PortState]:
    return session.lab.state.ports(session.device.name)


def _addresses(ports: list[PortState]) -> dict[str, str]:
    return {p.name: str(p.ipv4[0].ip) for p in ports if p.ipv4}


def _own(ports: list[PortState]) -> set[IPv4Address]:
    return {a.ip for p in ports for a in p.ipv4}


def find_port(ports: list[PortState], name: str) -> PortState | None:
    """The port ``name`` names, written in full, with a space, or in the short form."""
    wanted = name.replace(" ", "").lower()
    for port in ports:
        if wanted in {port.name.lower(), show.short_name(port.name).lower()}:
            return port
    return None


def wrong_parameter(session: Session, offset: int) -> str:
    pad = " " * (len(session.prompt()) + offset)
    return f"{pad}^\nError: Wrong parameter found at '^' position.\n"


# -- command handlers --------------------------------------------------------------------------
def _paging_off(session: Session, m: re.Match[str]) -> str:
    session.paging = False
    return "Info: The configuration takes effect on the current user terminal interface only.\n"


def _system_view(session: Session, m: re.Match[str]) -> str:
    session.enter_config()
    return "Enter system view, return user view with Ctrl+Z.\n"


def _quit(session: Session, m: re.Match[str]) -> str:
    session.closed = True
    return ""


def toggle(session: Session, m: re.Match[str]) -> str:
    """`shutdown` / `undo shutdown` and the like: one line of the view that is either on or
    off; what is stored for the off form depends on the OS (`shown_undo`)."""
    if session.mode != "config" or len(session.views) < 2:
        return error_text("unrecognized", len(session.prompt()), 0)
    words = m.group(0).lower().split()
    negative = words[0] == "undo"
    word = " ".join(words[1:] if negative else words)
    path = session.views[-1].path
    tree = session.tree
    tree.remove(path, word)
    tree.remove(path, f"undo {word}")
    if not negative:
        tree.add(path, word)
    elif word in _persona(session).shown_undo:
        tree.add(path, f"undo {word}")
    session.persona.commit(session, tree)
    return ""


def pipe(session: Session, m: re.Match[str]) -> str:
    """`<display command> | include|exclude|begin <regex>`."""
    output = session.exec_line(m.group("head").strip())
    op = m.group("op").lower()
    try:
        pattern = re.compile(m.group("expr").strip())
    except re.error:
        return wrong_parameter(session, m.start("expr"))
    lines = output.splitlines()
    if "include".startswith(op) and op[:1] == "i":
        kept = [line for line in lines if pattern.search(line)]
    elif "exclude".startswith(op) and op[:1] == "e":
        kept = [line for line in lines if not pattern.search(line)]
    elif "begin".startswith(op) and op[:1] == "b":
        starts = [i for i, line in enumerate(lines) if pattern.search(line)]
        kept = lines[starts[0] :] if starts else []
    else:
        return wrong_parameter(session, m.start("op"))
    return "\n".join(kept) + "\n" if kept else ""


def _display_current(session: Session, m: re.Match[str]) -> str:
    return session.persona.show_running(session)


def _display_current_ifc(session: Session, m: re.Match[str]) -> str:
    name = (param(m, "name") or "").replace(" ", "")
    tree = session.persona.tree(session.persona.show_running(session))
    for block in tree.root.children:
        if block.text.lower() == f"interface {name}".lower():
            body = "".join(f" {child.text}\n" for _, child in block.walk())
            return f"#\n{block.text}\n{body}#\nreturn\n"
    return wrong_parameter(session, m.start("name"))


def _display_this(session: Session, m: re.Match[str]) -> str:
    if session.mode != "config" or len(session.views) < 2:
        return session.persona.show_running(session)
    view = session.views[-1]
    block = session.tree.block(view.path)
    if block is None:
        return "#\nreturn\n"
    body = "".join(" " * (depth + 1) + b.text + "\n" for depth, b in block.walk())
    return f"#\n{block.text}\n{body}#\nreturn\n"


def _display_interface(session: Session, m: re.Match[str]) -> str:
    ports = _ports(session)
    name = param(m, "name")
    box = _persona(session).box(session)
    if name is None:
        return show.display_interface(ports, box)
    port = find_port(ports, name)
    if port is None:
        return wrong_parameter(session, m.start("name"))
    members = [p for p in ports if p.lag == port.name or p.name in port.members]
    return show.interface_detail(port, box, members)


def _display_description(session: Session, m: re.Match[str]) -> str:
    return show.display_interface_description(_ports(session))


def _display_ip_brief(session: Session, m: re.Match[str]) -> str:
    return show.display_ip_interface_brief(_ports(session), _persona(session).family)


def _display_lldp(session: Session, m: re.Match[str]) -> str:
    state, name = session.lab.state, session.device.name
    return net.display_lldp_neighbor(state.ports(name), state.lldp(name))


def _display_lldp_brief(session: Session, m: re.Match[str]) -> str:
    neighbors = session.lab.state.lldp(session.device.name)
    return net.display_lldp_neighbor_brief(neighbors, _persona(session).family)


def _router_id(session: Session, configured: str | None) -> str:
    if configured:
        return configured
    loopbacks = [p for p in _ports(session) if p.ipv4 and p.kind == "loopback"]
    candidates = loopbacks or [p for p in _ports(session) if p.ipv4]
    return str(max((p.ipv4[0].ip for p in candidates), default=IPv4Address("0.0.0.0")))


def _display_bgp_peer(session: Session, m: re.Match[str]) -> str:
    bgp = session.device.config.bgp
    if bgp is None:
        return ""
    sessions = session.lab.state.bgp(session.device.name)
    router_id = _router_id(session, bgp.router_id)
    return routing.display_bgp_peer(sessions, bgp.asn, router_id, _persona(session).family)


def _display_bgp_peer_verbose(session: Session, m: re.Match[str]) -> str:
    bgp = session.device.config.bgp
    address = m.group("address")
    found = [s for s in session.lab.state.bgp(session.device.name) if str(s.neighbor) == address]
    if bgp is None or not found:
        return "Info: The peer does not exist.\n"
    return routing.display_bgp_peer_verbose(found[0], bgp.asn)


def _ospf_router_ids(session: Session) -> dict[str, str]:
    processes = session.device.config.ospf
    return {pid: _router_id(session, proc.router_id) for pid, proc in processes.items()}


def _display_ospf_peer(session: Session, m: re.Match[str]) -> str:
    neighbors = session.lab.state.ospf(session.device.name)
    addresses = _addresses(_ports(session))
    return routing.display_ospf_peer(neighbors, _ospf_router_ids(session), addresses)


def _display_ospf_brief(session: Session, m: re.Match[str]) -> str:
    neighbors = session.lab.state.ospf(session.device.name)
    return routing.display_ospf_peer_brief(neighbors, _ospf_router_ids(session))


def _routes(session: Session, verbose: bool) -> str:
    state, name = session.lab.state, session.device.name
    ebgp = {s.neighbor for s in state.bgp(name) if s.remote_as != s.local_as}
    addresses = _addresses(state.ports(name))
    build = (
        routing.display_ip_routing_table_verbose if verbose else routing.display_ip_routing_table
    )
    return build(state.routes(name), addresses, ebgp, _persona(session).family)


def _display_routes(session: Session, m: re.Match[str]) -> str:
    return _routes(session, verbose=False)


def _display_routes_verbose(session: Session, m: re.Match[str]) -> str:
    return _routes(session, verbose=True)


def _display_arp(session: Session, m: re.Match[str]) -> str:
    state, name = session.lab.state, session.device.name
    own = _own(state.ports(name))
    return net.display_arp_all(state.arp(name), own, _persona(session).family)


def _display_arp_brief(session: Session, m: re.Match[str]) -> str:
    state, name = session.lab.state, session.device.name
    return net.display_arp_brief(state.arp(name), _own(state.ports(name)))


def _display_macs(session: Session, m: re.Match[str]) -> str:
    return net.display_mac_address(session.lab.state.macs(session.device.name))


def _display_vlan(session: Session, m: re.Match[str]) -> str:
    state, name = session.lab.state, session.device.name
    up = {p.name: p.oper_up for p in state.ports(name)}
    return net.display_vlan(state.vlans(name), up)


def _display_trunks(session: Session, m: re.Match[str]) -> str:
    ports = _ports(session)
    trunks = [p for p in ports if p.kind == "lag"]
    config = session.device.config.interfaces
    modes: dict[str, str] = {}
    for ifc in config.values():
        if ifc.lag_group is not None and ifc.lag_mode in {"active", "passive"}:
            modes[f"Eth-Trunk{ifc.lag_group}"] = "LACP"
    return net.display_eth_trunk(trunks, ports, modes)


def _dir(session: Session, m: re.Match[str]) -> str:
    return files.dir_listing(session, _persona(session).image, 52_428_800)


def _save(session: Session, m: re.Match[str]) -> str:
    return files.save(session, param(m, "file"), _persona(session).save_words)


def _startup(session: Session, m: re.Match[str]) -> str:
    return files.startup_saved_configuration(session, m.group("file"))


#: the exec-level commands both families answer (VRP8 adds its two-stage ones)
SYNTAXES: tuple[tuple[str, Handler], ...] = (
    ("screen-length 0 temporary", _paging_off),
    ("system-view [immediately]", _system_view),
    ("quit", _quit),
    ("shutdown", toggle),
    ("undo shutdown", toggle),
    ("synchronization", toggle),
    ("undo synchronization", toggle),
    ("display version", lambda s, m: show.display_version(_persona(s).box(s))),
    ("display device", lambda s, m: show.display_device(_persona(s).box(s))),
    ("display esn", lambda s, m: show.display_esn(_persona(s).box(s))),
    ("display current-configuration", _display_current),
    ("display current-configuration interface <name:interface>", _display_current_ifc),
    ("display this", _display_this),
    ("display saved-configuration", lambda s, m: files.display_saved_configuration(s)),
    ("display startup", lambda s, m: files.display_startup(s, _persona(s).image)),
    ("display interface", _display_interface),
    ("display interface <name:interface>", _display_interface),
    ("display interface brief", lambda s, m: show.display_interface_brief(_ports(s))),
    ("display interface description", _display_description),
    ("display ip interface brief", _display_ip_brief),
    ("display lldp neighbor", _display_lldp),
    ("display lldp neighbor brief", _display_lldp_brief),
    ("display bgp peer", _display_bgp_peer),
    ("display bgp peer <address:ip> verbose", _display_bgp_peer_verbose),
    ("display ospf peer", _display_ospf_peer),
    ("display ospf peer brief", _display_ospf_brief),
    ("display ip routing-table", _display_routes),
    ("display ip routing-table verbose", _display_routes_verbose),
    ("display arp", _display_arp),
    ("display arp all", _display_arp),
    ("display arp brief", _display_arp_brief),
    ("display mac-address", _display_macs),
    ("display vlan", _display_vlan),
    ("display port vlan", lambda s, m: net.display_port_vlan(_ports(s))),
    ("display eth-trunk", _display_trunks),
    ("dir", _dir),
    ("dir <path:file>", _dir),
    ("more <file:file>", lambda s, m: files.more(s, m.group("file"))),
    ("delete <file:file>", lambda s, m: files.delete(s, m.group("file"))),
    ("save", _save),
    ("save <file:file>", _save),
    ("startup saved-configuration <file:file>", _startup),
)
