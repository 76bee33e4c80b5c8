"""ZTE ZXROS NG (ZXR10 routers and switches, ZXCTN): lands at `HOST#`, `configure terminal`
enters `HOST(config)#`, views are `HOST(config-if-gei-1/1/0/1)#`, `HOST(config-lldp)#`;
`no` negates; `show` runs in every mode; a change applies at once (ZXROS NG's default
`commit-mode automatic`); `write` saves the running configuration as the startup one.

The running configuration is stored and shown in ZXROS's layout: one `!<section>` ...
`!</section>` pair per feature, two blanks of indentation per view, a `$` line closing every
view (the layout `orchestrator.syntax.zte_zxros` reads and writes). Restore is saved-file
based: `write` keeps the configuration, `show startup-config` reads it back, and the device
layer replays the difference.

Checked against the ZXROS NG command reference and real output: the prompts above, `configure
terminal`'s banner, `%Error 140303: Invalid input detected at '^' marker.` (with its caret
line), `%Error 140305: Incomplete command.`, `%Error 140301: Ambiguous command`, `!` leaving a
view. Not checked (no source): the exact words of `write`, the name `show startup-config`,
the prompts of views other than interface, LLDP, MAC and GRE.
"""

from __future__ import annotations

import re
import time
from typing import ClassVar

from orchestrator.lab.configtree import Block, ConfigTree
from orchestrator.lab.platforms import zte_zxros_show as show
from orchestrator.lab.session import (
    Command,
    Persona,
    Section,
    Session,
    command,
    section,
    validate_in_layout,
)
from orchestrator.lab.state import PortState, VlanState

_IF = r"interface (\S+)"

#: top-level line -> the `!<section>` ZXROS prints it in, in the order of the running config
SECTION_ORDER: tuple[tuple[str, str], ...] = (
    (r"hostname |ip domain|ip name-server|clock |enable secret|banner ", "system-config"),
    (r"ip vrf ", "vrf"),
    (r"ntp ", "ntp"),
    (r"syslog", "syslog"),
    (r"snmp-server", "snmp"),
    (r"interface ", "if-intf"),
    (r"switchvlan-configuration", "switchvlan"),
    (r"vlan-configuration", "vlan-configuration"),
    (r"lacp$", "lacp"),
    (r"vrrp$", "vrrp"),
    (r"arp$", "arp"),
    (r"lldp$", "lldp"),
    (r"mac$", "mac"),
    (r"ipv[46]-access-", "acl"),
    (r"ip prefix-list|route-map |ip community-list|ip as-path|ip extcommunity", "route-map"),
    (r"class-map |policy-map |service-policy ", "qos"),
    (r"ip pool |dhcp$|ip dhcp ", "dhcp-relay"),
    (r"gre-config", "gre-tunnel"),
    (r"isakmp ", "isakmp"),
    (r"crypto |ipsec-config", "ipsec"),
    (r"ip route ", "static"),
    (r"router ospf ", "ospfv2"),
    (r"router bgp ", "bgp"),
    (r"tacacs|tacplus|radius|aaa-", "aaa"),
    (r"system-user|login ", "system-user"),
    (r"line ", "line"),
    (r"ssh ", "ssh"),
    (r"spantree", "stp"),
)


