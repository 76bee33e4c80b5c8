"""H3C Comware 7 (S-series switches, MSR/SR routers): `<HOST>` user view, `[HOST]` system view,
`[HOST-GigabitEthernet1/0/1]` in a view; `undo` negates; `display` and `save` run in every view;
changes apply at once.

Its safety net (H3C Fundamentals Configuration Guide, "Configuring configuration commit
delay"): `configuration commit delay MINUTES` in system view records a rollback point and
starts a timer; the settings made afterwards take effect at once, and unless `configuration
commit` is entered before the timer expires the box returns to the rollback point. Entering
the command again while the timer runs changes the interval, not the rollback point. Besides:
`archive configuration` (with `archive configuration location DIR filename-prefix P` set),
`configuration replace file F`, `save` (three questions), `save force`, `save FILE`, `dir`.

Output layouts are in `hp_comware_show`; this module holds the class, its views and errors as
data, and the commands.
"""

from __future__ import annotations

import re
from typing import ClassVar

from orchestrator.lab.configtree import Block, ConfigTree
from orchestrator.lab.platforms import hp_comware_display as shown
from orchestrator.lab.platforms import hp_comware_files as files
from orchestrator.lab.session import (
    Command,
    Persona,
    Section,
    Session,
    command,
    section,
    validate_in_layout,
)


def _kw(word: str, least: int) -> str:
    """A regex for ``word`` abbreviated to at least ``least`` letters (`dis`, `disp`, ...)."""
    head, rest = word[:least], word[least:]
    tail = ""
    for char in reversed(rest):
        tail = f"(?:{re.escape(char)}{tail})?"
    return re.escape(head) + tail


DIS = _kw("display", 3)


def flatten_globals(text: str) -> str:
    r"""Comware config text with its global one-line settings at the left margin.

    `display current-configuration` indents global settings by one blank (` sysname X`), so
    read by indentation alone a group after a view (`interface ...` `#` ` ip route-static ...`)
    would fall into that view; a `#` at the margin ends every view, and the group after it is
    moved left.

    >>> flatten_globals("interface G1\n shutdown\n#\n ip route-static 0.0.0.0 0 1.1.1.1\n")
    'interface G1\n shutdown\n#\nip route-static 0.0.0.0 0 1.1.1.1\n'
    """
    out: list[str] = []
    boundary, dedent = True, False
    for raw in text.splitlines():
        if raw.startswith("#"):
            boundary, dedent = True, False
        elif boundary and raw.strip():
            dedent = raw.startswith(" ") and not raw.startswith("  ")
            boundary = False
        out.append(raw[1:] if dedent and raw.startswith(" ") else raw)
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")


