"""Juniper Junos (MX/EX/QFX/SRX): `user@HOST> ` operational mode, `user@HOST# ` configuration
mode with an `[edit ...]` line above every prompt, keywords by unique prefix, `|` pipes, a
candidate that only `commit` makes running (`commit confirmed N` rolls itself back unless
confirmed), and `rollback N` from the commit history.

Junos does not fit the shared line engine's indented views and negation: every line goes to
`JuniperJunos.answer` (the persona's `exec_anywhere` takes every line, in both modes), which
reads it with the Junos command tables: `OP_VERBS` here, `CONFIG_VERBS` in `juniper_junos_edit`.
"""

from __future__ import annotations

import re
import time
from ipaddress import IPv4Address, ip_address, ip_network
from typing import ClassVar

from orchestrator.lab.platforms import juniper_junos_show as show
from orchestrator.lab.platforms import juniper_junos_show_net as net
from orchestrator.lab.platforms.juniper_junos_cli import (
    SYNTAX,
    Call,
    Resolved,
    Trie,
    Verb,
    error_text,
    split_pipes,
    words_at,
)
from orchestrator.lab.platforms.juniper_junos_commit import BOXES, TTYS, minute, pending_note
from orchestrator.lab.platforms.juniper_junos_config import JunosConfig, compare, expand
from orchestrator.lab.platforms.juniper_junos_edit import (
    CONFIG_VERBS,
    configure,
    prompt_width,
    v_history,
)
from orchestrator.lab.session import Command, Persona, Session, command
from orchestrator.lab.state import PortState, Route


class JuniperJunos(Persona):
    platform: ClassVar[str] = "juniper_junos"
    config_enter: ClassVar[tuple[str, ...]] = ()
    config_end: ClassVar[tuple[str, ...]] = ()
    config_up: ClassVar[tuple[str, ...]] = ()
    exec_prefix: ClassVar[str | None] = None
    exec_anywhere: ClassVar[re.Pattern[str] | None] = re.compile("")  # every line: `answer`
    more_prompt: ClassVar[str] = "---(more)---"
    motd: ClassVar[str] = "--- JUNOS 21.4R3-S5.4 Kernel 64-bit  JNPR-12.1-20230321.be2763d_buil\n"
    default_model: ClassVar[str] = "mx204"
    default_version: ClassVar[str] = "21.4R3-S5.4"
    #: seconds one minute of `commit confirmed N` lasts here (tests shorten it)
    minute_seconds: ClassVar[float] = 60.0

    def __init__(self) -> None:
        super().__init__()
        self.op = Trie(OP_VERBS)
        self.config = Trie(CONFIG_VERBS)
        self.pipes = Trie(PIPE_VERBS)

    # -- prompts and text ---------------------------------------------------------------------
    def exec_prompt(self, session: Session) -> str:
        return f"{session.user}@{session.device.hostname}> "

    def config_prompt(self, session: Session) -> str:
        view = session.views[-1].prompt if session.views else "[edit]"
        note = pending_note(BOXES.get(session.device), minute(session))
        return f"\r\n{note.replace(chr(10), chr(13) + chr(10))}{view}\r\n" + (
            f"{session.user}@{session.device.hostname}# "
        )

    def show_running(self, session: Session) -> str:
        return _running(session).braces()

    def exec_commands(self) -> list[Command]:
        return [command(r"(.*)", self._dispatch)]

    # -- reading a line -----------------------------------------------------------------------
    def _dispatch(self, session: Session, m: re.Match[str]) -> str:
        tty = TTYS.get(session)
        if tty.restore_paging:
            session.paging, tty.restore_paging = True, False
        return self.answer(session, m.group(0), session.mode == "config", 0)

    def answer(self, session: Session, line: str, config: bool, offset: int) -> str:
        """The box's answer to ``line`` typed in configuration (``config``) or operational
        mode; ``offset`` is where ``line`` starts on the typed line (for `run ...`)."""
        parts = split_pipes(line)
        words = [w for w, _ in words_at(parts[0])]
        found = (self.config if config else self.op).resolve(words)
        width = prompt_width(session)
        if found.verb is None:
            return error_text(width, line, found, offset)
        if config and found.verb.words == "run":
            start = words_at(line)[1][1]
            return self.answer(session, line[start:], False, offset + start)
        call = Call(args=found.args, line=" " * offset + line)
        filters: list[tuple[str, list[str]]] = []
        column = offset + len(parts[0]) + 1
        for part in parts[1:]:
            piped = self.pipes.resolve([w for w, _ in words_at(part)])
            if piped.verb is None:
                return error_text(width, part, piped, column)
            name = piped.verb.words
            if name == "display set":
                call.display_set = True
            elif name == "compare":
                rest = piped.args
                call.compare = int(rest[1]) if len(rest) == 2 and rest[1].isdigit() else 0
            elif name == "no-more":
                TTYS.get(session).restore_paging = session.paging
                session.paging = False
            else:
                filters.append((name, piped.args))
            column += len(part) + 1
        out = found.verb.handler(session, call)
        for name, args in filters:
            out = _filter(out, name, args)
        return out