class ZteZxros(Persona):
    platform: ClassVar[str] = "zte_zxros"
    #: entering configuration prints a banner, so it is a command (see `exec_commands`)
    config_enter: ClassVar[tuple[str, ...]] = ()
    config_end: ClassVar[tuple[str, ...]] = ("end",)
    #: `exit` goes up one view, as do `!` (command reference examples) and `$`, the line that
    #: closes a view in the stored configuration (so a saved configuration can be pasted back)
    config_up: ClassVar[tuple[str, ...]] = ("exit", "!", "$")
    negation: ClassVar[str] = "no"
    exec_prefix: ClassVar[str | None] = None
    exec_anywhere: ClassVar[re.Pattern[str] | None] = re.compile(r"show\s", re.I)
    sections: ClassVar[tuple[Section, ...]] = (
        section(_IF, "interface", "config-if-{1}"),
        section(r"lldp", "lldp", "config-lldp"),
        section(_IF, "lldp-if", "config-lldp-if-{1}", ("lldp",)),
        section(r"mac", "mac", "config-mac"),
        section(r"gre-config", "gre", "config-gre"),
        section(_IF, "gre-if", "config-gre-if-{1}", ("gre",)),
        section(r"router ospf (\d+)(?: vrf \S+)?", "ospf", "config-ospf-{1}"),
        section(r"area (\S+)", "ospf-area", "config-ospf-area-{1}", ("ospf",)),
        section(_IF, "ospf-if", "config-ospf-if-{1}", ("ospf", "ospf-area")),
        section(r"router bgp (\d+)", "bgp", "config-bgp"),
        section(r"address-family (.+)", "bgp-af", "config-bgp-af", ("bgp",)),
        section(r"ip vrf (\S+)", "vrf", "config-vrf-{1}"),
        section(r"address-family (ipv4|ipv6)", "vrf-af", "config-vrf-af-{1}", ("vrf",)),
        section(r"vrrp", "vrrp", "config-vrrp"),
        section(_IF, "vrrp-if", "config-vrrp-if-{1}", ("vrrp",)),
        section(r"lacp", "lacp", "config-lacp"),
        section(_IF, "lacp-if", "config-lacp-if-{1}", ("lacp",)),
        section(r"switchvlan-configuration", "swvlan", "config-swvlan"),
        section(r"vlan (\d+)", "swvlan-vlan", "config-swvlan-vlan{1}", ("swvlan",)),
        section(_IF, "swvlan-if", "config-swvlan-if-{1}", ("swvlan",)),
        section(r"vlan-configuration", "vlancfg", "config-vlan"),
        section(_IF, "vlancfg-if", "config-vlan-if-{1}", ("vlancfg",)),
        section(r"arp", "arp", "config-arp"),
        section(_IF, "arp-if", "config-arp-if-{1}", ("arp",)),
        section(r"spantree", "stp", "config-stp"),
        section(r"system-user", "system-user", "config-system-user"),
        section(
            r"(user-name|authentication-template|authorization-template) (\S+)",
            "system-user-item",
            "config-system-user-{1}",
            ("system-user",),
        ),
        section(
            r"aaa-(authentication|authorization|accounting)-template (\d+)",
            "aaa",
            "config-aaa-{1}-template",
        ),
        section(r"tacplus group-server (\S+)", "tacplus", "config-sg-tacacs"),
        section(r"ipv4-access-list (\S+)", "acl", "config-ipv4-acl"),
        section(r"route-map (\S+)(?: (permit|deny))?(?: (\d+))?", "route-map", "config-route-map"),
        section(r"class-map (\S+)(?: .*)?", "class-map", "config-cmap"),
        section(r"policy-map (\S+)", "policy-map", "config-pmap"),
        section(r"class (\S+)", "pmap-class", "config-pmap-c", ("policy-map",)),
        section(r"ip pool (\S+)", "pool", "config-ip-pool"),
        section(r"dhcp", "dhcp", "config-dhcp"),
        section(_IF, "dhcp-if", "config-dhcp-if-{1}", ("dhcp",)),
        section(r"ip dhcp relay server group (\d+)", "relay", "config-dhcp-relay-group"),
    )
    replace_keys: ClassVar[tuple[str, ...]] = (
        r"description ",
        r"hostname ",
        r"ip address (?=\S+ \S+$)",  # one primary address: a new one replaces it
        r"mtu ",
        r"router-id ",
        r"bgp router-id ",
        r"neighbor \S+ remote-as ",
        r"switchport mode ",
        r"switchport access vlan ",
        r"clock timezone ",
    )
    indent: ClassVar[int] = 2
    separator: ClassVar[str | None] = None
    invalid_input: ClassVar[str] = "{pad}^\n%Error 140303: Invalid input detected at '^' marker.\n"
    incomplete_input: ClassVar[str] = "%Error 140305: Incomplete command.\n"
    ambiguous_input: ClassVar[str] = "%Error 140301: Ambiguous command\n"
    incomplete: ClassVar[tuple[str, ...]] = (
        r"description",
        r"hostname",
        r"ip address(?: \S+)?",
        r"ip route(?: \S+){0,2}",
        r"interface",
        r"router (?:ospf|bgp)",
        r"neighbor \S+(?: remote-as)?",
        r"network",
        r"switchport access(?: vlan)?",
        r"show",
    )
    #: prefixes that could be more than one command (`con t`: configure or connect)
    ambiguous: ClassVar[tuple[str, ...]] = (r"con t", r"con", r"s", r"sh(?:o)? i")
    login_banner: ClassVar[str] = ""
    motd: ClassVar[str] = "\n"
    more_prompt: ClassVar[str] = " --More-- "
    default_model: ClassVar[str] = "ZXCTN 6120H-S"
    default_version: ClassVar[str] = "6120H-S V5.10.00.50"

    # -- prompts and text ---------------------------------------------------------------------
    def exec_prompt(self, session: Session) -> str:
        return f"{session.device.hostname}#"

    def config_prompt(self, session: Session) -> str:
        view = session.views[-1].prompt if session.views else "config"
        return f"{session.device.hostname}({view or 'config'})#"

    def top_view(self) -> str:
        return "config"

    def is_view(self, text: str, kinds: tuple[str, ...]) -> bool:
        return any(s.pattern.fullmatch(text) and set(s.parents) & set(kinds) for s in self.sections)

    def layout(self, tree: ConfigTree) -> list[tuple[str, Block | None]]:
        """The stored configuration line by line, each with the block it writes: top-level
        blocks grouped into `!<section>`s in ZXROS's order; every view closed by `$`."""
        groups: dict[str, list[Block]] = {}
        for block in tree.root.children:
            if block.text.startswith("!"):
                continue  # comments and section markers pasted in are not configuration
            groups.setdefault(_section_of(block.text), []).append(block)
        order = [name for _, name in SECTION_ORDER]
        out: list[tuple[str, Block | None]] = []
        for name in sorted(groups, key=lambda n: order.index(n) if n in order else len(order)):
            out.append((f"!<{name}>", None))
            for block in groups[name]:
                out += self._render(block, 0, ("",))
            out.append((f"!</{name}>", None))
        return out

    def _render(
        self, block: Block, depth: int, parents: tuple[str, ...]
    ) -> list[tuple[str, Block | None]]:
        pad = "  " * depth
        lines: list[tuple[str, Block | None]] = [(pad + block.text, block)]
        kinds = tuple(
            s.kind
            for s in self.sections
            if s.pattern.fullmatch(block.text) and set(s.parents) & set(parents)
        )
        if block.children or kinds:
            for child in block.children:
                lines += self._render(child, depth + 1, kinds or ("",))
            lines.append((pad + "$", None))
        return lines

    def config_text(self, tree: ConfigTree) -> str:
        return "".join(text + "\n" for text, _ in self.layout(tree))

    def validate(self, session: Session, tree: ConfigTree, block: Block) -> str | None:
        return validate_in_layout(self, session, self.layout(tree), block)

    def show_running(self, session: Session) -> str:
        device = session.device
        stamp = time.strftime("%H:%M:%S %a %b %d %Y", time.gmtime())
        saved = (
            f"!configuration saved at {stamp} by write"
            if device.saved_text == device.running_text
            else "!configuration has not been saved since the last change"
        )
        header = (
            f"!<mim>\n{saved}\n!last configuration change at {stamp} by {session.user}\n!</mim>\n"
        )
        return header + device.running_text

    # -- errors -------------------------------------------------------------------------------
    def invalid(self, session: Session, line: str, position: int = 0) -> str:
        text = line.strip()
        if any(re.fullmatch(p, text, re.I) for p in self.ambiguous):
            return self.ambiguous_input
        if any(re.fullmatch(p, text, re.I) for p in self.incomplete):
            return self.incomplete_input
        return self.invalid_input.format(pad=" " * (len(session.prompt()) + position), line=line)

    # -- commands -----------------------------------------------------------------------------
    def exec_commands(self) -> list[Command]:
        return [
            command(r"conf(?:ig(?:ure)?)? t(?:erminal)?", _configure),
            command(r"terminal length 0", _paging_off),
            command(r"terminal length \d+", _paging_on),
            command(r"enable", _nothing),
            command(r"show running-config(?: (\S+))?", _show_running),
            command(r"show startup-config", _show_startup),
            command(r"show ver(?:sion)?", _show_version),
            command(r"show (?:ip )?int(?:erface)? br(?:ief)?", _show_brief),
            command(r"show int(?:erface)?(?: (\S+))?", _show_interface),
            command(r"show lldp neighbor brief", _show_lldp_brief),
            command(r"show lldp neighbor", _show_lldp),
            command(r"show lldp entry", _show_lldp_entry),
            command(r"show ip bgp summary", _show_bgp),
            command(r"show ip ospf neighbor(?: detail)?", _show_ospf),
            command(r"show ip route", _show_route),
            command(r"show arp", _show_arp),
            command(r"show mac(?: table)?", _show_mac),
            command(r"show vlan", _show_vlan),
            command(r"show is(?:is)? ad(?:jacency)?", _nothing),
            command(r"show mpls traffic-eng tunnels", _nothing),
            command(r"write", _write),
            command(r"exit|quit", _exit),
        ]


