"""Cisco NX-OS (a Nexus 9300 by default): `HOST#`, `HOST(config)#` and its sub-modes
(`config-if`, `config-router`, `config-router-neighbor`, `config-vlan`, `config-if-hsrp`, ...),
NX-OS's own errors ("% Invalid command at '^' marker."), two-space indented running config
with its `!Command:` header, `copy running-config startup-config`, and the NX-OS safety net:
checkpoints (`checkpoint NAME`, `checkpoint file bootflash:F`, `no checkpoint NAME`,
`show checkpoint summary`) and `rollback running-config checkpoint NAME | file bootflash:F`.
"""

from __future__ import annotations

import time
from typing import ClassVar

from orchestrator.lab.configtree import ConfigTree
from orchestrator.lab.platforms import cisco_nxos_show as show
from orchestrator.lab.platforms import cisco_nxos_show_routing as routing
from orchestrator.lab.platforms.cisco_common import (
    BOXES,
    WORD,
    Checkpoint,
    CiscoCli,
    CliErrors,
    Syntax,
    cli,
    file_key,
    write_file,
)
from orchestrator.lab.session import Section, Session, section

STAMP = "%a %b %d %H:%M:%S %Y"
MAX_CHECKPOINTS = 10


class CiscoNxos(CiscoCli):
    platform: ClassVar[str] = "cisco_nxos"
    config_enter: ClassVar[tuple[str, ...]] = ()  # in the grammar, with its banner
    config_end: ClassVar[tuple[str, ...]] = ("end",)
    config_up: ClassVar[tuple[str, ...]] = ("exit",)
    negation: ClassVar[str] = "no"
    exec_prefix: ClassVar[str | None] = "do "
    sections: ClassVar[tuple[Section, ...]] = (
        section(r"interface (\S+)", "interface", "config-if"),
        section(r"hsrp (\d+)(?: .*)?", "hsrp", "config-if-hsrp", ("interface",)),
        section(r"vrrp (\d+)", "vrrp", "config-if-vrrp", ("interface",)),
        section(r"router bgp (\S+)", "bgp", "config-router"),
        section(r"vrf (\S+)", "bgp-vrf", "config-router-vrf", ("bgp",)),
        section(r"template peer (\S+)", "bgp-neighbor", "config-router-ptmp", ("bgp",)),
        section(
            r"neighbor (\S+)(?: remote-as \S+)?",
            "bgp-neighbor",
            "config-router-neighbor",
            ("bgp", "bgp-vrf"),
        ),
        section(
            r"address-family (\S+ \S+)",
            "bgp-neighbor-af",
            "config-router-neighbor-af",
            ("bgp-neighbor",),
        ),
        section(r"address-family (\S+ \S+)", "bgp-af", "config-router-af", ("bgp", "bgp-vrf")),
        section(r"router (?:ospf|ospfv3|eigrp|isis) (\S+)", "router", "config-router"),
        section(r"vlan ([\d,\-]+)", "vlan", "config-vlan"),
        section(r"vrf context (\S+)", "vrf", "config-vrf"),
        section(r"address-family (\S+ \S+)", "vrf-af", "config-vrf-af-ipv4", ("vrf",)),
        section(r"ip access-list (\S+)", "acl", "config-acl"),
        section(r"route-map (\S+)(?: (?:permit|deny))?(?: \d+)?", "route-map", "config-route-map"),
        section(r"line (console)", "line", "config-console"),
        section(r"line (vty)", "line", "config-line"),
        section(r"vdc (\S+)(?: id \d+)?", "vdc", "config-vdc"),
        section(r"key chain (\S+)", "keychain", "config-keychain"),
        section(r"class-map(?: .*)?", "cmap", "config-cmap-qos"),
        section(r"policy-map(?: .*)?", "pmap", "config-pmap-qos"),
        section(r"vpc domain (\d+)", "vpc", "config-vpc-domain"),
    )
    replace_keys: ClassVar[tuple[str, ...]] = (
        r"description ",
        r"hostname ",
        r"ip address (?=\S+$)",
        r"mtu ",
        r"speed ",
        r"duplex ",
        r"name ",
        r"switchport mode ",
        r"switchport access vlan ",
        r"switchport trunk native vlan ",
        r"switchport trunk allowed vlan (?=\d)",
        r"channel-group ",
        r"vrf member ",
        r"router-id ",
        r"remote-as ",
        r"priority ",
        r"ip ospf cost ",
        r"ip ospf network ",
        r"ip router ospf \S+ area ",
        r"hsrp version ",
        r"ip domain-name ",
        r"spanning-tree mode ",
    )
    indent: ClassVar[int] = 2
    separator: ClassVar[str | None] = None
    invalid_input: ClassVar[str] = "{pad}^\n% Invalid command at '^' marker.\n"
    errors: ClassVar[CliErrors] = CliErrors(
        invalid="{pad}^\n% Invalid command at '^' marker.\n",
        incomplete="{pad}^\n% Incomplete command at '^' marker.\n",
        ambiguous="{pad}^\n% Ambiguous command at '^' marker.\n",
    )
    short_names: ClassVar[tuple[tuple[str, str], ...]] = show.SHORT
    default_fs: ClassVar[str] = "bootflash:"
    login_banner: ClassVar[str] = ""
    motd: ClassVar[str] = (
        "Cisco NX-OS Software\n"
        "Copyright (c) 2002-2023, Cisco Systems, Inc. All rights reserved.\n"
        'Nexus 9000v software ("Nexus 9000v Software") and related documentation,\n'
        'files or other reference materials ("Documentation") are\n'
        "the proprietary property and confidential information of Cisco\n"
        'Systems, Inc. ("Cisco") and are protected, without limitation,\n'
        "pursuant to United States and International copyright and trademark\n"
        "laws in the applicable jurisdiction which provide civil and criminal\n"
        "penalties for copying or distribution without Cisco's authorization.\n"
    )
    more_prompt: ClassVar[str] = " --More-- "
    default_model: ClassVar[str] = "C93180YC-FX"
    default_version: ClassVar[str] = "9.3(10)"
    #: top-level blocks NX-OS sets off with a blank line in `show running-config`
    spaced_blocks: ClassVar[tuple[str, ...]] = ("interface ",)

    # -- text -------------------------------------------------------------------------------------
    def config_text(self, tree: ConfigTree) -> str:
        out: list[str] = []
        for block in tree.root.children:
            if block.text.startswith("!"):
                continue
            spaced = block.text.startswith(self.spaced_blocks)
            if spaced and out and out[-1] != "":
                out.append("")
            out.append(block.text)
            out += [" " * (self.indent * depth) + b.text for depth, b in block.walk(1)]
            if spaced:
                out.append("")
        return "\n".join(out).strip("\n") + "\n"

    def tree(self, text: str) -> ConfigTree:
        return ConfigTree.from_text(text, self._keys)

    def show_running(self, session: Session) -> str:
        text = running(session)
        box = BOXES.of(session.device)
        changed = time.strftime(STAMP, time.gmtime(box.changed_at))
        return (
            "\n!Command: show running-config\n"
            f"!Running configuration last done at: {changed}\n"
            f"!Time: {time.strftime(STAMP, time.gmtime())}\n\n{text}\n"
        )

    def commit(self, session: Session, tree: ConfigTree) -> None:
        super().commit(session, tree)
        box = BOXES.of(session.device)
        box.changed_at, box.changed_by = time.time(), session.user

    # -- commands ---------------------------------------------------------------------------------
    def cli_syntaxes(self) -> list[Syntax]:
        return [
            cli("exit", _exit),
            cli("terminal length WORD", _length),
            cli("terminal width WORD", _nothing),
            cli("terminal session-timeout WORD", _nothing),
            cli("configure terminal", _configure),
            cli("configure", _configure),
            cli("copy running-config startup-config", _save),
            cli(f"copy running-config {WORD}", _copy_to_file),
            cli("dir", _dir),
            cli(f"dir {WORD}", _dir),
            cli("checkpoint", lambda s, a: _checkpoint(s, None, "")),
            cli(f"checkpoint {WORD}", lambda s, a: _checkpoint(s, a[0], "")),
            cli(f"checkpoint {WORD} description LINE", lambda s, a: _checkpoint(s, a[0], a[1])),
            cli(f"checkpoint file {WORD}", _checkpoint_file),
            cli(f"no checkpoint {WORD}", _drop_checkpoint),
            cli("clear checkpoint database", _clear_checkpoints),
            cli(f"rollback running-config checkpoint {WORD}", _rollback),
            cli(f"rollback running-config checkpoint {WORD} {WORD}", _rollback),
            cli(f"rollback running-config file {WORD}", _rollback_file),
            cli(f"rollback running-config file {WORD} {WORD}", _rollback_file),
            cli("show checkpoint summary", _checkpoint_summary),
            cli(f"show checkpoint {WORD}", _show_checkpoint),
            cli("show running-config", lambda s, a: self.show_running(s)),
            cli("show startup-config", _startup),
            cli("show version", lambda s, a: show.version(s)),
            cli("show hostname", lambda s, a: f"{s.device.hostname}\n"),
            cli("show interface", lambda s, a: show.interface(s)),
            cli(f"show interface {WORD}", lambda s, a: show.interface(s, a[0])),
            cli("show interface brief", lambda s, a: show.interface_brief(s)),
            cli("show ip interface brief", lambda s, a: show.ip_interface_brief(s)),
            cli("show ip interface brief vrf all", lambda s, a: show.ip_interface_brief(s)),
            cli("show lldp neighbors", lambda s, a: routing.lldp_neighbors(s)),
            cli("show lldp neighbors detail", lambda s, a: routing.lldp_neighbors_detail(s)),
            cli("show ip bgp summary", lambda s, a: routing.bgp_summary(s)),
            cli(f"show ip bgp summary vrf {WORD}", lambda s, a: routing.bgp_summary(s, a[0])),
            cli("show ip bgp neighbors", lambda s, a: routing.bgp_neighbors(s)),
            cli("show ip ospf neighbors", lambda s, a: routing.ospf_neighbors(s)),
            cli("show ip route", lambda s, a: routing.ip_route(s)),
            cli("show ip arp", lambda s, a: routing.ip_arp(s)),
            cli("show mac address-table", lambda s, a: show.mac_address_table(s)),
            cli("show vlan brief", lambda s, a: show.vlan_brief(s)),
            cli("show port-channel summary", lambda s, a: show.port_channel_summary(s)),
        ]


