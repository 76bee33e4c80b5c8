"""What every platform module shares: the render emitter and the base class.

A parser fills the model and marks each source line in a `LineReport` (`linereport`). A renderer
writes target lines through an `Emitter`, naming the model node and fields each line comes
from; provenance on the nodes turns that into "source line 17 became target lines 4 and 5".
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import ClassVar

from orchestrator.errors import ParseError, ParserCrash
from orchestrator.model import DeviceConfig, Node, Secret, SecretKind
from orchestrator.model.walk import held_nodes
from orchestrator.syntax.linereport import LineReport
from orchestrator.syntax.text import Line, build_tree, decode_config, split_lines


@dataclass
class Parsed:
    config: DeviceConfig
    report: LineReport
    platform: str


@dataclass
class Emission:
    text: str
    sources: tuple[int, ...]
    view: tuple[str, ...] = ()  # the commands that opened the views this line is entered in


@dataclass
class Rendered:
    platform: str
    emissions: list[Emission] = field(default_factory=list)
    changes: dict[int, list[str]] = field(default_factory=dict)  # source line -> notes
    ignored: dict[int, str] = field(default_factory=dict)  # source line -> rule
    unsupported: dict[int, str] = field(default_factory=dict)  # source line -> reason
    #: (id(node), field) pairs the renderer declared it did not write; "" is the whole node
    dropped: list[tuple[int, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(e.text + "\n" for e in self.emissions)


class Emitter:
    """Collects target lines with their provenance and the view each line is entered in.

    It also remembers which (node, field) pairs the renderer expressed: every `emit` and `view`
    records the fields it names (the node itself, field ``""``, if none), and `mark`, `default`,
    `ignore` and `unsupported` record theirs. `orchestrator.syntax.sweep` then reports every
    other non-default field unsupported, so a field no renderer rule knows cannot vanish.

    >>> from orchestrator.model import Interface
    >>> ifc = Interface(name="GigabitEthernet0/0/1")
    >>> ifc.at(3)
    >>> out = Emitter("huawei_vrp")
    >>> with out.view("interface GigabitEthernet0/0/1", ifc):
    ...     out.emit(" shutdown", ifc)
    >>> [e.sources for e in out.result.emissions]
    [(3,), (3,)]
    """

    def __init__(self, platform: str) -> None:
        self.result = Rendered(platform)
        self._views: list[str] = []
        #: (id(node), field) pairs a line expressed or a declaration accounted; "" is the node
        self.handled: set[tuple[int, str]] = set()

    @staticmethod
    def sources_of(node: Node | None, fields: tuple[str, ...]) -> tuple[int, ...]:
        if node is None:
            return ()
        found: list[int] = []
        for name in fields or ("",):
            lines = node.src.get(name)
            if not lines and "=" in name:
                # an item the parser did not record on its own: the whole list's lines
                lines = node.src.get(name[: name.index("=")])
            for n in lines:
                if n not in found:
                    found.append(n)
        return tuple(found)

    def emit(self, text: str, node: Node | None = None, *fields: str) -> None:
        """Write one target line that comes from ``fields`` of ``node`` (the node if none).

        A field may be one item of a list (`item_key("passive", "Gi0/1")`): the line cites that
        item's source line, and the whole list counts as expressed.
        """
        self.mark(node, *fields)
        self.result.emissions.append(
            Emission(text, self.sources_of(node, fields), tuple(self._views))
        )

    def item(self, text: str, node: Node, *fields: str) -> None:
        """The one line that stands for ``node`` (an entry, a server, a route): it cites every
        source line of the node; ``fields`` are the settings it expresses besides the node."""
        self.cite(text, self.sources_of(node, tuple(node.src.lines)), node, "", *fields)

    def cite(
        self, text: str, sources: tuple[int, ...], node: Node | None = None, *fields: str
    ) -> None:
        """Write a line citing exactly ``sources``; ``fields`` of ``node`` count as expressed."""
        self.mark(node, *fields)
        self.result.emissions.append(Emission(text, sources, tuple(self._views)))

    def also(self, node: Node | None, *fields: str) -> None:
        """The line written last also expresses ``fields`` of ``node`` (a second source)."""
        if node is None or not self.result.emissions:
            return
        self.mark(node, *fields)
        last = self.result.emissions[-1]
        extra = self.sources_of(node, fields)
        last.sources = last.sources + tuple(n for n in extra if n not in last.sources)

    def plain(self, text: str) -> None:
        """Write a line that comes from no source line (separators, `return`, `quit`)."""
        self.result.emissions.append(Emission(text, (), tuple(self._views)))

    @contextmanager
    def view(self, opener: str, node: Node | None = None, *fields: str) -> Iterator[Emitter]:
        """Emit ``opener`` and enter its view until the ``with`` block ends."""
        self.emit(opener, node, *fields)
        self._views.append(opener.strip())
        try:
            yield self
        finally:
            self._views.pop()

    def mark(self, node: Node | None, *fields: str) -> None:
        """Record ``fields`` (the node if none) as expressed by lines written for others."""
        if node is not None:
            nid = id(node)
            for name in fields or ("",):
                self.handled.add((nid, name.partition("=")[0]))

    def change(self, node: Node | None, *fields: str, note: str) -> None:
        """The lines behind ``fields`` mean something slightly different on the target."""
        for n in self.sources_of(node, fields):
            notes = self.result.changes.setdefault(n, [])
            if note not in notes:
                notes.append(note)

    def carried(self, node: Node, *fields: str, note: str) -> None:
        """``fields`` are carried only approximately, by lines written for others: a change
        note on their lines, and out of the round trip (the parser cannot give them back)."""
        self.change(node, *fields, note=note)
        self.leave_out(node, *fields)

    def leave_out(self, node: Node, *fields: str) -> None:
        """Leave ``fields`` (the node if none) out of the round-trip comparison, their lines
        accounted already (a part whose every setting was declared on its own)."""
        self.mark(node, *fields)
        self.result.dropped.extend((id(node), name) for name in fields or ("",))

    def default(self, node: Node, *fields: str, rule: str) -> None:
        """``fields`` hold the target's default: no line, and the parser reads the default
        back as this value (so, unlike `ignore`, the fields stay in the round trip)."""
        self.mark(node, *fields)
        for n in self.sources_of(node, fields):
            self.result.ignored.setdefault(n, rule)

    def ignore(self, node: Node | None, *fields: str, rule: str) -> None:
        """``fields`` (the whole node if none) need no target line (e.g. the target's
        default); the lines of any node they hold are accounted the same way."""
        self._declare(node, fields, rule, self.result.ignored)

    def unsupported(self, node: Node | None, *fields: str, reason: str) -> None:
        """The target cannot express ``fields`` (the whole node if none); the lines of any
        node they hold are reported too."""
        self._declare(node, fields, reason, self.result.unsupported)

    def _declare(
        self, node: Node | None, fields: tuple[str, ...], why: str, bucket: dict[int, str]
    ) -> None:
        if node is None:
            return
        self.mark(node, *fields)
        self._account(node, fields, why, bucket)
        if not fields:  # the whole node: every line that set it
            self._account(node, tuple(node.src.lines), why, bucket)
        for child in held_nodes(node, fields):
            self._account_tree(child, why, bucket)

    def _account(
        self, node: Node, fields: tuple[str, ...], why: str, bucket: dict[int, str]
    ) -> None:
        """Leave ``fields`` out of the round trip and give their lines ``why``."""
        self.result.dropped.extend((id(node), name) for name in fields or ("",))
        for n in self.sources_of(node, fields):
            bucket.setdefault(n, why)

    def _account_tree(self, node: Node, why: str, bucket: dict[int, str]) -> None:
        self._account(node, tuple(node.src.lines) or ("",), why, bucket)
        for child in held_nodes(node):
            self._account_tree(child, why, bucket)


#: keys are model paths: they hold interface names (`Gi0/1`) and IPv6 neighbor addresses
SECRET_TOKEN = re.compile(r"^\{\{secret:([^\s{}]+)\}\}$")


def secret_token(secret: Secret) -> str:
    """How a renderer writes a secret: only references ever reach a rendered config.

    >>> secret_token(Secret("ref", "system.enable_secret"))
    '{{secret:system.enable_secret}}'
    """
    if secret.kind != "ref":
        raise ValueError("renderers write secret references only; translate.adapt makes them")
    return "{{secret:" + secret.value + "}}"


class Platform:
    """One platform's syntax: parse text into the model, render the model into text.

    Override points (each a class attribute or method a platform module may redefine):
    """

    #: the netutils platform name (`cisco_ios`, `huawei_vrp`, ...)
    name: ClassVar[str] = ""
    #: a line starting with one of these (after indentation) is a comment, not counted
    comment_prefixes: ClassVar[tuple[str, ...]] = ("!",)
    #: lines equal to one of these are separators, not counted
    separators: ClassVar[frozenset[str]] = frozenset({"!"})
    #: secret kinds that this platform's own configs hold (for parsing)
    native_secret_kinds: ClassVar[frozenset[SecretKind]] = frozenset()
    #: vendor family: a file of another family given as this platform is refused
    family: ClassVar[str] = ""
    #: optional features this platform's renderer can express; `adapt` converts the rest
    #: (e.g. without "hsrp", HSRP groups become VRRP groups with a change note)
    features: ClassVar[frozenset[str]] = frozenset()
    #: spanning-tree modes the platform has
    stp_modes: ClassVar[frozenset[str]] = frozenset({"stp", "rstp", "mstp"})
    #: OSPF reference bandwidth (Mbit/s) when the config does not set one
    ospf_reference_bandwidth: ClassVar[int] = 100
    #: OSPF processes may have names (NX-OS); False: `adapt` numbers named processes
    ospf_process_names: ClassVar[bool] = False
    #: bytes an interface `mtu` counts beyond the IP packet (Junos counts the Ethernet header)
    mtu_overhead: ClassVar[int] = 0
    #: routed interfaces answer proxy ARP unless configured otherwise (IOS yes, VRP no);
    #: None: not declared, and `adapt` leaves proxy ARP as the source has it
    proxy_arp_default: ClassVar[bool | None] = None
    #: the box resolves host names through its configured DNS servers unless told not to
    #: (IOS `ip domain lookup` is on by default, VRP needs `dns resolve`); None: not declared
    dns_lookup_default: ClassVar[bool | None] = None
    #: the box serves SSH without a statement saying so (NX-OS: `feature ssh` is on by default);
    #: None: it depends on something outside the config (IOS: a host key)
    ssh_server_default: ClassVar[bool | None] = None
    #: what an interface ACL does with packets no rule matches ("deny": IOS, NX-OS, Junos
    #: filters; "permit": VRP and Comware packet filters); None: not known
    acl_filter_default: ClassVar[str | None] = None
    #: ICMPv6 types an IPv6 ACL lets through before its implicit deny (IOS: neighbour discovery)
    acl_ipv6_implicit_permits: ClassVar[tuple[str, ...]] = ()
    #: BGP sends communities to every peer unless told otherwise (Junos does)
    bgp_sends_communities: ClassVar[bool] = False
    #: OSPF external metric of redistributed routes when none is given, by source protocol
    #: ("default" for the others); empty: not declared, `adapt` leaves metrics as they are
    ospf_external_metrics: ClassVar[Mapping[str, int]] = {}

    # --- reading --------------------------------------------------------------------------

    def is_counted(self, line: Line) -> bool:
        """Blank lines, comments and separators are not source lines."""
        text = line.text
        if not text or text in self.separators:
            return False
        return not text.startswith(self.comment_prefixes)

    def counted_lines(self, text: str) -> list[Line]:
        """The source lines of ``text``: what every report accounts for, each exactly once.

        Counting can depend on context (a banner's text counts even where a line of it looks
        like a comment), so everything that counts lines asks here, never `is_counted` alone.
        """
        return [line for line in split_lines(text) if self.is_counted(line)]

    def parse(self, text: str, *, path: str = "<input>") -> Parsed:
        """Parse a whole configuration. Raises `ParseError` only for input that is not a config."""
        lines = self.counted_lines(text)
        report = LineReport(self.name, lines)
        config = DeviceConfig()
        self.check_complete(lines, path=path)
        with self.crash_guard(path):
            self.parse_lines(lines, config, report)
        return Parsed(config=config, report=report, platform=self.name)

    @contextmanager
    def crash_guard(self, path: str) -> Iterator[None]:
        """Turn a parser bug into a `ParserCrash` naming the file; input errors pass through."""
        try:
            yield
        except ParseError:
            raise
        except Exception as exc:  # a parser bug must not hide which file caused it
            raise ParserCrash(
                f"{path}: the {self.name} parser failed ({type(exc).__name__}: {exc})",
                hint="this is a bug in cutover; please report it with the file",
            ) from exc

    def parse_bytes(self, data: bytes, *, path: str = "<input>") -> Parsed:
        decoded = decode_config(data, path=path)
        parsed = self.parse(decoded.text, path=path)
        parsed.report.warnings[:0] = decoded.warnings
        return parsed

    def check_complete(self, lines: list[Line], *, path: str) -> None:
        """Refuse a file that is visibly cut short. Platforms override with their own markers."""

    def parse_lines(self, lines: list[Line], config: DeviceConfig, report: LineReport) -> None:
        """Fill ``config`` from counted ``lines`` and mark each in ``report``."""
        raise NotImplementedError(f"{self.name} has no parser")

    @staticmethod
    def tree(lines: list[Line]) -> list[Line]:
        return build_tree(lines)

    # --- detection ------------------------------------------------------------------------

    #: regexes whose matches (per line, multiline mode) say "this file is this platform"
    fingerprints: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def detect_score(cls, text: str) -> int:
        """How strongly ``text`` looks like this platform: the number of fingerprint hits."""
        return sum(len(re.findall(p, text, re.MULTILINE)) for p in cls.fingerprints)

    # --- writing --------------------------------------------------------------------------

    #: True when this platform can be a translation target
    renders: ClassVar[bool] = False

    def prepare(self, config: DeviceConfig, notes: Emitter) -> None:
        """Shape an adapted model into what this platform can write (called by `adapt`).

        Target-specific shaping lives here, not in `render`: renumbering named ACLs, turning
        inline route filters into prefix lists, making implicit defaults explicit. Each change
        leaves a note on ``notes`` (`notes.change`, `notes.ignore`, `notes.unsupported`).
        `render` then writes exactly the model it is given and must not change it: the round
        trip compares that model with what the platform's parser reads back.
        """

    def render(self, config: DeviceConfig) -> Rendered:
        """Write ``config`` in this platform's syntax, with provenance for every line."""
        raise NotImplementedError(f"{self.name} has no renderer")