def _filter(text: str, name: str, args: list[str]) -> str:
    lines = text.splitlines()
    if name == "count":
        return f"Count: {len(lines)} lines\n"
    if name == "last":
        count = int(args[0]) if args and args[0].isdigit() else 10
        return "".join(line + "\n" for line in lines[-count:])
    pattern = " ".join(args).strip('"')
    try:
        found = re.compile(pattern, re.IGNORECASE)
    except re.error:
        found = re.compile(re.escape(pattern), re.IGNORECASE)
    keep = name == "match"
    return "".join(line + "\n" for line in lines if bool(found.search(line)) == keep)


def _noop(session: Session, call: Call) -> str:
    return ""


PIPE_VERBS = [
    Verb("compare", _noop, "Compare configuration changes with prior version", rest=True),
    Verb("count", _noop, "Count occurrences"),
    Verb("display set", _noop, "Show 'set' commands that create configuration"),
    Verb("except", _noop, "Show only text that does not match a pattern", rest=True, need=1),
    Verb("last", _noop, "Display end of output only", rest=True),
    Verb("match", _noop, "Show only text that matches a pattern", rest=True, need=1),
    Verb("no-more", _noop, "Don't paginate output"),
]


# -- state the commands read ---------------------------------------------------------------
def _running(session: Session) -> JunosConfig:
    box = BOXES.get(session.device)
    box.sync()
    return box.running


def _ports(session: Session) -> list[PortState]:
    return session.lab.state.ports(session.device.name)


def _members(session: Session, ports: list[PortState]) -> dict[str, str]:
    """LAG member → LAG, from the state where it says so, else from the configuration."""
    found = {p.name: p.lag for p in ports if p.lag}
    for name, ifc in session.device.config.interfaces.items():
        if ifc.lag_group is not None and name not in found:
            found[name] = f"ae{ifc.lag_group}"
    return found


def _mtus(session: Session) -> dict[str, int]:
    return {n: i.mtu for n, i in session.device.config.interfaces.items() if i.mtu}


def _own(ports: list[PortState]) -> set[IPv4Address]:
    return {a.ip for p in ports for a in p.ipv4}


# -- operational commands --------------------------------------------------------------------
def cli_width(session: Session, call: Call) -> str:
    if not call.args[0].isdigit():
        return error_text(prompt_width(session), call.line, _at(call, 3, SYNTAX))
    session.width = int(call.args[0])
    return f"Screen width set to {session.width}\n"


def cli_length(session: Session, call: Call) -> str:
    if not call.args[0].isdigit():
        return error_text(prompt_width(session), call.line, _at(call, 3, SYNTAX))
    length = int(call.args[0])
    session.paging = length > 0
    if length:
        session.page_length = length
    return f"Screen length set to {length}\n"


def cli_complete(session: Session, call: Call) -> str:
    on = call.args[0].lower() == "on"
    return "Enabling complete-on-space\n" if on else "Disabling complete-on-space\n"


def cli_terminal(session: Session, call: Call) -> str:
    return ""


def _at(call: Call, word: int, message: str) -> Resolved:
    return Resolved(error=message, at=word)


def show_version(session: Session, call: Call) -> str:
    return show.version(session.device)


def show_hardware(session: Session, call: Call) -> str:
    return show.hardware(session.device)


