"""Huawei VRP5 (AR routers, S-series switches): `<HOST>` user view, `[HOST]` system view,
`[HOST-GigabitEthernet0/0/1]` in a view; `undo` negates; `display` runs in every view; changes
apply at once and `save` writes the saved configuration after a Y/N question.

The reference persona: the others follow its layout (class attributes, then commands, then
the output builders, which live in `huawei_show.py` / `huawei_show_net.py` and are shared with
VRP8). Commands are written as VRP syntaxes (`huawei_cli.Grammar`), so keywords abbreviate as on
the real box and a line that fits no command gets the box's own error: unrecognized,
incomplete, too many parameters or ambiguous, with the caret under the place.

Saved-file restore (see `huawei_files.py`): `save [<file>]`, `dir`, `more`, `delete`,
`startup saved-configuration <file>`, `display startup`, `display saved-configuration`. VRP5
has no live "load this file into the running config"; the driver applies the difference.
"""

from __future__ import annotations

import re
from ipaddress import IPv4Address
from typing import ClassVar

from orchestrator.lab.configtree import Block, ConfigTree
from orchestrator.lab.platforms import huawei_files as files
from orchestrator.lab.platforms import huawei_show as show
from orchestrator.lab.platforms import huawei_show_net as net
from orchestrator.lab.platforms.huawei_cli import Grammar, error_text, param
from orchestrator.lab.session import (
    Command,
    Handler,
    Persona,
    Section,
    Session,
    command,
    section,
)
from orchestrator.lab.state import PortState

#: config lines that need more words (VRP answers "Incomplete command" for them alone)
NEEDS_MORE: frozenset[str] = frozenset(
    {
        "interface", "sysname", "description", "vlan", "vlan batch", "bgp", "ospf", "peer",
        "network", "ip", "ip address", "ip route-static", "ip vpn-instance", "acl",
        "acl number", "route-policy", "user-interface", "area", "port", "port link-type",
        "port default", "port default vlan", "port trunk", "port trunk allow-pass",
        "port trunk allow-pass vlan", "undo", "router-id", "eth-trunk", "mtu", "ntp-service",
        "snmp-agent", "info-center", "stp", "lldp", "shutdown interface", "rule",
    }
)  # fmt: skip

SAVE_WORDS = files.Words(
    save_all=(
        "The current configuration will be written to the device.\n"
        "Are you sure to continue? (y/n)[n]:"
    ),
    save_file="Are you sure to save the configuration to {path}? (y/n)[n]:",
    saved=(
        "  It will take several minutes to save configuration file, please wait.....\n"
        "  Configuration file had been saved successfully\n"
        "  Note: The configuration file will take effect after being activated\n"
    ),
)


