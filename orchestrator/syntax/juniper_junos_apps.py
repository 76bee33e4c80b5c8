"""Junos `applications` → the model's service objects (`SecurityApplication`, sets).

An application becomes one `ApplicationTerm` per Junos term (one for a term-less application);
a term may set several things on one line. An application with any setting the model cannot
hold is left out whole (it would match more than the source's), and so is every policy that
names it. Built-in Junos applications (``junos-http``, ...) are described here too, for the
policies and sets that name them.
"""

from __future__ import annotations

import re

from orchestrator.model import ApplicationTerm, SecurityApplication, SecurityApplicationSet
from orchestrator.syntax.juniper_junos_filter import JUNOS_PORTS
from orchestrator.syntax.juniper_junos_index import claim, junos
from orchestrator.syntax.juniper_junos_text import Stmt, tokens, unquote, values
from orchestrator.syntax.rules import PORT_NAMES, Ctx, Rule, rule
from orchestrator.syntax.text import Line

#: Junos built-in applications: name → (protocol, destination port, ALG, ICMP type)
JUNOS_APPLICATIONS: dict[str, tuple[str, int | None, str | None, int | None]] = {
    "junos-ftp": ("tcp", 21, "ftp", None),
    "junos-tftp": ("udp", 69, "tftp", None),
    "junos-pptp": ("tcp", 1723, "pptp", None),
    "junos-ssh": ("tcp", 22, None, None),
    "junos-telnet": ("tcp", 23, None, None),
    "junos-smtp": ("tcp", 25, None, None),
    "junos-dns-udp": ("udp", 53, None, None),
    "junos-dns-tcp": ("tcp", 53, None, None),
    "junos-http": ("tcp", 80, None, None),
    "junos-https": ("tcp", 443, None, None),
    "junos-pop3": ("tcp", 110, None, None),
    "junos-nntp": ("tcp", 119, None, None),
    "junos-imap": ("tcp", 143, None, None),
    "junos-imaps": ("tcp", 993, None, None),
    "junos-ident": ("tcp", 113, None, None),
    "junos-ntp": ("udp", 123, None, None),
    "junos-syslog": ("udp", 514, None, None),
    "junos-bgp": ("tcp", 179, None, None),
    "junos-ldap": ("tcp", 389, None, None),
    "junos-ldp-tcp": ("tcp", 646, None, None),
    "junos-ldp-udp": ("udp", 646, None, None),
    "junos-radius": ("udp", 1812, None, None),
    "junos-radacct": ("udp", 1813, None, None),
    "junos-snmp-agentx": ("tcp", 705, None, None),
    "junos-ms-sql": ("tcp", 1433, None, None),
    "junos-ike": ("udp", 500, None, None),
    "junos-ike-nat": ("udp", 4500, None, None),
    "junos-dhcp-client": ("udp", 68, None, None),
    "junos-dhcp-server": ("udp", 67, None, None),
    "junos-xnm-ssl": ("tcp", 3220, None, None),
    "junos-xnm-clear-text": ("tcp", 3221, None, None),
    "junos-ping": ("icmp", None, None, 8),
    "junos-icmp-all": ("icmp", None, None, None),
    "junos-icmp6-all": ("icmp6", None, None, None),
    "junos-gre": ("gre", None, None, None),
    "junos-ospf": ("ospf", None, None, None),
}
#: IP protocol numbers the model spells by name
PROTOCOL_NAMES = {
    "1": "icmp",
    "6": "tcp",
    "17": "udp",
    "47": "gre",
    "50": "esp",
    "51": "ah",
    "58": "icmp6",
    "89": "ospf",
}
ICMP_TYPES = {
    "echo-reply": 0,
    "unreachable": 3,
    "source-quench": 4,
    "redirect": 5,
    "echo-request": 8,
    "router-advertisement": 9,
    "router-solicit": 10,
    "time-exceeded": 11,
    "parameter-problem": 12,
    "timestamp": 13,
    "timestamp-reply": 14,
}


def builtin(name: str) -> SecurityApplication:
    protocol, port, alg, icmp = JUNOS_APPLICATIONS[name]
    term = ApplicationTerm(
        protocol=protocol,
        destination_ports=(port, port) if port is not None else None,
        icmp_type=icmp,
        alg=alg,
    )
    return SecurityApplication(name=name, terms=[term], predefined=True)