def _section_of(text: str) -> str:
    for pattern, name in SECTION_ORDER:
        if re.match(pattern, text):
            return name
    return text.split()[0]


def _ports(session: Session) -> list[PortState]:
    return session.lab.state.ports(session.device.name)


def _configure(session: Session, m: re.Match[str]) -> str:
    session.enter_config()
    return "Enter configuration commands, one per line.  End with CTRL/Z.\n"


def _paging_off(session: Session, m: re.Match[str]) -> str:
    session.paging = False
    return ""


def _paging_on(session: Session, m: re.Match[str]) -> str:
    session.paging = True
    return ""


def _nothing(session: Session, m: re.Match[str]) -> str:
    return ""


def _show_running(session: Session, m: re.Match[str]) -> str:
    text = session.persona.show_running(session)
    wanted = m.group(1)
    if not wanted:
        return text
    found = re.search(rf"^!<{re.escape(wanted)}>\n.*?^!</{re.escape(wanted)}>\n", text, re.M | re.S)
    return found.group(0) if found else ""


def _show_startup(session: Session, m: re.Match[str]) -> str:
    return session.device.saved_text or ""


def _show_version(session: Session, m: re.Match[str]) -> str:
    d = session.device
    return show.show_version(d.model, d.version, d.uptime())


def _ifindex(ports: list[PortState]) -> dict[str, int]:
    return {p.name: 8193 + i for i, p in enumerate(ports)}


