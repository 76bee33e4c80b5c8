"""Shape the management lines for VRP so that the new box lets in whom the old one let in.

VRP checks a console or vty login in one of three ways (`authentication-mode aaa | password |
none`); AAA logins use the schemes of the administrators' domain (`default_admin`). So:

- IOS lines under `aaa new-model` that name no method list use the default list: on VRP that
  is `authentication-mode aaa` (without it a vty refuses every login);
- a line that names a method list VRP cannot pick per line is still translated when the list
  means the same as what VRP does: a list of `none` is `authentication-mode none`, a list with
  the default list's methods is the default;
- a source that logs in over SSH or telnet through its user accounts but describes no vty lines
  (Junos `system services ssh`) gets `user-interface vty 0 4` with AAA login, since VRP lets
  no one in on a vty without an authentication mode (SSH needs `authentication-mode aaa`).
"""

from __future__ import annotations

from orchestrator.model import Aaa, DeviceConfig, MgmtLine, System
from orchestrator.syntax.huawei_common import Shaper

#: highest vty number: VRP5 S-series 0-14 (maximum-vty 15), CloudEngine 0-20
MAX_VTY = {False: 14, True: 20}


def shape_lines(config: DeviceConfig, shape: Shaper) -> None:
    """Line numbering, login modes and the servers the vty protocols need."""
    system = config.system
    plat = shape.platform
    limit = MAX_VTY[plat.vpn_ipv4_family]
    for method_list in system.aaa.method_lists:
        # VRP accounts the start and the end of each login: IOS's `start-stop` is its default
        if method_list.service == "accounting" and method_list.scope in (None, "exec"):
            if method_list.methods[:1] == ["start-stop"]:
                method_list.methods = method_list.methods[1:]
    _implicit_vty(system, shape)
    vtys = [ln for ln in system.lines if ln.kind == "vty"]
    if len(vtys) == 1 and vtys[0].first == 0 and vtys[0].last is None:
        # NX-OS `line vty` (the only vty line, no range) covers every session
        vtys[0].last = 4
        shape.change(vtys[0], "", note="the source's vty settings cover every session: vty 0-4")
    served = system.ssh_server or system.telnet_server
    for line in vtys:
        if line.login is None and line.password is None and served and system.users:
            # the source checks its user accounts on these sessions (NX-OS always does)
            line.login = "aaa"
            for n in line.src.get(""):
                line.at(n, "login")
            shape.change(
                line,
                "login",
                note="remote logins are checked against the user accounts: "
                "`authentication-mode aaa` (VRP lets no one in on a vty without a mode)",
            )
    for line in list(system.lines):
        if line.kind == "vty" and line.first > limit:
            continue
        if line.kind == "aux" and plat.vpn_ipv4_family:
            continue  # CloudEngine has no AUX port: the renderer reports the line
        if line.kind == "vty" and line.last is not None and line.last > limit:
            shape.change(line, "", note=f"{plat.name} numbers vty lines 0-{limit}")
            line.last = limit
        # the CloudEngine console always authenticates: no `authentication-mode none` there
        none_ok = not (plat.vpn_ipv4_family and line.kind == "console")
        _login(system.aaa, line, shape, none_ok)
        if set(line.transport_input) == {"ssh", "telnet"}:
            line.transport_input = ["ssh", "telnet"]
    vty = [ln for ln in system.lines if ln.kind == "vty"]
    for proto, field in (("ssh", "ssh_server"), ("telnet", "telnet_server")):
        users = [ln for ln in vty if proto in ln.transport_input]
        if users and getattr(system, field) is None:
            setattr(system, field, True)
            for ln in users:
                for n in ln.src.get("transport_input"):
                    system.at(n, field)


def _login(aaa: Aaa, line: MgmtLine, shape: Shaper, none_ok: bool) -> None:
    lists = {(m.service, m.name): m.methods for m in aaa.method_lists}
    if line.login == "local":
        line.login = "aaa"
        shape.change(
            line, "login", note="VRP checks local users through AAA (`authentication-mode aaa`)"
        )
    elif line.login is None and aaa.new_model:
        # IOS with AAA on: a line that names no list logs in through the default list
        line.login = "aaa"
        for n in aaa.src.get("new_model"):
            line.at(n, "login")
    named = line.login_list
    if line.login == "aaa" and named is not None and named != "default":
        methods = lists.get(("login", named))
        default = lists.get(("login", "default"), ["local"])
        if methods == ["none"] and none_ok:
            line.login = "none"
            _move(line, "login_list", "login")
            line.login_list = None
        elif methods is not None and methods == default:
            _move(line, "login_list", "login")
            line.login_list = None
            shape.change(
                line,
                "login",
                note=f"method list {named} has the default list's methods, which VRP "
                "applies to every line",
            )
    named = line.authorization_exec
    if named is not None and named != "default":
        methods = lists.get(("exec", named))
        exec_default = lists.get(("exec", "default"))
        if methods == ["none"] and line.login == "none":
            shape.ignore(
                line,
                "authorization_exec",
                rule="a line that logs in without authentication is not authorized through "
                "AAA on VRP either: its own level applies",
            )
            line.authorization_exec = None
        elif methods is not None and methods == exec_default and line.login == "aaa":
            shape.ignore(
                line,
                "authorization_exec",
                rule=f"method list {named} has the default list's methods, which VRP "
                "applies to every line",
            )
            line.authorization_exec = None


def _move(line: MgmtLine, old: str, new: str) -> None:
    for n in line.src.get(old):
        line.at(n, new)


def _implicit_vty(system: System, shape: Shaper) -> None:
    """A source whose SSH/telnet logins are implicit (no vty lines at all) gets vty 0 4."""
    servers = (("ssh", system.ssh_server), ("telnet", system.telnet_server))
    protocols = [protocol for protocol, on in servers if on]
    if system.lines or not protocols or not (system.users or system.aaa.method_lists):
        return
    line = MgmtLine(kind="vty", first=0, last=4, login="aaa", transport_input=protocols)
    for field, proto in (("ssh_server", "ssh"), ("telnet_server", "telnet")):
        if proto in protocols:
            for n in system.src.get(field):
                line.at(n)
                line.at(n, "login")
                line.at(n, "transport_input")
    system.lines.append(line)
    shape.change(
        line,
        "login",
        note="VRP lets no one log in on a vty without an authentication mode: vty 0-4 "
        "check the user accounts through AAA",
    )


__all__ = ["MAX_VTY", "shape_lines"]
