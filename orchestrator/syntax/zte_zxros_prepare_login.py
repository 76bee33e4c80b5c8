"""Shape the management plane so that the box can still be logged in to after the cutover.

ZXROS differs from IOS in two ways that lock an engineer out if the model is written as is:

- The SSH server is off until `ssh server enable` (the corpus OLT prints it in its `!<ssh>`
  section; the [CTN] script turns Telnet off with `line telnet server disable`). An IOS box
  serves SSH as soon as it has a host key, so `transport input ssh` or `ip ssh version 2` mean
  "SSH is how we log in": the model gets `ssh_server = True` from those lines.
- Logins go through `system-user` templates bound to numbered AAA templates (`authentication-
  template 1` + `bind aaa-authentication-template 2001`, seen in the corpus OLT and in the
  [CTN] script). IOS without AAA (or with `aaa new-model` and no default login list) checks
  local users for `login local`, and gives them their privilege level; that is exactly a
  default login list `local` (and, without AAA, a default exec authorization list `local`).
  The model gets those lists, from the lines that asked for them, so `zte_zxros_aaa` writes the
  AAA templates the login path needs and binds them.
"""

from __future__ import annotations

from orchestrator.model import AaaMethodList, DeviceConfig
from orchestrator.syntax.base import Emitter

SSH_TRANSPORTS = frozenset({"ssh", "all"})


def enable_ssh_server(config: DeviceConfig, notes: Emitter) -> None:
    """`ssh server enable` wherever the source logged in over SSH."""
    system = config.system
    if system.ssh_server is not None:
        return
    lines: list[int] = []
    for entry in system.lines:
        if entry.kind == "vty" and SSH_TRANSPORTS & set(entry.transport_input):
            lines.extend(entry.src.get("transport_input"))
    for name in ("ssh_version", "ssh_timeout"):
        if getattr(system, name) is not None:
            lines.extend(system.src.get(name))
    if not lines:
        return
    system.ssh_server = True
    for n in dict.fromkeys(lines):
        system.at(n, "ssh_server")


def _has_list(config: DeviceConfig, service: str) -> bool:
    return any(m.service == service and m.name == "default" for m in config.system.aaa.method_lists)


def local_login_lists(config: DeviceConfig, notes: Emitter) -> None:
    """Default login (and exec authorization) lists `local` where IOS checks local users."""
    system = config.system
    aaa = system.aaa
    users = list(system.users.values())
    if not users:
        return
    if not _has_list(config, "login"):
        lines = [n for e in system.lines if e.login == "local" for n in e.src.get("login")]
        if not lines:
            lines = [n for u in users for n in u.src.get("")]
        entry = AaaMethodList(service="login", methods=["local"])
        for n in dict.fromkeys(lines):
            entry.at(n)
            entry.at(n, "methods")
        aaa.method_lists.append(entry)
        for n in dict.fromkeys(lines):
            aaa.at(n, "method_lists")
    privileged = [u for u in users if u.privilege is not None]
    if privileged and not aaa.new_model and not _has_list(config, "exec"):
        lines = [n for u in privileged for n in u.src.get("privilege")]
        entry = AaaMethodList(service="exec", methods=["local"])
        for n in dict.fromkeys(lines):
            entry.at(n)
            entry.at(n, "methods")
        aaa.method_lists.append(entry)
        for n in dict.fromkeys(lines):
            aaa.at(n, "method_lists")


def tacacs_source(config: DeviceConfig, notes: Emitter) -> None:
    """NX-OS `ip tacacs source-interface X` is ZXROS `tacacs-client source-interface X` ([CTN]),
    which the model holds as the AAA source interface when no other is given."""
    aaa = config.system.aaa
    if aaa.tacacs_source_interface is None or aaa.source_interface is not None:
        return
    aaa.source_interface = aaa.tacacs_source_interface
    for n in aaa.src.get("tacacs_source_interface"):
        aaa.at(n, "source_interface")
    aaa.tacacs_source_interface = None


__all__ = ["enable_ssh_server", "local_login_lists", "tacacs_source"]