class HuaweiVrp(Persona):
    platform: ClassVar[str] = "huawei_vrp"
    family: ClassVar[show.Family] = "vrp5"
    # `system-view` is a command of the grammar (it abbreviates, and prints what the box does)
    config_enter: ClassVar[tuple[str, ...]] = ()
    config_end: ClassVar[tuple[str, ...]] = ("return",)
    config_up: ClassVar[tuple[str, ...]] = ("quit",)
    negation: ClassVar[str] = "undo"
    exec_prefix: ClassVar[str | None] = None
    # `display` runs in every view; the on/off lines run as commands (see `toggle`)
    exec_anywhere: ClassVar[re.Pattern[str] | None] = re.compile(
        r"dis(p(l(ay?)?)?)?\s|(undo\s+)?(shutdown|synchronization)\s*$", re.I
    )
    #: on/off lines whose `undo` form the box shows in its config (`undo synchronization` in a
    #: VRP5 BGP view); the others show only their `on` form and drop it when undone
    shown_undo: ClassVar[frozenset[str]] = frozenset({"synchronization"})
    sections: ClassVar[tuple[Section, ...]] = (
        section(r"interface (\S+)", "interface", "{1}"),
        section(r"bgp (\d+)", "bgp", "bgp"),
        section(r"ipv4-family unicast", "bgp-af", "bgp-af-ipv4", ("bgp",)),
        section(r"ipv4-family vpn-instance (\S+)", "bgp-af", "bgp-{1}", ("bgp",)),
        section(r"ipv4-family (.+)", "bgp-af", "bgp-af-{1}", ("bgp",)),
        section(r"ospf (\d+)(?: .*)?", "ospf", "ospf-{1}"),
        section(r"area (\S+)", "ospf-area", "area-{1}", ("ospf",)),
        section(r"vlan (\d+)", "vlan", "vlan{1}"),
        section(r"acl (?:number )?(\d+)", "acl", "acl-adv-{1}"),
        section(r"acl name (\S+)(?: .*)?", "acl", "acl-adv-{1}"),
        section(r"route-policy (\S+) (permit|deny) node (\d+)", "route-policy", "route-policy"),
        section(r"ip vpn-instance (\S+)", "vpn-instance", "vpn-instance-{1}"),
        section(r"ipv4-family", "vpn-af", "af-ipv4", ("vpn-instance",)),
        section(r"aaa", "aaa", "aaa"),
        section(r"user-interface (.+)", "ui", "ui-{1}"),
    )
    replace_keys: ClassVar[tuple[str, ...]] = (
        r"description ",
        r"sysname ",
        r"ip address \S+ \S+$",
        r"mtu ",
        r"speed ",
        r"duplex ",
        r"router-id ",
        r"port link-type ",
        r"port default vlan ",
        r"peer \S+ as-number ",
    )
    indent: ClassVar[int] = 1
    separator: ClassVar[str | None] = "#"
    invalid_input: ClassVar[str] = "{pad}^\nError: Unrecognized command found at '^' position.\n"
    more_prompt: ClassVar[str] = "  ---- More ----"
    login_banner: ClassVar[str] = ""
    motd: ClassVar[str] = (
        "\nInfo: The max number of VTY users is 5, and the number\n"
        "      of current VTY users on line is 1.\n"
    )
    default_model: ClassVar[str] = "AR6140-16G4XG"
    default_version: ClassVar[str] = "5.170 (AR6100 V300R019C10SPC300)"
    #: the system software file `dir` and `display startup` show
    image: ClassVar[str] = "AR6100-V300R019C10SPC300.cc"
    save_words: ClassVar[files.Words] = SAVE_WORDS

    def __init__(self) -> None:
        super().__init__()
        self.grammar = Grammar(self.syntaxes())

    # -- prompts and text ---------------------------------------------------------------------
    def exec_prompt(self, session: Session) -> str:
        return f"<{session.device.hostname}>"

    #: views whose prompt carries their parent's: [HOST-ospf-1-area-0.0.0.0]
    nested_prompts: ClassVar[frozenset[str]] = frozenset({"ospf-area", "vpn-af"})

    def view_prompt(self, session: Session) -> str:
        """The view's part of the prompt ("" in system view)."""
        if not session.views:
            return ""
        view = session.views[-1]
        if view.kind in self.nested_prompts and len(session.views) > 1:
            return f"{session.views[-2].prompt}-{view.prompt}"
        return view.prompt

    def config_prompt(self, session: Session) -> str:
        view = self.view_prompt(session)
        host = session.device.hostname
        return f"[{host}-{view}]" if view else f"[{host}]"

    def top_view(self) -> str:
        return ""

    def config_text(self, tree: ConfigTree) -> str:
        return tree.text(self.indent, self.separator) + "return\n"

    def show_running(self, session: Session) -> str:
        return session.device.running_text

    def box(self, session: Session) -> show.Box:
        device = session.device
        return show.Box(
            hostname=device.hostname,
            model=device.model,
            version=device.version,
            mac=device.mac,
            serial=device.serial,
            boot_time=device.boot_time,
            family=self.family,
        )

    # -- commands -----------------------------------------------------------------------------
    def syntaxes(self) -> list[tuple[str, Handler]]:
        """The exec-level commands as VRP syntaxes; subclasses extend the list."""
        return [
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
        ]

    def exec_commands(self) -> list[Command]:
        return [
            command(r"(?P<head>[^|]+?)\s*\|\s*(?P<op>\S+)\s+(?P<expr>.+)", _pipe),
            *self.grammar.commands(),
        ]

    def invalid(self, session: Session, line: str, position: int = 0) -> str:
        kind, offset = self.grammar.diagnose(line)
        return error_text(kind, len(session.prompt()), offset)

    def validate(self, session: Session, tree: ConfigTree, block: Block) -> str | None:
        if super().validate(session, tree, block) is None:
            return None
        words = " ".join(block.text.lower().split())
        if words in NEEDS_MORE:
            return error_text("incomplete", len(session.prompt()), len(block.text))
        return error_text("unrecognized", len(session.prompt()), 0)


# -- helpers -----------------------------------------------------------------------------------
def _persona(session: Session) -> HuaweiVrp:
    persona = session.persona
    assert isinstance(persona, HuaweiVrp)
    return persona


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


def _pipe(session: Session, m: re.Match[str]) -> str:
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
    return net.display_bgp_peer(sessions, bgp.asn, router_id, _persona(session).family)


def _display_bgp_peer_verbose(session: Session, m: re.Match[str]) -> str:
    bgp = session.device.config.bgp
    address = m.group("address")
    found = [s for s in session.lab.state.bgp(session.device.name) if str(s.neighbor) == address]
    if bgp is None or not found:
        return "Info: The peer does not exist.\n"
    return net.display_bgp_peer_verbose(found[0], bgp.asn)


def _ospf_router_ids(session: Session) -> dict[str, str]:
    processes = session.device.config.ospf
    return {pid: _router_id(session, proc.router_id) for pid, proc in processes.items()}


def _display_ospf_peer(session: Session, m: re.Match[str]) -> str:
    neighbors = session.lab.state.ospf(session.device.name)
    addresses = _addresses(_ports(session))
    return net.display_ospf_peer(neighbors, _ospf_router_ids(session), addresses)


def _display_ospf_brief(session: Session, m: re.Match[str]) -> str:
    neighbors = session.lab.state.ospf(session.device.name)
    return net.display_ospf_peer_brief(neighbors, _ospf_router_ids(session))


def _routes(session: Session, verbose: bool) -> str:
    state, name = session.lab.state, session.device.name
    ebgp = {s.neighbor for s in state.bgp(name) if s.remote_as != s.local_as}
    addresses = _addresses(state.ports(name))
    build = net.display_ip_routing_table_verbose if verbose else net.display_ip_routing_table
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