def h_application(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    name, rest = unquote(m.group(1)), m.group(2) or ""
    apps = ctx.config.security.applications
    app = apps.get(name)
    if app is None:
        app = apps[name] = SecurityApplication(name=name)
    app.at(line.n)
    ctx.config.security.at(line.n, "applications")
    claim(ctx, stmt, 3, app)
    if not rest:
        return
    words = tokens(rest)
    if words[0] == "description":
        app.description = " ".join(values(words[1:]))
        app.at(line.n, "description")
        return
    term_name = ""
    depth = 3
    if words[0] == "term" and len(words) >= 2:
        term_name, words, depth = unquote(words[1]), words[2:], 5
    terms: dict[tuple[str, str], ApplicationTerm] = junos(ctx).bucket("application terms")
    term = terms.get((name, term_name))
    if term is None:
        term = terms[(name, term_name)] = ApplicationTerm()
        app.terms.append(term)
    term.at(line.n)
    app.at(line.n, "terms")
    if depth == 5:
        claim(ctx, stmt, 5, term)
    # a term may set several things on one line: `term t1 protocol udp destination-port 53`
    pairs = values(words)
    if len(pairs) % 2:
        ctx.report.unsupported(line, f"application setting `{' '.join(words)}` is not translated")
        junos(ctx).bucket("bad applications").setdefault(name, line.n)
        return
    for key, arg in zip(pairs[::2], pairs[1::2], strict=True):
        reason = _term_setting(term, line.n, key, arg)
        if reason is not None:
            ctx.report.unsupported(line, reason)
            junos(ctx).bucket("bad applications").setdefault(name, line.n)
            return


def _term_setting(term: ApplicationTerm, n: int, key: str, arg: str) -> str | None:
    """Set one application setting; the reason when it cannot be held."""
    if key == "protocol":
        term.protocol = PROTOCOL_NAMES.get(arg, arg)
        term.at(n, "protocol")
    elif key in ("destination-port", "source-port"):
        field_name = key.replace("-port", "_ports")
        setattr(term, field_name, _ports(arg))
        term.at(n, field_name)
    elif key in ("icmp-type", "icmp6-type"):
        term.icmp_type = int(arg) if arg.isdigit() else ICMP_TYPES[arg]
        term.at(n, "icmp_type")
    elif key in ("icmp-code", "icmp6-code") and arg.isdigit():
        term.icmp_code = int(arg)
        term.at(n, "icmp_code")
    elif key == "inactivity-timeout" and arg.isdigit():
        term.inactivity_timeout = int(arg)
        term.at(n, "inactivity_timeout")
    elif key in ("application-protocol", "alg") and arg != "ignore":
        term.alg = arg
        term.at(n, "alg")
    else:
        return f"application setting `{key} {arg}` is not translated"
    return None


def _ports(text: str) -> tuple[int, int]:
    """``80``, ``1024-65535``, ``http`` → (first, last)."""

    def number(word: str) -> int:
        return int(word) if word.isdigit() else JUNOS_PORTS.get(word) or PORT_NAMES[word]

    if text in JUNOS_PORTS or text in PORT_NAMES or text.isdigit():
        port = number(text)
        return (port, port)
    lo, hi = text.split("-", 1)
    return (number(lo), number(hi))


def h_application_set(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    name, kind, member = unquote(m.group(1)), m.group(2), unquote(m.group(3))
    sets = ctx.config.security.application_sets
    entry = sets.get(name)
    if entry is None:
        entry = sets[name] = SecurityApplicationSet(name=name)
    entry.at(line.n)
    ctx.config.security.at(line.n, "application_sets")
    claim(ctx, stmt, 3, entry)
    if kind == "description":
        entry.description = member
        entry.at(line.n, "description")
        return
    if kind == "application" and member.startswith("junos-") and member not in JUNOS_APPLICATIONS:
        ctx.report.unsupported(line, f"{member} is a Junos built-in cutover does not know")
        return
    field_name = "applications" if kind == "application" else "application_sets"
    target: list[str] = getattr(entry, field_name)
    target.append(member)
    entry.at(line.n, field_name)
    if kind == "application" and member in JUNOS_APPLICATIONS:
        apps = ctx.config.security.applications
        apps.setdefault(member, builtin(member)).at(line.n)


APPLICATIONS_TOP: list[Rule] = [
    rule(r"applications application (\S+)(?: (.+))?", h_application),
    rule(
        r"applications application-set (\S+) (application|application-set|description) (.+)",
        h_application_set,
    ),
]
