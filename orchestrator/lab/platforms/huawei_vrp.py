"""Huawei VRP5 (AR routers, S-series switches): `<HOST>` user view, `[HOST]` system view,
`[HOST-GigabitEthernet0/0/1]` in a view; `undo` negates; `display` runs in every view; changes
apply at once and `save` writes the saved configuration after a Y/N question.

The reference persona: the others follow its layout (class attributes, then commands, then
the handlers and output builders, which live in `huawei_commands.py` and `huawei_show*.py`
and are shared with VRP8). Commands are written as VRP syntaxes (`huawei_cli.Grammar`), so
keywords abbreviate as on the real box and a line that fits no command gets the box's own
error: unrecognized, incomplete, too many parameters or ambiguous, with the caret under the
place.

Saved-file restore (see `huawei_files.py`): `save [<file>]`, `dir`, `more`, `delete`,
`startup saved-configuration <file>`, `display startup`, `display saved-configuration`. VRP5
has no live "load this file into the running config"; the driver applies the difference.
"""

from __future__ import annotations

import re
from typing import ClassVar

from orchestrator.lab.configtree import Block, ConfigTree
from orchestrator.lab.platforms import huawei_commands as commands
from orchestrator.lab.platforms import huawei_files as files
from orchestrator.lab.platforms import huawei_show as show
from orchestrator.lab.platforms.huawei_cli import Grammar, error_text
from orchestrator.lab.session import (
    Command,
    Handler,
    Persona,
    Section,
    Session,
    command,
    section,
)

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
        section(r"user-interface con(?:sole)? (\d+)", "ui", "ui-console{1}"),
        section(r"user-interface vty (\d+) (\d+)", "ui", "ui-vty{1}-{2}"),
        section(r"user-interface (\S+) (\d+)", "ui", "ui-{1}{2}"),
    )
    replace_keys: ClassVar[tuple[str, ...]] = (
        r"description ",
        r"sysname ",
        r"ip address (?=\S+ \S+$)",  # the primary address (not `... sub`)
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
        return list(commands.SYNTAXES)

    def exec_commands(self) -> list[Command]:
        return [
            command(r"(?P<head>[^|]+?)\s*\|\s*(?P<op>\S+)\s+(?P<expr>.+)", commands.pipe),
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