def _show_interface(session: Session, m: re.Match[str]) -> str:
    ports = _ports(session)
    index = _ifindex(ports)
    if m.group(1):
        ports = [p for p in ports if p.name.lower() == m.group(1).lower()]
        if not ports:
            return session.persona.invalid(session, m.group(0), m.start(1))
    return show.show_interface(ports, index)


def _show_brief(session: Session, m: re.Match[str]) -> str:
    if " ip " in f" {m.group(0).lower()} ":
        return show.show_ip_interface_brief(_ports(session))
    return show.show_interface_brief(_ports(session))


def _show_lldp(session: Session, m: re.Match[str]) -> str:
    return show.show_lldp_neighbor(session.lab.state.lldp(session.device.name))


def _show_lldp_brief(session: Session, m: re.Match[str]) -> str:
    return show.show_lldp_neighbor_brief(session.lab.state.lldp(session.device.name))


def _show_lldp_entry(session: Session, m: re.Match[str]) -> str:
    return show.show_lldp_entry(session.lab.state.lldp(session.device.name))


def _show_bgp(session: Session, m: re.Match[str]) -> str:
    bgp = session.device.config.bgp
    if bgp is None:
        return ""
    return show.show_bgp_summary(
        session.lab.state.bgp(session.device.name), bgp.router_id or "0.0.0.0", bgp.asn
    )


def _show_ospf(session: Session, m: re.Match[str]) -> str:
    processes = session.device.config.ospf.values()
    router_id = next((p.router_id for p in processes if p.router_id), None) or "0.0.0.0"
    return show.show_ospf_neighbor(session.lab.state.ospf(session.device.name), router_id)


def _show_route(session: Session, m: re.Match[str]) -> str:
    return show.show_ip_route(session.lab.state.routes(session.device.name), _ports(session))


def _show_arp(session: Session, m: re.Match[str]) -> str:
    return show.show_arp(session.lab.state.arp(session.device.name))


def _show_mac(session: Session, m: re.Match[str]) -> str:
    return show.show_mac(session.lab.state.macs(session.device.name))


def _show_vlan(session: Session, m: re.Match[str]) -> str:
    vlans = session.lab.state.vlans(session.device.name)
    if not vlans:  # until the topology computes VLANs: the configured ones
        config = session.device.config
        vlans = [VlanState(v.id, v.name or "", True) for v in config.vlans.values()]
    return show.show_vlan(vlans)


def _write(session: Session, m: re.Match[str]) -> str:
    device = session.device
    device.saved_text = device.running_text
    device.files["/sysdisk0/cfg/startrun.dat"] = device.running_text
    return "Building configuration...\n..[OK]\n"


def _exit(session: Session, m: re.Match[str]) -> str:
    session.closed = True
    return ""
