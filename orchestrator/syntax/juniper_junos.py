"""Juniper Junos (source only): `show configuration` in brace or `display set` form → the model.

Both forms become one stream of statements (`juniper_junos_text`); each statement's path is
then mapped by rule tables, one per hierarchy (`juniper_junos_system`, `_interfaces`,
`_routing`, `_bgp`, `_policy`, `_filter`). Brace openers count as source lines: an opener that
is a model node (an interface, a BGP group, a neighbor, a policy term) is parsed into that node;
the others (``protocols {``) are blocks whose status follows from the statements inside. Lines
that are only ``}`` are separators, and comments (``#``, ``/* */``) do not count.

SRX ``security`` is read into the model's zone-based firewall (`juniper_junos_zones`,
`juniper_junos_secpolicy`, `juniper_junos_apps`), IKE/IPsec objects (`juniper_junos_ike`,
`juniper_junos_ipsec`) and NAT rules (`juniper_junos_nat`).
Hierarchies with no meaning on the targets are ignored with their rule (``chassis``: the Junos
box's own hardware); those the targets could express but cutover does not translate are
unsupported with the reason (``class-of-service``, SRX UTM/IDP, ...).
"""

from __future__ import annotations

import re
from typing import ClassVar

from orchestrator.model import DeviceConfig, Secret, SecretKind
from orchestrator.syntax.base import Parsed, Platform
from orchestrator.syntax.juniper_junos_apps import APPLICATIONS_TOP
from orchestrator.syntax.juniper_junos_bgp import finish_bgp
from orchestrator.syntax.juniper_junos_filter import FILTER_TOP, finish_filters
from orchestrator.syntax.juniper_junos_groups import read_stream
from orchestrator.syntax.juniper_junos_ike import finish_ike
from orchestrator.syntax.juniper_junos_index import Junos, as_line, build_index, junos
from orchestrator.syntax.juniper_junos_interfaces import INTERFACE_TOP, finish_interfaces
from orchestrator.syntax.juniper_junos_ipsec import IPSEC_TOP, finish_ipsec
from orchestrator.syntax.juniper_junos_login import LOGIN_TOP, finish_users
from orchestrator.syntax.juniper_junos_nat import NAT_TOP, finish_nat
from orchestrator.syntax.juniper_junos_ospf import finish_ospf
from orchestrator.syntax.juniper_junos_overlay import OVERLAY_TOP, finish_overlay
from orchestrator.syntax.juniper_junos_policy import POLICY_TOP, finish_policies
from orchestrator.syntax.juniper_junos_relay import RELAY_TOP, finish_relay
from orchestrator.syntax.juniper_junos_routing import (
    PROTOCOLS_TOP,
    finish_routes,
    finish_routing,
    finish_vrfs,
)
from orchestrator.syntax.juniper_junos_secpolicy import SECPOLICY_TOP, finish_zone_policies
from orchestrator.syntax.juniper_junos_snmp import SNMP_TOP, finish_snmp
from orchestrator.syntax.juniper_junos_switching import SWITCHING_TOP, finish_switching
from orchestrator.syntax.juniper_junos_system import SYSTEM_TOP
from orchestrator.syntax.juniper_junos_text import (
    INACTIVE_RULE,
    Stmt,
    Stream,
    blank_block_comments,
    tokens,
)
from orchestrator.syntax.juniper_junos_zones import ZONES_TOP, finish_zones
from orchestrator.syntax.linereport import LineReport
from orchestrator.syntax.rules import Ctx, Rule, dispatch, rule
from orchestrator.syntax.text import Line, split_lines

SRX_SECURITY = (
    "this SRX security feature (UTM, IDP, ALG and flow settings, PKI, ...) is not translated"
)