def running(session: Session) -> str:
    persona = session.persona
    return persona.config_text(persona.tree(session.device.running_text))


def _set_running(session: Session, text: str) -> None:
    session.device.set_running(text)
    session.lab.changed(session.device)
    box = BOXES.of(session.device)
    box.changed_at, box.changed_by = time.time(), session.user


def _nothing(session: Session, args: list[str]) -> str:
    return ""


def _exit(session: Session, args: list[str]) -> str:
    session.closed = True
    return ""


def _length(session: Session, args: list[str]) -> str:
    if not args[0].isdigit():
        return "% Invalid number, range is (0:511)\n"
    session.paging = int(args[0]) > 0
    session.page_length = int(args[0]) or session.page_length
    return ""


def _configure(session: Session, args: list[str]) -> str:
    session.enter_config()
    return "Enter configuration commands, one per line. End with CNTL/Z.\n"


def _save(session: Session, args: list[str]) -> str:
    session.device.saved_text = running(session)
    return (
        "[########################################] 100%\n"
        "Copy complete, now saving to disk (please wait)...\n"
        "Copy complete.\n"
    )


def _copy_to_file(session: Session, args: list[str]) -> str:
    write_file(session.device, file_key(args[0], "bootflash:"), running(session))
    return "Copy complete.\n"