class HpComware(Persona):
    platform: ClassVar[str] = "hp_comware"
    config_enter: ClassVar[tuple[str, ...]] = ("system-view", "sys", "system")
    config_end: ClassVar[tuple[str, ...]] = ("return",)
    config_up: ClassVar[tuple[str, ...]] = ("quit",)
    negation: ClassVar[str] = "undo"
    exec_prefix: ClassVar[str | None] = None
    #: what runs as it is in system view and below: display, save, and the commit-delay and
    #: replace commands (system view commands that are actions, not configuration lines)
    exec_anywhere: ClassVar[re.Pattern[str] | None] = re.compile(
        rf"(?:{DIS}\s|save(?:\s|$)|configuration\s+(?:commit|replace)\b)", re.I
    )
    #: a prompt part beginning with "+" extends the parent view's (`ospf-1-area-0.0.0.0`)
    sections: ClassVar[tuple[Section, ...]] = (
        section(r"interface (\S+)", "interface", "{1}"),
        section(r"vlan (\d+)", "vlan", "vlan{1}"),
        section(r"bgp (\d+)(?: instance \S+)?", "bgp", "bgp-default"),
        section(r"address-family ipv4(?: unicast)?", "bgp-af", "+ipv4", ("bgp",)),
        section(r"ip vpn-instance (\S+)", "bgp-vpn", "bgp-default-{1}", ("bgp",)),
        # not `ospf 1 area 0.0.0.0`: that enables OSPF on the interface it is entered in
        section(r"ospf (\d+)(?: router-id \S+)?(?: vpn-instance \S+)?", "ospf", "ospf-{1}"),
        section(r"area (\S+)", "ospf-area", "+area-{1}", ("ospf",)),
        section(r"ip vpn-instance (\S+)", "vpn-instance", "vpn-instance-{1}"),
        section(r"acl advanced (?:name )?(\S+)(?: .*)?", "acl", "acl-ipv4-adv-{1}"),
        section(r"acl basic (?:name )?(\S+)(?: .*)?", "acl", "acl-ipv4-basic-{1}"),
        section(r"acl number (3\d{3})(?: .*)?", "acl", "acl-ipv4-adv-{1}"),
        section(r"acl number (2\d{3})(?: .*)?", "acl", "acl-ipv4-basic-{1}"),
        section(
            r"route-policy (\S+) (permit|deny) node (\d+)", "route-policy", "route-policy-{1}-{3}"
        ),
        section(r"local-user (\S+)(?: class (\S+))?", "luser", "luser-manage-{1}"),
        section(r"line (vty|con|aux) (\d+)(?: (\d+))?", "line", "line-{1}{2}-{3}"),
        section(r"user-interface (.+)", "line", "ui-{1}"),
        section(r"domain (\S+)", "isp", "isp-{1}"),
        section(r"hwtacacs scheme (\S+)", "hwtacacs", "hwtacacs-{1}"),
        section(r"radius scheme (\S+)", "radius", "radius-{1}"),
        section(r"stp region-configuration", "mst", "mst-region"),
        section(r"dhcp server ip-pool (\S+)", "dhcp-pool", "dhcp-pool-{1}"),
        section(r"traffic classifier (\S+)(?: .*)?", "classifier", "classifier-{1}"),
        section(r"traffic behavior (\S+)", "behavior", "behavior-{1}"),
        section(r"qos policy (\S+)", "qos-policy", "qospolicy-{1}"),
    )
    replace_keys: ClassVar[tuple[str, ...]] = (
        r"description ",
        r"sysname ",
        r"ip address (?=\S+ \S+$)",  # one primary address: a new one replaces it
        r"mtu ",
        r"speed ",
        r"duplex ",
        r"router-id ",
        r"port link-type ",
        r"port link-mode ",
        r"port access vlan ",
        r"peer \S+ as-number ",
        r"name ",
        r"clock timezone ",
        r"archive configuration location ",
        r"archive configuration max ",
    )
    indent: ClassVar[int] = 1
    separator: ClassVar[str | None] = "#"
    invalid_input: ClassVar[str] = "{pad}^\n % Unrecognized command found at '^' position.\n"
    incomplete_input: ClassVar[str] = "{pad}^\n % Incomplete command found at '^' position.\n"
    wrong_parameter: ClassVar[str] = "{pad}^\n % Wrong parameter found at '^' position.\n"
    #: lines that name a command but not all of its arguments
    incomplete: ClassVar[tuple[str, ...]] = (
        r"description",
        r"sysname",
        r"ip address(?: \S+)?",
        r"ip route-static(?: \S+){0,2}",
        r"port access(?: vlan)?",
        r"port trunk permit(?: vlan)?",
        r"port link-type",
        r"interface",
        r"vlan",
        r"bgp",
        r"peer \S+(?: as-number)?",
        r"area",
        r"network",
        r"local-user",
        rf"{DIS}",
        r"configuration commit delay",
        r"configuration replace(?: file)?",
        r"archive configuration location(?: \S+)?",
    )
    #: first words Comware knows: an error in such a line is put under its second word
    known_words: ClassVar[frozenset[str]] = frozenset(
        {
            "interface",
            "ip",
            "port",
            "undo",
            "peer",
            "ospf",
            "bgp",
            "vlan",
            "stp",
            "lldp",
            "display",
            "dis",
            "acl",
            "rule",
            "route-policy",
            "local-user",
            "line",
            "ssh",
        }
    )
    more_prompt: ClassVar[str] = "  ---- More ----"
    motd: ClassVar[str] = (
        "\n"
        "******************************************************************************\n"
        "* Copyright (c) 2004-2021 New H3C Technologies Co., Ltd. All rights reserved.*\n"
        "* Without the owner's prior written consent,                                 *\n"
        "* no decompiling or reverse-engineering shall be allowed.                    *\n"
        "******************************************************************************\n"
    )
    default_model: ClassVar[str] = "S6520X-30QC-EI"
    default_version: ClassVar[str] = "7.1.070, Release 6615P09"
    #: seconds in one minute of the box's timers (tests shorten it; the real box: 60)
    minute_seconds: ClassVar[float] = 60.0
    #: `configuration commit delay` accepts 1..65535 minutes (the range is not in the guide
    #: cutover could read; taken as Comware's usual 16-bit timer range)
    max_delay: ClassVar[int] = 65535
    flash: ClassVar[str] = "flash:/"

    # -- prompts and text ---------------------------------------------------------------------
    def exec_prompt(self, session: Session) -> str:
        return f"<{session.device.hostname}>"

    def config_prompt(self, session: Session) -> str:
        host = session.device.hostname
        part = ""
        for view in session.views:
            if view.prompt.startswith("+"):
                part = f"{part}-{view.prompt[1:]}"
            elif view.prompt:
                part = view.prompt
        return f"[{host}-{part}]" if part else f"[{host}]"

    def top_view(self) -> str:
        return ""

    def tree(self, text: str) -> ConfigTree:
        return super().tree(flatten_globals(text))

    def is_view(self, text: str, kinds: tuple[str, ...] = ("",)) -> bool:
        return any(s.pattern.fullmatch(text) and set(s.parents) & set(kinds) for s in self.sections)

    def layout(self, tree: ConfigTree) -> list[tuple[str, Block | None]]:
        """Comware's layout, line by line with the block each line writes: views at the left
        margin between `#` lines, global one-line settings indented by one blank and grouped,
        ` #` before a view nested in a view, `return` at the end."""
        out: list[tuple[str, Block | None]] = []
        leaf_run = False
        for block in tree.root.children:
            if block.children or self.is_view(block.text):
                out += [("#", None), (block.text, block)]
                out += _children(block, 1)
                leaf_run = False
            else:
                if not leaf_run:
                    out.append(("#", None))
                out.append((" " + block.text, block))
                leaf_run = True
        out += [("#", None), ("return", None)]
        return out

    def config_text(self, tree: ConfigTree) -> str:
        return "".join(text + "\n" for text, _ in self.layout(tree))

    def validate(self, session: Session, tree: ConfigTree, block: Block) -> str | None:
        return validate_in_layout(self, session, self.layout(tree), block)

    def show_running(self, session: Session) -> str:
        return session.device.running_text

    # -- errors -------------------------------------------------------------------------------
    def invalid(self, session: Session, line: str, position: int = 0) -> str:
        width = len(session.prompt())
        text = line.strip()
        if any(re.fullmatch(p, text, re.I) for p in self.incomplete):
            return self.incomplete_input.format(pad=" " * (width + len(text)), line=line)
        words = text.split()
        if position == 0 and len(words) > 1 and words[0].lower() in self.known_words:
            position = len(words[0]) + 1
        return self.invalid_input.format(pad=" " * (width + position), line=line)

    # -- commands -----------------------------------------------------------------------------
    def exec_commands(self) -> list[Command]:
        d = DIS
        return [
            command(r"screen-length disable", shown.paging_off),
            command(r"undo screen-length disable", shown.paging_on),
            command(rf"{d} cur(?:rent-configuration)?", shown.display_current),
            command(rf"{d} saved-configuration", shown.display_saved),
            command(rf"{d} ver(?:sion)?", shown.display_version),
            command(rf"{d} dev(?:ice)? m(?:anuinfo)?", shown.display_manuinfo),
            command(rf"{d} clo(?:ck)?", shown.display_clock),
            command(rf"{d} int(?:erface)? br(?:ief)?", shown.display_interface_brief),
            command(rf"{d} int(?:erface)?(?: (\S+))?", shown.display_interface),
            command(rf"{d} ip int(?:erface)? br(?:ief)?", shown.display_ip_interface_brief),
            command(rf"{d} ip int(?:erface)?", shown.display_ip_interface),
            command(rf"{d} ll(?:dp)? n\S* l(?:ist)?", shown.display_lldp_list),
            command(rf"{d} ll(?:dp)? n\S*(?: v(?:erbose)?)?", shown.display_lldp_verbose),
            command(rf"{d} bg(?:p)? pe(?:er)? ipv4(?: unicast)?", shown.display_bgp_peer),
            command(rf"{d} ospf(?: \d+)? peer(?: brief)?", shown.display_ospf_peer),
            command(rf"{d} ip r(?:outing-table)?", shown.display_routing_table),
            command(rf"{d} a(?:rp)?(?: all)?", shown.display_arp),
            command(rf"{d} mac-ad(?:dress)?", shown.display_mac),
            command(rf"{d} v(?:lan)? b(?:rief)?", shown.display_vlan_brief),
            command(rf"{d} v(?:lan)?(?: a(?:ll)?)?", shown.display_vlan_all),
            command(rf"{d} link(?:-aggregation)? s(?:ummary)?", shown.display_lag_summary),
            command(rf"{d} link(?:-aggregation)? v(?:erbose)?", shown.display_lag_verbose),
            command(rf"{d} link(?:-aggregation)? mem(?:ber-port)?", shown.display_lag_members),
            command(
                rf"{d} cou(?:nters)? (inbound|outbound) i(?:nterface)?", shown.display_counters
            ),
            command(rf"{d} route(?:-policy)?", shown.display_route_policy),
            command(rf"{d} ip vpn(?:-instance)? in(?:stance-name)? (\S+)", shown.display_vpn),
            command(rf"{d} ip vpn(?:-instance)?", shown.display_vpns),
            command(rf"{d} archive configuration", files.display_archive),
            command(r"save force", files.save_force),
            command(r"save", files.save),
            command(r"save (\S+\.cfg)", files.save_file),
            command(r"archive configuration", files.archive),
            command(r"dir(?: /all)?", files.dir),
            command(r"configuration commit delay (\d+)", files.commit_delay),
            command(r"configuration commit", files.commit),
            command(r"configuration replace file (\S+)", files.replace),
            command(r"quit", _quit),
        ]


def _children(block: Block, depth: int) -> list[tuple[str, Block | None]]:
    out: list[tuple[str, Block | None]] = []
    pad = " " * depth
    for child in block.children:
        if child.children:
            out.append((pad + "#", None))
        out.append((pad + child.text, child))
        out += _children(child, depth + 1)
    return out


def _quit(session: Session, m: re.Match[str]) -> str:
    session.closed = True
    return ""