def h_storm_profile(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    if m.group(1) in junos(ctx).index.storm_profiles_used:
        ctx.report.unsupported(line, "storm-control profiles are not translated")
    else:
        ctx.report.ignored(line, "a storm-control profile that no interface uses")


def h_apply_macro(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    ctx.report.unsupported(
        line, "apply-macro data for commit scripts; what the script does with it cannot be known"
    )


MISC_TOP: list[Rule] = [
    rule(r"chassis cluster .+", unsupported="SRX chassis cluster is not translated"),
    rule(
        r"chassis(?: .*)?",
        ignore="chassis settings describe the Junos box's own hardware "
        "(FPCs, PICs, alarms, aggregated-device count)",
    ),
    rule(r"security(?: .*)?", unsupported=SRX_SECURITY),
    rule(r"forwarding-options storm-control-profiles (\S+)(?: .*)?", h_storm_profile),
    rule(
        r"forwarding-options .+",
        unsupported="forwarding-options (DHCP relay, sampling, "
        "port mirroring, hashing) are not translated",
    ),
    rule(
        r"class-of-service .+",
        unsupported="class of service (QoS) is not translated: the "
        "target's default queueing applies",
    ),
    rule(
        r"ethernet-switching-options .+",
        unsupported="EX ethernet-switching-options (storm "
        "control, port security, voice VLAN) are not translated",
    ),
    rule(
        r"(?:event-options|services|access|access-profile|applications|poe|virtual-chassis|"
        r"multi-chassis|dynamic-profiles|vmhost|accounting-options) .+",
        unsupported="this Junos hierarchy is not translated",
    ),
]


_WORD_SPLIT = re.compile(r'[\s"{};\[\]]+')


class JunosCtx(Ctx):
    """A `Ctx` that remembers every secret value, to hide it on every line that shows it."""

    def __init__(self, config: DeviceConfig, report: LineReport, platform: str) -> None:
        super().__init__(config, report, platform)
        self.secrets: set[str] = set()

    def secret(self, line: Line, kind: SecretKind, value: str) -> Secret:
        if kind != "ref" and value:
            self.secrets.add(value)
        return super().secret(line, kind, value)


_LEADING = re.compile(r"\(\?:([a-z0-9|-]+)\)|([a-z][a-z0-9-]*)")


def _leading_words(pattern: str) -> set[str]:
    """The literal first words a rule's regex allows (empty: it may start with anything).

    >>> sorted(_leading_words(r"(?:vlans|bridge-domains) (\\S+) (.+)"))
    ['bridge-domains', 'vlans']
    """
    m = _LEADING.match(pattern)
    if m is None or pattern[m.end() : m.end() + 1] not in (" ", "(", ""):
        return set()
    return set((m.group(1) or m.group(2)).split("|"))


def redact_everywhere(found: set[str], report: LineReport) -> None:
    """Hide each secret on every line that names it, not only on the statement that set it.

    A brace opener names what its statements configure (`community school-ro {`, `trap-group
    ESMA {`): the name is the secret there too.
    """
    if not found:
        return
    for n, entry in report.lines.items():
        words = set(_WORD_SPLIT.split(entry.text))
        for value in found & words:
            report.redact(n, value)


class JuniperJunos(Platform):
    """Juniper Junos: EX/QFX switches, MX/vMX routers, SRX (routing side only)."""

    name: ClassVar[str] = "juniper_junos"
    family: ClassVar[str] = "juniper"
    comment_prefixes: ClassVar[tuple[str, ...]] = ("#", "/*")
    separators: ClassVar[frozenset[str]] = frozenset({"}"})
    native_secret_kinds: ClassVar[frozenset[SecretKind]] = frozenset(
        {"plain", "junos9", "unix_hash"}
    )
    #: Junos `mtu` counts the 14-byte Ethernet header; the targets count the IP packet
    mtu_overhead: ClassVar[int] = 14
    bgp_sends_communities: ClassVar[bool] = True
    #: a firewall filter discards what no term accepts
    acl_filter_default: ClassVar[str | None] = "deny"
    proxy_arp_default: ClassVar[bool | None] = False
    dns_lookup_default: ClassVar[bool | None] = True
    ospf_reference_bandwidth: ClassVar[int] = 100
    stp_modes: ClassVar[frozenset[str]] = frozenset({"stp", "rstp", "mstp"})
    renders: ClassVar[bool] = False
    fingerprints: ClassVar[tuple[str, ...]] = (
        r"^set (?:system|interfaces|protocols|routing-options|policy-options|security|snmp) ",
        r"^\s*(?:system|interfaces|protocols|policy-options|routing-options|chassis) \{$",
        r"^(?:set )?version \d+\.\d+[RXFDIS]",
        r"^\s+unit \d+ \{$",
        r"^\s+family (?:inet|inet6|ethernet-switching) \{$",
        r"^\s+(?:host-name|domain-name) \S+;$",
        r"^deactivate ",
        r"## SECRET-DATA$",
    )

    TOP: ClassVar[list[Rule]] = []
    _BY_WORD: ClassVar[dict[str, list[Rule]]] = {}

    def rules_for(self, first: str) -> list[Rule]:
        """The rules of `TOP` that can match a statement starting with ``first``, in order."""
        found = self._BY_WORD.get(first)
        if found is None:
            found = [
                r
                for r in self.TOP
                if first in _leading_words(r.pattern.pattern)
                or not _leading_words(r.pattern.pattern)
            ]
            self._BY_WORD[first] = found
        return found

    def is_counted(self, line: Line) -> bool:
        """Blank lines, comments and lines with only closing braces do not count."""
        if not super().is_counted(line):
            return False
        return not (line.text.startswith("}") and set(tokens(line.text)) <= {"}"})

    def parse(self, text: str, *, path: str = "<input>") -> Parsed:
        """Like `Platform.parse`, with the `}` lines (which do not count) kept for the braces."""
        every = split_lines(blank_block_comments(text))
        lines = [line for line in every if self.is_counted(line)]
        report = LineReport(self.name, lines)
        config = DeviceConfig()
        stream = read_stream(every, path=path)  # `check_complete`: refuses a file cut short
        with self.crash_guard(path):
            self.fill(stream, config, report)
        return Parsed(config=config, report=report, platform=self.name)

    def check_complete(self, lines: list[Line], *, path: str) -> None:
        """Unbalanced braces, an unclosed quote, a last statement without `;`: cut short.

        ``lines`` must be every line of the file, `}` lines included (as `parse` passes them).
        """
        read_stream(lines, path=path)

    def parse_lines(self, lines: list[Line], config: DeviceConfig, report: LineReport) -> None:
        """Fill ``config`` from every line of the file (`}` lines included)."""
        self.fill(read_stream(lines), config, report)

    def fill(self, stream: Stream, config: DeviceConfig, report: LineReport) -> None:
        """Map every statement of ``stream``, then settle what needed the whole file."""
        ctx = JunosCtx(config, report, self.name)
        ctx.state["junos"] = Junos(index=build_index(stream.statements))
        for line, outcome, reason in stream.verdicts:
            if outcome == "ignored":
                report.ignored(line, reason)
            else:
                report.unsupported(line, reason)
        for stmt in stream.statements:
            self.statement(ctx, stmt)
        for finish in FINISH:
            finish(ctx)
        claimed = junos(ctx).claimed
        for opener in stream.openers:
            if opener.inactive:
                report.ignored(opener.line, INACTIVE_RULE)
            elif opener.line.n not in claimed:
                report.block(opener.line, opener.children)
        redact_everywhere(ctx.secrets, report)

    def statement(self, ctx: Ctx, stmt: Stmt) -> None:
        """Map one statement (or mark why it is not mapped); its extra lines follow it."""
        if stmt.deleted is not None:
            ctx.report.ignored(stmt.line, f"removed by `delete` on line {stmt.deleted}")
        elif stmt.inactive is not None:
            ctx.report.ignored(stmt.line, INACTIVE_RULE)
        else:
            line = as_line(stmt, stmt.text)
            try:
                dispatch(ctx, line, self.rules_for(stmt.words[0]), stmt)
            except (ValueError, KeyError, IndexError) as exc:
                # a damaged value (`10.0.0#0/24`, a port name no table knows): this line only
                ctx.report.unsupported(line, f"a value is not understood ({exc})")
        entry = ctx.report.lines.get(stmt.line.n)
        if entry is None:
            return
        for extra in stmt.extra:
            if entry.outcome == "parsed":
                ctx.report.parsed(extra)
            elif entry.outcome == "ignored":
                ctx.report.ignored(extra, entry.reason or "")
            else:
                ctx.report.unsupported(extra, entry.reason or "")


JuniperJunos.TOP = [
    rule(r"(?:.+ )?apply-macro .+", h_apply_macro),
    *SYSTEM_TOP,
    *LOGIN_TOP,
    *SNMP_TOP,
    *INTERFACE_TOP,
    *SWITCHING_TOP,
    *OVERLAY_TOP,
    *PROTOCOLS_TOP,
    *POLICY_TOP,
    *FILTER_TOP,
    *RELAY_TOP,
    *ZONES_TOP,
    *SECPOLICY_TOP,
    *APPLICATIONS_TOP,
    *IPSEC_TOP,
    *NAT_TOP,
    *MISC_TOP,
]

#: settled once every statement is read, in this order (BGP before what refers to its families)
FINISH = (
    finish_switching,
    finish_interfaces,
    finish_ike,
    finish_ipsec,
    finish_zones,
    finish_zone_policies,
    finish_nat,
    finish_relay,
    finish_users,
    finish_snmp,
    finish_policies,
    finish_filters,
    finish_routes,
    finish_bgp,
    finish_ospf,
    finish_vrfs,
    finish_overlay,
    finish_routing,
)

PLATFORM = JuniperJunos()

__all__ = ["PLATFORM", "JuniperJunos"]