def _startup(session: Session, args: list[str]) -> str:
    persona = session.persona
    text = persona.config_text(persona.tree(session.device.saved_text or ""))
    now = time.strftime(STAMP, time.gmtime())
    return (
        f"\n!Command: show startup-config\n!Time: {now}\n"
        f"!Startup config saved at: {now}\n\n{text}\n"
    )


def _dir(session: Session, args: list[str]) -> str:
    target = file_key(args[0], "bootflash:") if args else "bootflash:"
    fs, _, name = target.partition(":")
    files = {
        k.split(":", 1)[1]: v for k, v in session.device.files.items() if k.startswith(fs + ":")
    }
    if name and name not in files:
        return "No such file or directory\n"
    times = BOXES.of(session.device).file_times
    lines = []
    for fname, text in sorted(files.items()):
        if name and fname != name:
            continue
        stamp = time.strftime("%b %d %H:%M:%S %Y", time.gmtime(times.get(f"{fs}:{fname}", 0)))
        lines.append(f"{len(text.encode()):>12}    {stamp}  {fname}")
    used = sum(len(v.encode()) for v in files.values()) + 4160000000
    total = 53298520 * 1024
    lines += [
        "",
        f"Usage for {fs}://sup-local",
        f" {used} bytes used",
        f" {total - used} bytes free",
        f" {total} bytes total",
    ]
    return "\n".join(lines) + "\n"


