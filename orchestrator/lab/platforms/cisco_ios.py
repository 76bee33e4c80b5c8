"""Cisco IOS / IOS-XE (a Catalyst 9300 by default): `HOST#` privileged exec (`HOST>` after
`disable`), `HOST(config)#` and the sub-modes (`config-if`, `config-router`, `config-ext-nacl`,
`config-route-map`, `config-line`, ...), `do` in config mode, unique-prefix abbreviations
(`sh ip int br`, `conf t`, `wr`), `| include/exclude/begin/section`, and the errors in IOS's
words. Changes apply at once; `write memory` / `copy running-config startup-config` save.

The safety net (archive, `configure replace ... revert trigger error timer N`, `configure
confirm`, `tclsh` file writes) lives in `cisco_ios_archive.py`; the `show` layouts in
`cisco_ios_show.py`.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import ClassVar

from orchestrator.lab.configtree import Block, ConfigTree
from orchestrator.lab.platforms import cisco_ios_archive as arc
from orchestrator.lab.platforms import cisco_ios_files as files
from orchestrator.lab.platforms import cisco_ios_show as show
from orchestrator.lab.platforms import cisco_ios_show_routing as routing
from orchestrator.lab.platforms.cisco_common import (
    BOXES,
    NUM,
    WORD,
    CiscoCli,
    Extras,
    Syntax,
    cli,
)
from orchestrator.lab.platforms.cisco_ios_show import SHORT
from orchestrator.lab.session import Section, Session, section


@dataclass
class IosSession:
    privileged: bool = True


SESSIONS: Extras[IosSession] = Extras(IosSession)
_HEADER = re.compile(r"Building configuration|Current configuration|!")


class CiscoIos(CiscoCli):
    platform: ClassVar[str] = "cisco_ios"
    config_enter: ClassVar[tuple[str, ...]] = ()  # `configure terminal` is in the grammar
    config_end: ClassVar[tuple[str, ...]] = ("end",)
    config_up: ClassVar[tuple[str, ...]] = ("exit", "exit-address-family")
    negation: ClassVar[str] = "no"
    exec_prefix: ClassVar[str | None] = "do "
    sections: ClassVar[tuple[Section, ...]] = (
        section(r"interface (\S+\.\d+)(?: point-to-point)?", "subif", "config-subif"),
        section(r"interface (\S+)", "interface", "config-if"),
        section(r"router bgp (\S+)", "bgp", "config-router"),
        section(r"address-family (\S+)(?: .*)?", "bgp-af", "config-router-af", ("bgp",)),
        section(r"router (?:ospf|ospfv3|eigrp|rip|isis)(?: .*)?", "router", "config-router"),
        section(r"vlan (\d+)", "vlan", "config-vlan"),
        section(r"ip access-list extended (\S+)", "acl", "config-ext-nacl"),
        section(r"ip access-list standard (\S+)", "acl", "config-std-nacl"),
        section(r"ipv6 access-list (\S+)", "acl", "config-ipv6-acl"),
        section(r"route-map (\S+)(?: (?:permit|deny))?(?: \d+)?", "route-map", "config-route-map"),
        section(r"line (.+)", "line", "config-line"),
        section(r"archive", "archive", "config-archive"),
        section(r"vrf definition (\S+)", "vrf", "config-vrf"),
        section(r"ip vrf (\S+)", "vrf", "config-vrf"),
        section(r"address-family (ipv4|ipv6)(?: unicast)?", "vrf-af", "config-vrf-af", ("vrf",)),
        section(r"class-map(?: .*)?", "cmap", "config-cmap"),
        section(r"policy-map (\S+)", "pmap", "config-pmap"),
        section(r"class (\S+)", "pmap-c", "config-pmap-c", ("pmap",)),
        section(r"key chain (\S+)", "keychain", "config-keychain"),
        section(r"key (\d+)", "key", "config-keychain-key", ("keychain",)),
        section(r"ip dhcp pool (\S+)", "dhcp", "dhcp-config"),
        section(r"spanning-tree mst configuration", "mst", "config-mst"),
    )
    replace_keys: ClassVar[tuple[str, ...]] = (
        r"description ",
        r"hostname ",
        r"ip address (?=\S+ \S+$)",  # the primary address (not `... secondary`)
        r"mtu ",
        r"speed ",
        r"duplex ",
        r"name ",
        r"switchport mode ",
        r"switchport access vlan ",
        r"switchport trunk native vlan ",
        r"switchport trunk allowed vlan \d",
        r"channel-group ",
        r"vrf forwarding ",
        r"bgp router-id ",
        r"router-id ",
        r"neighbor \S+ remote-as ",
        r"neighbor \S+ description ",
        r"standby \d+ priority ",
        r"ip ospf cost ",
        r"ip ospf network ",
        r"path ",
        r"maximum ",
        r"exec-timeout ",
        r"logging buffered ",
        r"ip domain name ",
        r"ip domain-name ",
        r"enable secret ",
        r"spanning-tree mode ",
        r"ip ssh version ",
        r"clock timezone ",
    )
    indent: ClassVar[int] = 1
    separator: ClassVar[str | None] = "!"
    accepted_lines: ClassVar[tuple[str, ...]] = (
        r"file prompt(?: quiet| alert| noisy)?",
        r"ip scp server enable",
    )
    short_names: ClassVar[tuple[tuple[str, str], ...]] = SHORT
    login_banner: ClassVar[str] = ""
    motd: ClassVar[str] = ""
    more_prompt: ClassVar[str] = " --More-- "
    default_model: ClassVar[str] = "C9300-48P"
    default_version: ClassVar[str] = "17.9.4a"
    #: how long a minute of `revert timer N` lasts (tests shorten it)
    minute_seconds: ClassVar[float] = 60.0
    #: IOS shortens the hostname in config-mode prompts to this many characters
    config_host_width: ClassVar[int] = 20

    # -- prompts and text -----------------------------------------------------------------------
    def exec_prompt(self, session: Session) -> str:
        host = session.device.hostname
        tcl = files.TCL.of(session)
        if tcl.target is not None:
            return "+>"
        if tcl.active:
            return f"{host}(tcl)#"
        return f"{host}#" if self.privileged(session) else f"{host}>"

    def config_prompt(self, session: Session) -> str:
        view = session.views[-1].prompt if session.views else "config"
        return f"{session.device.hostname[: self.config_host_width]}({view})#"

    def minute(self) -> float:
        """Seconds in one minute of a revert timer, read when the timer starts."""
        return float(type(self).minute_seconds)

    def privileged(self, session: Session) -> bool:
        return SESSIONS.of(session).privileged

    def config_text(self, tree: ConfigTree) -> str:
        kept = [b for b in tree.root.children if not _HEADER.match(b.text)]
        clean = ConfigTree(Block("", kept), tree.replace_keys)
        return clean.text(self.indent, self.separator) + "end\n"

    def show_running(self, session: Session) -> str:
        text = files.running(session)
        box = BOXES.of(session.device)
        if box.changed_by:
            stamp = time.strftime("%H:%M:%S UTC %a %b %d %Y", time.gmtime(box.changed_at))
            text = f"!\n! Last configuration change at {stamp} by {box.changed_by}\n{text}"
        return f"Building configuration...\n\nCurrent configuration : {len(text)} bytes\n{text}"

    def commit(self, session: Session, tree: ConfigTree) -> None:
        super().commit(session, tree)
        box = BOXES.of(session.device)
        box.changed_at, box.changed_by = time.time(), session.user

    def run(self, session: Session, text: str) -> str:
        if files.TCL.of(session).active:
            answer = files.tcl_line(session, text)
            if answer is not None:
                return answer
        return super().run(session, text)

    # -- commands -------------------------------------------------------------------------------
    def cli_syntaxes(self) -> list[Syntax]:
        nothing = _nothing
        return [
            cli("enable", _enable, user=True),
            cli("disable", _disable),
            cli("exit", _exit, user=True),
            cli("logout", _exit, user=True),
            cli("quit", _exit, user=True),
            cli(f"terminal length {NUM}", _length, user=True),
            cli(f"terminal width {NUM}", _width, user=True),
            cli("terminal monitor", nothing, user=True),
            cli("terminal no monitor", nothing, user=True),
            cli("configure terminal", _configure),
            cli(
                f"configure terminal revert timer {NUM}",
                lambda s, a: _revertable(s, a, self.minute()),
            ),
            cli("configure replace LINE", lambda s, a: arc.configure_replace(s, a, self.minute())),
            cli("configure confirm", arc.configure_confirm),
            cli("configure revert now", lambda s, a: arc.configure_revert(s, ["now"], 0)),
            cli(
                f"configure revert timer {NUM}",
                lambda s, a: arc.configure_revert(s, a, self.minute()),
            ),
            cli("write", arc.write_memory),
            cli("write memory", arc.write_memory),
            cli(f"copy {WORD} {WORD}", files.copy),
            cli("dir", files.dir_listing),
            cli(f"dir {WORD}", files.dir_listing),
            cli(f"more {WORD}", files.more),
            cli(f"verify /md5 {WORD}", files.verify_md5),
            cli(f"delete {WORD}", files.delete),
            cli(f"delete /force {WORD}", lambda s, a: files.delete(s, ["/force", *a])),
            cli("archive config", _archive_config),
            cli("tclsh", _tclsh),
            cli("show running-config", lambda s, a: self.show_running(s)),
            cli("show running-config all", lambda s, a: self.show_running(s)),
            cli("show startup-config", _startup),
            cli("show version", lambda s, a: show.version(s), user=True),
            cli("show clock", lambda s, a: show.clock_now(s), user=True),
            cli("show hosts", lambda s, a: show.hosts(s)),
            cli("show interfaces", lambda s, a: show.interfaces(s)),
            cli(f"show interfaces {WORD}", lambda s, a: show.interfaces(s, _long(a[0]))),
            cli("show interfaces description", lambda s, a: show.interfaces_description(s)),
            cli("show ip interface", lambda s, a: show.ip_interface(s)),
            cli("show ip interface brief", lambda s, a: show.ip_interface_brief(s)),
            cli("show ipv6 interface", nothing),
            cli("show ipv6 interface brief", nothing),
            cli("show lldp neighbors", lambda s, a: routing.lldp_neighbors(s)),
            cli("show lldp neighbors detail", lambda s, a: routing.lldp_neighbors_detail(s)),
            cli("show ip bgp summary", lambda s, a: routing.bgp_summary(s)),
            cli("show ip bgp all summary", lambda s, a: routing.bgp_summary(s, families=True)),
            cli("show bgp all summary", lambda s, a: routing.bgp_summary(s, families=True)),
            cli("show bgp ipv4 unicast summary", lambda s, a: routing.bgp_summary(s)),
            cli("show ip bgp neighbors", lambda s, a: routing.bgp_neighbors(s)),
            cli("show bgp ipv4 unicast neighbors", lambda s, a: routing.bgp_neighbors(s)),
            cli("show bgp ipv4 multicast neighbors", nothing),
            cli("show bgp ipv6 unicast neighbors", nothing),
            cli("show bgp ipv6 multicast neighbors", nothing),
            cli("show bgp vpnv4 unicast all neighbors", nothing),
            cli("show bgp vpnv6 unicast all neighbors", nothing),
            cli("show bgp ipv4 mdt all neighbors", nothing),
            cli("show ip ospf neighbor", lambda s, a: routing.ospf_neighbor(s)),
            cli("show ip ospf neighbor detail", lambda s, a: routing.ospf_neighbor_detail(s)),
            cli("show ip route", lambda s, a: routing.ip_route(s)),
            cli("show ip arp", lambda s, a: routing.ip_arp(s)),
            cli("show arp", lambda s, a: routing.ip_arp(s)),
            cli("show mac address-table", lambda s, a: show.mac_address_table(s)),
            cli("show vlan", lambda s, a: show.vlan(s, brief=False)),
            cli("show vlan brief", lambda s, a: show.vlan(s, brief=True)),
            cli("show etherchannel summary", lambda s, a: show.etherchannel_summary(s)),
            cli("show archive", arc.show_archive),
            cli("show archive config rollback timer", arc.rollback_timer),
            cli(f"show archive config differences {WORD} {WORD}", files.config_differences),
            cli(f"show archive config incremental-diffs {WORD}", files.incremental_diffs),
            cli(
                f"show archive config incremental-diffs {WORD} ignorecase",
                files.incremental_diffs,
            ),
        ]


def _long(name: str) -> str:
    """``Gi1/0/1`` → ``GigabitEthernet1/0/1`` (IOS takes either)."""
    for long, short in SHORT:
        if name.lower().startswith(short.lower()) and name[len(short) : len(short) + 1].isdigit():
            return long + name[len(short) :]
    return name


def _nothing(session: Session, args: list[str]) -> str:
    return ""


def _enable(session: Session, args: list[str]) -> str:
    state = SESSIONS.of(session)
    if state.privileged:
        return ""

    def answer(s: Session, reply: str) -> str:
        # the lab keeps no enable secret of its own: any answer opens privileged mode
        state.privileged = True
        return ""

    return session.ask("Password: ", answer)


def _disable(session: Session, args: list[str]) -> str:
    SESSIONS.of(session).privileged = False
    return ""


def _exit(session: Session, args: list[str]) -> str:
    session.closed = True
    return ""


def _length(session: Session, args: list[str]) -> str:
    length = int(args[0])
    session.paging = length > 0
    session.page_length = length or session.page_length
    return ""


def _width(session: Session, args: list[str]) -> str:
    session.width = int(args[0])
    return ""


def _configure(session: Session, args: list[str]) -> str:
    session.enter_config()
    return "Enter configuration commands, one per line.  End with CNTL/Z.\n"


def _revertable(session: Session, args: list[str], minute: float) -> str:
    if arc.archive_settings(session) is None:
        return arc.ARCHIVE_OFF
    arc.start_revert(session, int(args[0]), minute)
    return _configure(session, [])


def _archive_config(session: Session, args: list[str]) -> str:
    return "" if arc.archive_now(session) else "%Archive path not configured\n"


def _tclsh(session: Session, args: list[str]) -> str:
    files.TCL.of(session).active = True
    return ""


def _startup(session: Session, args: list[str]) -> str:
    persona = session.persona
    text = persona.config_text(persona.tree(session.device.saved_text or ""))
    return f"Using {len(text)} out of 2097152 bytes\n{text}"