def show_uptime(session: Session, call: Call) -> str:
    BOXES.get(session.device)  # the first commit entry comes from the startup config
    last = session.device.commits[-1]
    return show.uptime(session.device, time.time(), last.at, last.user, 1)


def show_interfaces(session: Session, call: Call) -> str:
    ports = _ports(session)
    members = _members(session, ports)
    words = [w.lower() for w in call.args]
    only = next((w for w in call.args if not w.isalpha() or w in ("irb", "vlan")), None)
    if "terse" in words:
        if only is not None:
            ports = [p for p in ports if show.ifd(p.name) == show.ifd(only)]
        return show.terse(ports, members)
    if "descriptions" in words:
        return show.descriptions(ports)
    detail = "detail" in words or "extensive" in words
    return show.interfaces(session.device, ports, members, _mtus(session), only, detail)


def show_terse(session: Session, call: Call) -> str:
    return show_interfaces(session, Call(args=["terse", *call.args], line=call.line))


def show_descriptions(session: Session, call: Call) -> str:
    return show.descriptions(_ports(session))


def show_lldp(session: Session, call: Call) -> str:
    neighbors = session.lab.state.lldp(session.device.name)
    members = _members(session, _ports(session))
    if len(call.args) >= 2 and "interface".startswith(call.args[0].lower()):
        wanted = call.args[1]
        return "".join(
            show.lldp_detail(n, i + 1, members, time.time())
            for i, n in enumerate(neighbors)
            if n.local_port == wanted
        )
    return show.lldp_neighbors(neighbors, members)


def _bgp_groups(session: Session) -> int:
    return len(
        {p[3] for p in _running(session).statements if p[:3] == ("protocols", "bgp", "group")}
    )


def show_bgp_summary(session: Session, call: Call) -> str:
    state = session.lab.state
    name = session.device.name
    return net.bgp_summary(state.bgp(name), _bgp_groups(session), state.routes(name))


def show_bgp_neighbor(session: Session, call: Call) -> str:
    state = session.lab.state
    name = session.device.name
    sessions = state.bgp(name)
    if call.args:
        sessions = [s for s in sessions if str(s.neighbor) == call.args[0]]
    db = _running(session)
    config = session.device.config
    local_id = (config.bgp.router_id if config.bgp else None) or "0.0.0.0"
    blocks = [
        net.bgp_neighbor(s, _peer_config(db, str(s.neighbor)), local_id, state.routes(name))
        for s in sessions
    ]
    return "\n".join(blocks)


def _peer_config(db: JunosConfig, address: str) -> net.PeerConfig:
    group = ""
    kind = "External"
    imports: list[str] = []
    exports: list[str] = []
    for path in db.statements:
        if path[:3] != ("protocols", "bgp", "group") or len(path) < 6:
            continue
        if path[4:6] == ("neighbor", address):
            group = path[3]
    for path in db.statements:
        if path[:4] != ("protocols", "bgp", "group", group):
            continue
        if path[4:6] == ("type", "internal"):
            kind = "Internal"
        elif path[4] == "import":
            imports.append(path[5])
        elif path[4] == "export":
            exports.append(path[5])
    return net.PeerConfig(group, kind, tuple(imports), tuple(exports))


def show_ospf(session: Session, call: Call) -> str:
    detail = any(w.lower() in ("detail", "extensive") for w in call.args)
    return net.ospf_neighbors(session.lab.state.ospf(session.device.name), detail)


def _asn_router_id(session: Session) -> tuple[str, str]:
    db = _running(session)
    asn = next(
        (p[2] for p in db.statements if p[:2] == ("routing-options", "autonomous-system")), ""
    )
    rid = next((p[2] for p in db.statements if p[:2] == ("routing-options", "router-id")), "")
    if not rid:
        loopbacks = [a.ip for p in _ports(session) if p.kind == "loopback" for a in p.ipv4]
        rid = str(loopbacks[0]) if loopbacks else "0.0.0.0"
    return asn or "0", rid


def show_route_summary(session: Session, call: Call) -> str:
    asn, rid = _asn_router_id(session)
    routes = session.lab.state.routes(session.device.name)
    return net.route_summary(routes, asn, rid, session.device.boot_time)