# -- checkpoints and rollback ----------------------------------------------------------------------
def _checkpoint(session: Session, name: str | None, description: str) -> str:
    box = BOXES.of(session.device)
    if name is None:
        number = 1
        while f"user-checkpoint-{number}" in box.checkpoints:
            number += 1
        name = f"user-checkpoint-{number}"
    if name in box.checkpoints:
        return f"ERROR: Checkpoint name {name} is already in use\n"
    if len(box.checkpoints) >= MAX_CHECKPOINTS:
        return "ERROR: Maximum number of checkpoints reached\n"
    box.checkpoints[name] = Checkpoint(running(session), session.user, time.time(), description)
    return "." * 23 + "Done\n"


def _checkpoint_file(session: Session, args: list[str]) -> str:
    write_file(session.device, file_key(args[0], "bootflash:"), running(session))
    return "." * 23 + "Done\n"


def _drop_checkpoint(session: Session, args: list[str]) -> str:
    if BOXES.of(session.device).checkpoints.pop(args[0], None) is None:
        return f"ERROR: Checkpoint name {args[0]} doesn't exist\n"
    return ""


def _clear_checkpoints(session: Session, args: list[str]) -> str:
    BOXES.of(session.device).checkpoints.clear()
    return ""


def _checkpoint_summary(session: Session, args: list[str]) -> str:
    out = ["User Checkpoint Summary", "-" * 80]
    for index, (name, cp) in enumerate(BOXES.of(session.device).checkpoints.items(), start=1):
        created = time.strftime("%a, %H:%M:%S %d %b %Y", time.gmtime(cp.at))
        out += [
            f"{index}) {name}:",
            f"Created by {cp.user}",
            f"Created at {created}",
            f"Size is {len(cp.text.encode()):,} bytes",
            f"Description: {cp.description or 'None'}",
            "",
        ]
    return "\n".join(out) + "\n"


def _show_checkpoint(session: Session, args: list[str]) -> str:
    cp = BOXES.of(session.device).checkpoints.get(args[0])
    if cp is None:
        return f"ERROR: Checkpoint name {args[0]} doesn't exist\n"
    return f"\n!Command: Checkpoint cmd vdc 1\n!Time: {time.ctime(cp.at)}\n\n{cp.text}\n"


def _apply(session: Session, text: str) -> str:
    _set_running(session, text)
    return (
        "Note: Applying config parallelly may fail Rollback verification\n"
        "Collecting Running-Config\n"
        "#Generating Rollback Patch\n"
        "Executing Rollback Patch\n"
        "#Generating Running-config for verification\n"
        "#Generating Patch for verification\n"
        "Verification is Successful.\n\n"
        "Rollback completed successfully.\n\n"
    )


def _rollback(session: Session, args: list[str]) -> str:
    cp = BOXES.of(session.device).checkpoints.get(args[0])
    if cp is None:
        return f"ERROR: Checkpoint name {args[0]} doesn't exist\n"
    return _apply(session, cp.text)


def _rollback_file(session: Session, args: list[str]) -> str:
    text = session.device.files.get(file_key(args[0], "bootflash:"))
    if text is None:
        return "No such file or directory\n"
    return _apply(session, text)
