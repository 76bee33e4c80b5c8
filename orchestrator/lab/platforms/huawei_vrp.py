"""Huawei VRP5 (AR routers, S-series switches): `<HOST>` user view, `[HOST]` system view,
`[HOST-GigabitEthernet0/0/1]` in a view; `undo` negates; `display` runs in every view; changes
apply at once and `save` writes the saved configuration after a Y/N question.

The reference persona: the others follow its layout (class attributes, then commands, then
the output builders).
"""

from __future__ import annotations

import re
from typing import ClassVar

from orchestrator.lab.configtree import ConfigTree
from orchestrator.lab.session import Command, Persona, Section, Session, command, section


def _huawei_uptime(seconds: int) -> str:
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    return (
        f"{days} day{'s' if days != 1 else ''}, {hours} hour{'s' if hours != 1 else ''}, "
        f"{minutes} minute{'s' if minutes != 1 else ''}"
    )


class HuaweiVrp(Persona):
    platform: ClassVar[str] = "huawei_vrp"
    config_enter: ClassVar[tuple[str, ...]] = ("system-view", "system-view immediately")
    config_end: ClassVar[tuple[str, ...]] = ("return",)
    config_up: ClassVar[tuple[str, ...]] = ("quit",)
    negation: ClassVar[str] = "undo"
    exec_prefix: ClassVar[str | None] = None
    exec_anywhere: ClassVar[re.Pattern[str] | None] = re.compile(r"dis(p(l(ay?)?)?)?\s", re.I)
    sections: ClassVar[tuple[Section, ...]] = (
        section(r"interface (\S+)", "interface", "{1}"),
        section(r"bgp (\d+)", "bgp", "bgp"),
        section(r"ipv4-family (.+)", "bgp-af", "bgp-af-{1}", ("bgp",)),
        section(r"ospf (\d+)(?: .*)?", "ospf", "ospf-{1}"),
        section(r"area (\S+)", "ospf-area", "ospf-area-{1}", ("ospf",)),
        section(r"vlan (\d+)", "vlan", "vlan{1}"),
        section(r"acl (?:number )?(\d+)", "acl", "acl-adv-{1}"),
        section(r"acl name (\S+)(?: .*)?", "acl", "acl-adv-{1}"),
        section(r"route-policy (\S+) (permit|deny) node (\d+)", "route-policy", "route-policy"),
        section(r"ip vpn-instance (\S+)", "vpn-instance", "vpn-instance-{1}"),
        section(r"ipv4-family", "vpn-af", "vpn-instance-af-ipv4", ("vpn-instance",)),
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

    # -- prompts and text ---------------------------------------------------------------------
    def exec_prompt(self, session: Session) -> str:
        return f"<{session.device.hostname}>"

    def config_prompt(self, session: Session) -> str:
        view = session.views[-1].prompt if session.views else ""
        host = session.device.hostname
        return f"[{host}-{view}]" if view else f"[{host}]"

    def top_view(self) -> str:
        return ""

    def config_text(self, tree: ConfigTree) -> str:
        return tree.text(self.indent, self.separator) + "return\n"

    def show_running(self, session: Session) -> str:
        return session.device.running_text

    # -- commands -----------------------------------------------------------------------------
    def exec_commands(self) -> list[Command]:
        return [
            command(r"screen-length 0 temporary", _paging_off),
            command(r"dis(?:play)? cur(?:rent-configuration)?", _display_current),
            command(r"dis(?:play)? saved-configuration", _display_saved),
            command(r"dis(?:play)? version", _display_version),
            command(r"save", _save),
            command(r"quit", _quit),
        ]


def _paging_off(session: Session, m: re.Match[str]) -> str:
    session.paging = False
    return "Info: The configuration takes effect on the current user terminal interface only.\n"


def _display_current(session: Session, m: re.Match[str]) -> str:
    return session.persona.show_running(session)


def _display_saved(session: Session, m: re.Match[str]) -> str:
    return session.device.saved_text or ""


def _display_version(session: Session, m: re.Match[str]) -> str:
    device = session.device
    model = device.model
    return (
        "Huawei Versatile Routing Platform Software\n"
        f"VRP (R) software, Version {device.version}\n"
        "Copyright (C) 2011-2019 HUAWEI TECH CO., LTD\n"
        f"Huawei {model} Router uptime is {_huawei_uptime(device.uptime())}\n"
    )


def _save(session: Session, m: re.Match[str]) -> str:
    def answer(s: Session, reply: str) -> str:
        if reply.lower() not in {"y", "yes"}:
            return "\n"
        s.device.saved_text = s.device.running_text
        return (
            "  It will take several minutes to save configuration file, please wait.....\n"
            "  Configuration file had been saved successfully\n"
            "  Note: The configuration file will take effect after being activated\n"
        )

    return session.ask(
        "The current configuration will be written to the device.\n"
        "Are you sure to continue? (y/n)[n]:",
        answer,
    )


def _quit(session: Session, m: re.Match[str]) -> str:
    session.closed = True
    return ""