def show_route(session: Session, call: Call) -> str:
    routes = session.lab.state.routes(session.device.name)
    args = [a.lower() for a in call.args]
    if "protocol" in args and args.index("protocol") + 1 < len(args):
        wanted = args[args.index("protocol") + 1]
        names = {v.lower(): k for k, v in net.PROTOCOLS.items()}
        routes = [r for r in routes if r.protocol == names.get(wanted, wanted)]
    if "table" in args and args.index("table") + 1 < len(args):
        table = args[args.index("table") + 1]
        routes = [r for r in routes if (f"{r.vrf}.inet.0" if r.vrf else "inet.0") == table]
    prefixes = [a for a in args if a[:1].isdigit()]
    if prefixes:
        routes = [r for r in routes if str(r.prefix) == prefixes[0] or _covers(r, prefixes[0])]
    return net.route_table(routes, _own(_ports(session)))


def _covers(route: Route, text: str) -> bool:
    try:
        if "/" in text:
            return route.prefix == ip_network(text, strict=False)
        return ip_address(text) in route.prefix
    except ValueError:
        return False


def show_arp(session: Session, call: Call) -> str:
    entries = session.lab.state.arp(session.device.name)
    resolve = not any("no-resolve".startswith(a.lower()) for a in call.args)
    return net.arp(entries, _own(_ports(session)), resolve=resolve)


def show_switching(session: Session, call: Call) -> str:
    state = session.lab.state
    return net.switching_table(state.macs(session.device.name), state.vlans(session.device.name))


def show_vlans(session: Session, call: Call) -> str:
    up = {p.name for p in _ports(session) if p.oper_up}
    return net.vlans_table(session.lab.state.vlans(session.device.name), up)


def show_configuration(session: Session, call: Call) -> str:
    box = BOXES.get(session.device)
    box.sync()
    path = expand(call.args)[0] if call.args else ()
    if call.compare is not None:
        base = box.rollback_text(call.compare)
        if base is None:
            return f"error: rollback {call.compare} not found\n"
        return compare(JunosConfig.from_text(base), box.running, path)
    if call.display_set:
        return box.running.set_text(path)
    last = session.device.commits[-1]
    head = f"## Last commit: {show.stamp(last.at)} by {last.user}\n" if not path else ""
    return head + box.running.braces(path)


def logout(session: Session, call: Call) -> str:
    session.closed = True
    return ""


OP_VERBS = [
    Verb("set cli screen-width", cli_width, "Set number of characters on a line", True, 1),
    Verb("set cli screen-length", cli_length, "Set number of lines on screen", True, 1),
    Verb("set cli complete-on-space", cli_complete, "Set whether typing space completes", True, 1),
    Verb("set cli terminal", cli_terminal, "Set terminal type", True, 1),
    Verb("configure", configure, "Manipulate software configuration information", rest=True),
    Verb("exit", logout, "Exit the management session"),
    Verb("quit", logout, "Exit the management session"),
    Verb("show version", show_version, "Show software process revision levels", rest=True),
    Verb("show chassis hardware", show_hardware, "Show installed hardware components", True),
    Verb("show system uptime", show_uptime, "Show time since system and processes started"),
    Verb("show system commit", v_history, "Show pending commit and commit history"),
    Verb("show interfaces", show_interfaces, "Show interface information", rest=True),
    Verb("show interfaces terse", show_terse, "Display terse output", rest=True),
    Verb("show interfaces descriptions", show_descriptions, "Display interface description"),
    Verb("show lldp neighbors", show_lldp, "Show LLDP neighbor information", rest=True),
    Verb("show bgp summary", show_bgp_summary, "Show overview of BGP information", rest=True),
    Verb("show bgp neighbor", show_bgp_neighbor, "Show BGP neighbor information", rest=True),
    Verb("show ospf neighbor", show_ospf, "Show neighbor status", rest=True),
    Verb("show route", show_route, "Show routing table information", rest=True),
    Verb("show route summary", show_route_summary, "Show route summary information", True),
    Verb("show arp", show_arp, "Show system Address Resolution Protocol table entries", True),
    Verb("show ethernet-switching table", show_switching, "Show forwarding-database", True),
    Verb("show vlans", show_vlans, "Show VLAN information", rest=True),
    Verb("show configuration", show_configuration, "Show current configuration", rest=True),
]
