"""Which Huawei view a rendered line is entered in, and which reference views accept it.

A renderer records, for every line, the chain of opener commands above it (`Emission.view`,
e.g. ``("bgp 65000", "ipv4-family unicast")``). `view_of` turns such a chain into the view name
Huawei's command reference uses (``"BGP-IPv4 unicast address family view"``) with a table of
opener patterns (`OPENERS`), each valid under one parent view.

The reference lists views inconsistently: a command valid on every Ethernet port may be listed
for ``10GE interface view`` and ``25GE-L2 view`` but not for ``GE interface view``. So names are
compared by family (`view_family`): every port speed is one "Ethernet" family, in a Layer 3 and a
Layer 2 variant. CloudEngine ports and Eth-Trunks start as Layer 2 (`portswitch`) and become
Layer 3 after `undo portswitch`; `ViewTracker` follows that per interface. In a Layer 2 view the
Layer 3 family is accepted too (the reference files most port commands, `description`,
`shutdown`, `mtu`, only under the plain name), except for `LAYER3_ONLY` commands, which a real
device refuses until the port is routed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

SYSTEM = "System view"
USER = "User view"

#: interface-name prefix (lower case) -> the type word Huawei's view names use
_PORT_TYPES: dict[str, str] = {
    "ge": "GE",
    "gigabitethernet": "GE",
    "xgigabitethernet": "10GE",
    "10ge": "10GE",
    "25ge": "25GE",
    "40ge": "40GE",
    "50ge": "50GE",
    "100ge": "100GE",
    "200ge": "200GE",
    "400ge": "400GE",
    "ethernet": "FE",
}
_OTHER_INTERFACES: dict[str, str] = {
    "eth-trunk": "Eth-Trunk interface view",
    "vlanif": "VLANIF interface view",
    "vbdif": "VBDIF interface view",
    "loopback": "Loopback interface view",
    "meth": "Management interface view",
    "null": "NULL interface view",
    "tunnel": "Tunnel interface view",
    "nve": "NVE interface view",
    "pos": "POS interface view",
    "serial": "Serial interface view",
    "virtual-template": "Virtual template view",
    "dialer": "Dialer interface view",
}
_SPEED = r"(?:\d+G|G|X|FE|10G LAN|10G WAN|50\|100G|GE optical|GE electrical)"

#: commands a Layer 2 port refuses until `undo portswitch` makes it a routed port
LAYER3_ONLY: tuple[str, ...] = ("ip address", "ipv6 address", "ip binding vpn-instance")


@cache
def view_family(name: str) -> str:
    """The family a reference view name belongs to (port speeds folded together).

    >>> view_family("25GE-L2 view"), view_family("100ge sub-interface view")
    ('Layer 2 Ethernet interface view', 'Ethernet sub-interface view')
    >>> view_family("system view")
    'System view'
    """
    text = " ".join(name.split())
    rules = (
        (
            rf"^(?:Layer 2 {_SPEED}E? interface|{_SPEED}E?-L2) view$",
            "Layer 2 Ethernet interface view",
        ),
        (rf"^(?:Layer 3 )?{_SPEED}E? interface view$", "Ethernet interface view"),
        (rf"^(?:{_SPEED}E? )?Layer 2 sub-interface view$", "Layer 2 Ethernet sub-interface view"),
        (rf"^{_SPEED}E? sub-interface view$", "Ethernet sub-interface view"),
    )
    for pattern, family in rules:
        if re.match(pattern, text, re.IGNORECASE):
            return family
    if text.lower() == "system view":
        return SYSTEM
    return text


def _is_interface(family: str) -> bool:
    return "interface view" in family or "sub-interface" in family


@cache
def accepted_families(view: str) -> frozenset[str]:
    """Reference view names (as families) under which a command may be entered in ``view``."""
    family = view_family(view)
    out = {family, "All views"}
    if family != USER:
        out.add("All views except the user view")
        if family != "AAA domain view":
            out.add("All views (excluding the AAA domain view)")
    if _is_interface(family):
        out |= {"all-interface view", "Interface view"}
        if "sub-interface" in family:
            out.add("Sub-interface view")
    if family.startswith("Layer 2 "):
        out.add(family.removeprefix("Layer 2 "))
    if family == "Layer 2 Eth-Trunk interface view":
        out.add("Eth-Trunk interface view")
    out |= VIEW_ALIASES.get(family, frozenset())
    return frozenset(out)


#: the reference lists a few openers under the view they open, not the one they are entered in
#: (`evpn` in a bridge domain is filed under "BD-EVPN view")
VIEW_ALIASES: dict[str, frozenset[str]] = {"Bridge domain view": frozenset({"BD-EVPN view"})}


def view_accepts(view: str, listed: Iterable[str]) -> bool:
    """True when a command the reference lists under ``listed`` may be entered in ``view``."""
    allowed = accepted_families(view)
    return any(view_family(name) in allowed for name in listed)


# --- openers -------------------------------------------------------------------------------


def _interface_view(match: re.Match[str], layer2: bool) -> str | None:
    kind, sub = match.group("kind").lower(), match.group("sub")
    mode_l2 = bool(match.group("l2"))
    if kind in _PORT_TYPES:
        speed = _PORT_TYPES[kind]
        if sub:
            return (
                f"{speed} Layer 2 sub-interface view" if mode_l2 else f"{speed} sub-interface view"
            )
        return f"Layer 2 {speed} interface view" if layer2 else f"{speed} interface view"
    if kind == "eth-trunk":
        if sub:
            return (
                "Eth-Trunk Layer 2 sub-interface view"
                if mode_l2
                else "Eth-Trunk sub-interface view"
            )
        return "Layer 2 Eth-Trunk interface view" if layer2 else "Eth-Trunk interface view"
    return _OTHER_INTERFACES.get(kind)


_INTERFACE = re.compile(
    r"^interface\s+(?P<kind>[A-Za-z][A-Za-z-]*?|\d+GE)\s*\d+(?:/\d+)*(?P<sub>\.\d+)?"
    r"(?P<l2>\s+mode\s+l2)?$",
    re.IGNORECASE,
)


_ACL = re.compile(
    r"^acl\s+(?P<v6>ipv6\s+)?(?:number\s+(?P<num>\d+)|name\s+\S+(?:\s+(?P<kind>[a-z]+))?"
    r"(?:\s+number\s+(?P<num2>\d+))?|(?P<bare>\d+))(?:\s+match-order\s+\S+)?$"
)


def _acl(match: re.Match[str], layer2: bool) -> str | None:
    six = "6" if match.group("v6") else ""
    number = match.group("num") or match.group("num2") or match.group("bare") or ""
    kind = (match.group("kind") or "").lower()
    if number:
        kind = {"2": "basic", "3": "advance", "4": "link"}.get(number[0], "")
    if kind == "basic":
        return f"Basic ACL{six} view"
    if kind in ("advance", "advanced", ""):
        return f"Advanced ACL{six} view"
    return "Layer 2 ACL view" if kind == "link" else None


@dataclass(frozen=True)
class Opener:
    """A command that, entered in ``parent``, opens the view ``child`` names (or computes)."""

    parent: str
    pattern: re.Pattern[str]
    child: str | None = None
    compute: Callable[[re.Match[str], bool], str | None] | None = None


def _o(parent: str, pattern: str, child: str) -> Opener:
    return Opener(parent, re.compile(pattern + r"$", re.IGNORECASE), child)


OPENERS: tuple[Opener, ...] = (
    Opener(SYSTEM, _INTERFACE, compute=_interface_view),
    Opener(SYSTEM, _ACL, compute=_acl),
    _o(SYSTEM, r"vlan \d+", "VLAN view"),
    _o(SYSTEM, r"vlan range .+", "VLAN range view"),
    _o(SYSTEM, r"bgp \S+", "BGP view"),
    _o(SYSTEM, r"bgp \S+ instance \S+", "BGP multi-instance view"),
    _o(SYSTEM, r"ospf(?: \d+)?(?: router-id \S+| vpn-instance \S+)*", "OSPF view"),
    _o(SYSTEM, r"ospfv3(?: \d+)?(?: vpn-instance \S+)?", "OSPFv3 view"),
    _o(SYSTEM, r"isis(?: \d+)?(?: vpn-instance \S+)?", "IS-IS view"),
    _o(SYSTEM, r"rip(?: \d+)?(?: vpn-instance \S+)?", "RIP view"),
    _o(SYSTEM, r"route-policy \S+ (?:permit|deny) node \d+", "Route-policy view"),
    _o(SYSTEM, r"ip vpn-instance \S+", "VPN instance view"),
    _o(SYSTEM, r"aaa", "AAA view"),
    _o(SYSTEM, r"user-interface vty \d+(?: \d+)?", "VTY-type user interface view"),
    _o(SYSTEM, r"user-interface (?:con|console) \d+", "CONSOLE-type user interface view"),
    _o(SYSTEM, r"user-interface aux \d+", "AUX-type user interface view"),
    _o(SYSTEM, r"stp region-configuration", "MST region view"),
    _o(SYSTEM, r"stp process \d+", "MSTP process view"),
    _o(SYSTEM, r"ip pool \S+", "IP address pool view"),
    _o(SYSTEM, r"traffic classifier \S+(?: (?:operator|type) \S+)?", "Traffic classifier view"),
    _o(SYSTEM, r"traffic behavior \S+", "Traffic behavior view"),
    _o(SYSTEM, r"traffic policy \S+", "Traffic policy view"),
    _o(SYSTEM, r"radius-server template \S+", "RADIUS server template view"),
    _o(SYSTEM, r"hwtacacs-server template \S+", "HWTACACS server template view"),
    _o(SYSTEM, r"bfd", "BFD view"),
    _o(SYSTEM, r"bfd \S+ bind .+", "BFD session view"),
    _o(SYSTEM, r"mpls", "MPLS view"),
    _o(SYSTEM, r"mpls ldp", "MPLS-LDP view"),
    _o(SYSTEM, r"dfs-group \d+", "DFS group view"),
    _o(SYSTEM, r"bridge-domain \d+", "Bridge domain view"),
    _o(SYSTEM, r"firewall zone \S+", "Firewall zone view"),
    _o(SYSTEM, r"firewall interzone \S+ \S+", "Firewall interzone view"),
    _o(SYSTEM, r"dhcpv6 pool \S+", "DHCPv6 pool view"),
    _o("Bridge domain view", r"evpn", "EVPN instance view"),
    _o(SYSTEM, r"dialer-rule", "Dialer rule view"),
    _o(SYSTEM, r"xpl route-filter \S+", "Route-filter policy view"),
    _o(SYSTEM, r"keychain \S+ mode \S+", "Keychain view"),
    _o(SYSTEM, r"nqa test-instance \S+ \S+", "NQA view"),
    _o(SYSTEM, r"dhcp server group \S+", "DHCP server group view"),
    _o(SYSTEM, r"ssl policy \S+", "SSL policy view"),
    _o(SYSTEM, r"telemetry", "Telemetry view"),
    _o(SYSTEM, r"evpn", "Global EVPN configuration view"),
    _o(SYSTEM, r"ip ipv6-prefix-pool \S+|ip prefix-pool \S+", "IPv6 prefix pool view"),
    _o(SYSTEM, r"ike proposal \d+", "IKE proposal view"),
    _o(SYSTEM, r"ike peer \S+(?: v[12])?", "IKE peer view"),
    _o(SYSTEM, r"ipsec proposal \S+", "IPsec proposal view"),
    _o(SYSTEM, r"ipsec policy \S+ profile|ipsec profile \S+", "IPsec profile view"),
    _o(SYSTEM, r"ipsec policy \S+ \d+(?: isakmp)?", "ISAKMP IPsec policy view"),
    _o("BGP view", r"ipv4-family unicast", "BGP-IPv4 unicast address family view"),
    _o("BGP view", r"ipv4-family multicast", "BGP-IPv4 multicast address family view"),
    _o("BGP view", r"ipv4-family vpnv4(?: unicast)?", "BGP-VPNv4 address family view"),
    _o("BGP view", r"ipv4-family vpn-instance \S+", "BGP-VPN instance IPv4 address family view"),
    _o("BGP view", r"ipv4-family vpn-target", "BGP-VPN-target address family view"),
    _o("BGP view", r"ipv4-family labeled-unicast", "BGP-Labeled address family view"),
    _o("BGP view", r"ipv6-family unicast", "BGP-IPv6 unicast address family view"),
    _o("BGP view", r"ipv6-family vpnv6(?: unicast)?", "BGP-VPNv6 address family view"),
    _o("BGP view", r"ipv6-family vpn-instance \S+", "BGP-VPN instance IPv6 address family view"),
    _o("BGP view", r"l2vpn-family evpn", "BGP-EVPN address family view"),
    _o("BGP view", r"vpn-instance \S+", "BGP-VPN instance view"),
    _o(
        "BGP multi-instance view",
        r"ipv4-family vpn-instance \S+",
        "BGP multi-instance VPN instance IPv4 address family view",
    ),
    _o("VPN instance view", r"ipv4-family(?: unicast)?", "VPN instance IPv4 address family view"),
    _o("VPN instance view", r"ipv6-family(?: unicast)?", "VPN instance IPv6 address family view"),
    _o("OSPF view", r"area \S+", "OSPF area view"),
    _o("OSPF view", r"frr", "OSPF FRR view"),
    _o("OSPFv3 view", r"area \S+", "OSPFv3 area view"),
    _o("AAA view", r"domain \S+", "AAA domain view"),
    _o("AAA view", r"authentication-scheme \S+", "Authentication scheme view"),
    _o("AAA view", r"authorization-scheme \S+", "Authorization scheme view"),
    _o("AAA view", r"accounting-scheme \S+", "Accounting scheme view"),
    _o("AAA view", r"recording-scheme \S+", "Recording scheme view"),
    _o("AAA view", r"service-scheme \S+", "Service scheme view"),
    _o("AAA view", r"local-aaa-server", "Local AAA server view"),
    _o("MSTP process view", r"stp region-configuration", "MSTP process region view"),
)


@cache
def open_view(parent: str, opener: str, *, layer2: bool = False) -> str | None:
    """The view ``opener`` (entered in ``parent``) leads to; None when the table lacks it.

    >>> open_view(SYSTEM, "interface 10GE1/0/1", layer2=True)
    'Layer 2 10GE interface view'
    >>> open_view("BGP view", "ipv4-family vpn-instance blue")
    'BGP-VPN instance IPv4 address family view'
    """
    text = " ".join(opener.split())
    parent_family = view_family(parent)
    for rule in OPENERS:
        if view_family(rule.parent) != parent_family:
            continue
        match = rule.pattern.match(text)
        if match is None:
            continue
        if rule.child is not None:
            return rule.child
        return rule.compute(match, layer2) if rule.compute else None
    return None


def view_of(chain: Sequence[str], *, layer2: bool = False) -> str | None:
    """The view of a line under the opener ``chain`` (`Emission.view`); () is System view.

    ``layer2`` says whether the innermost interface is a switched (Layer 2) port.

    >>> view_of(("bgp 65000", "ipv4-family unicast"))
    'BGP-IPv4 unicast address family view'
    >>> view_of(()), view_of(("frobnicate",)) is None
    ('System view', True)
    """
    view: str | None = SYSTEM
    for i, opener in enumerate(chain):
        if view is None:
            return None
        view = open_view(view, opener, layer2=layer2 and i == len(chain) - 1)
    return view


def is_switchable(opener: str) -> bool:
    """An Ethernet port or Eth-Trunk (not a sub-interface): it has a Layer 2/3 mode."""
    match = _INTERFACE.match(" ".join(opener.split()))
    if match is None or match.group("sub"):
        return False
    kind = match.group("kind").lower()
    return kind in _PORT_TYPES or kind == "eth-trunk"


@dataclass
class ViewTracker:
    """Follows rendered lines in order to know each line's view, incl. Layer 2/3 port mode.

    ``ports_layer2`` is the platform default: CloudEngine (VRP8) switch ports start switched;
    `undo portswitch` routes one, `portswitch` switches it back. None: either (see `views`).
    """

    ports_layer2: bool | None = True
    _mode: dict[str, bool] = field(default_factory=dict)

    def view(self, chain: Sequence[str]) -> str | None:
        """The view of a line under ``chain`` (an undecided port counts as Layer 2)."""
        return self.views(chain)[0]

    def views(self, chain: Sequence[str]) -> list[str | None]:
        """Every view the line may be in: two when the port's mode is not known.

        With ``ports_layer2=None`` (VRP5: S-series switch ports start switched, AR router
        ports routed) a port that never saw `portswitch`/`undo portswitch` may be either.
        """
        if not chain or not is_switchable(chain[-1]):
            return [view_of(chain)]
        mode = self._mode.get(self._key(chain[-1]), self.ports_layer2)
        if mode is None:
            return [view_of(chain, layer2=True), view_of(chain, layer2=False)]
        return [view_of(chain, layer2=mode)]

    def observe(self, chain: Sequence[str], line: str) -> None:
        """Note a line entered under ``chain`` (call after checking it)."""
        text = " ".join(line.split()).lower()
        if chain and is_switchable(chain[-1]) and text in ("portswitch", "undo portswitch"):
            self._mode[self._key(chain[-1])] = text == "portswitch"

    @staticmethod
    def _key(opener: str) -> str:
        return "".join(opener.split()).lower()
