"""Interface names across platforms: reading them, classifying them, mapping them.

Every platform's naming is a table (`NAMING`): the port types it has, their speed, their
abbreviations, and how its port numbers are laid out. Mapping a port to another platform keeps
its kind and speed and renumbers it with the target's layout, so `GigabitEthernet0/1` on IOS
becomes `GigabitEthernet0/0/1` on VRP; a port map file or a hardware profile (see `profiles`)
overrides the default for real hardware.

>>> map_name("cisco_ios", "GigabitEthernet0/1", "huawei_vrp")
'GigabitEthernet0/0/1'
>>> map_name("cisco_ios", "Port-channel10", "hp_comware")
'Bridge-Aggregation10'
>>> canonical_name("cisco_ios", "gi0/1.100")
'GigabitEthernet0/1.100'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from orchestrator.errors import PlatformError
from orchestrator.model import InterfaceKind


@dataclass(frozen=True)
class PortType:
    """One kind of interface name on one platform."""

    prefix: str  # canonical spelling, e.g. "GigabitEthernet", "ge", "Eth-Trunk"
    kind: InterfaceKind
    speed: int | None = None  # Mbit/s for physical ports
    aliases: tuple[str, ...] = ()  # other spellings accepted on input (matched case-blind)
    sep: str = ""  # between prefix and number: "-" for Junos and ZTE ports
    numbered: bool = True  # False for names without a number (`irb`, `mgmt_eth`)
    routed: bool | None = None  # a LAG flavour that is layer 3 (Comware Route-Aggregation)


Layout = Callable[[tuple[int, ...]], tuple[int, ...]]


def _layout_slot_card_port(numbers: tuple[int, ...]) -> tuple[int, ...]:
    """VRP: slot/card/port. `0/1` → `0/0/1`, `1` → `0/0/1`, three levels kept."""
    if len(numbers) == 1:
        return (0, 0, numbers[0])
    if len(numbers) == 2:
        return (numbers[0], 0, numbers[1])
    return numbers[-3:]


def _layout_member_slot_port(numbers: tuple[int, ...]) -> tuple[int, ...]:
    """Comware: IRF member (from 1)/slot/port. `0/1` → `1/0/1`, `1/0` → `1/1/0`.

    A two-level source name is slot/port (router modules, switch modules), so it keeps both
    numbers under member 1: `Fa0/0` and `Fa1/0` stay two ports.
    """
    if len(numbers) == 1:
        return (1, 0, numbers[0])
    if len(numbers) == 2:
        return (1, numbers[0], numbers[1])
    first = numbers[-3]
    return (max(first, 1), numbers[-2], numbers[-1])


def _layout_shelf_slot_port(numbers: tuple[int, ...]) -> tuple[int, ...]:
    """ZXROS NG (ZXR10 59xx, M6000, ZXCTN): rack/slot/sub-card/port, e.g. `xgei-1/1/0/1`.

    Real ZXROS NG names have four levels (`gei-0/2/0/5` on an M6000, `xgei-1/1/0/24` on a
    ZXCTN 6120H-S, `xgei-0/1/1/2` on a 5960X). Targets get rack 1 (or the stack member) and
    slot = source slot + 1 (ZXROS slots count from 1, IOS modules from 0), sub-card 0, and the
    port number unchanged, so distinct source ports stay distinct:
    `0/1` → `1/1/0/1`, `1/0` → `1/2/0/0`, `1/0/24` (IOS stack member 1) → `1/1/0/24`.
    """
    if len(numbers) >= 4:
        return numbers[-4:]
    if len(numbers) == 1:
        return (1, 1, 0, numbers[0])
    if len(numbers) == 2:
        return (1, numbers[0] + 1, 0, numbers[1])
    return (max(numbers[0], 1), numbers[1] + 1, 0, numbers[2])


def _layout_keep(numbers: tuple[int, ...]) -> tuple[int, ...]:
    return numbers


def _layout_slot_port(numbers: tuple[int, ...]) -> tuple[int, ...]:
    """IOS / NX-OS: two levels where the source had more keeps the last two."""
    if len(numbers) == 1:
        return (0, numbers[0])
    return numbers


def _t(prefix: str, kind: InterfaceKind, speed: int | None = None, *aliases: str) -> PortType:
    return PortType(prefix, kind, speed, aliases)


_LOGICAL_CISCO = (
    _t("Port-channel", "lag", None, "po", "port-channel"),
    _t("Vlan", "svi", None, "vl"),
    _t("Loopback", "loopback", None, "lo"),
    _t("Tunnel", "tunnel", None, "tu"),
    _t("Null", "null", None, "nu"),
)

NAMING: dict[str, tuple[PortType, ...]] = {
    "cisco_ios": (
        _t("FastEthernet", "ethernet", 100, "fa", "fe"),
        _t("GigabitEthernet", "ethernet", 1000, "gi", "ge", "gig"),
        _t("TenGigabitEthernet", "ethernet", 10000, "te", "ten", "tengig"),
        _t("TwentyFiveGigE", "ethernet", 25000, "twe", "twentyfivegigabitethernet"),
        _t("FortyGigabitEthernet", "ethernet", 40000, "fo", "forty"),
        _t("HundredGigE", "ethernet", 100000, "hu", "hundredgigabitethernet"),
        _t("Ethernet", "ethernet", 10, "eth", "et"),
        *_LOGICAL_CISCO,
        _t("Serial", "other", None, "se"),
        _t("ATM", "other", None, "at"),
        _t("Dialer", "other", None, "di"),
        _t("Virtual-Template", "other", None, "vt"),
        _t("Virtual-Access", "other", None, "vi"),
        _t("Multilink", "other", None, "mu"),
        _t("BVI", "other", None),
        _t("Async", "other", None, "as"),
        _t("Embedded-Service-Engine", "other", None),
        _t("Wlan-GigabitEthernet", "other", None),
        _t("Dot11Radio", "other", None),
        _t("Cellular", "other", None),
        _t("Virtual-PPP", "other", None),
        _t("NVI", "other", None),
    ),
    "cisco_nxos": (
        _t("Ethernet", "ethernet", 10000, "eth", "e"),
        _t("port-channel", "lag", None, "po", "Port-channel"),
        _t("Vlan", "svi", None, "vl"),
        _t("loopback", "loopback", None, "lo", "Loopback"),
        _t("mgmt", "management", None),
        _t("Tunnel", "tunnel", None, "tu"),
        _t("nve", "other", None),
        _t("Null", "null", None),
    ),
    "juniper_junos": (
        PortType("fe", "ethernet", 100, (), "-"),
        PortType("ge", "ethernet", 1000, (), "-"),
        PortType("xe", "ethernet", 10000, (), "-"),
        PortType("et", "ethernet", 100000, (), "-"),
        PortType("ae", "lag", None),
        PortType("lo", "loopback", None),
        PortType("irb", "svi", None),
        PortType("vlan", "svi", None),
        PortType("fxp", "management", None),
        PortType("em", "management", None),
        PortType("me", "management", None),
        PortType("gr", "tunnel", None, (), "-"),
        PortType("st", "tunnel", None),
        PortType("reth", "lag", None),
        PortType("fab", "other", None),
        PortType("vme", "management", None),
        PortType("mge", "ethernet", 1000, (), "-"),  # multi-rate ports of EX4300-MP / QFX
        PortType("dsc", "null", None, (), "", False),  # discard: static `discard` routes
    ),
    "huawei_vrp": (
        _t("Ethernet", "ethernet", 100, "eth"),
        _t("GigabitEthernet", "ethernet", 1000, "gi", "ge"),
        _t("XGigabitEthernet", "ethernet", 10000, "xge", "xgi"),
        _t("25GE", "ethernet", 25000),
        _t("40GE", "ethernet", 40000),
        _t("100GE", "ethernet", 100000),
        _t("Eth-Trunk", "lag", None, "eth-trunk"),
        _t("Vlanif", "svi", None),
        _t("LoopBack", "loopback", None, "loopback"),
        _t("Tunnel", "tunnel", None),
        _t("NULL", "null", None),
        _t("MEth", "management", None),
        # AR routers: WAN and dial-up interfaces ("other" ports map only to the same name)
        _t("Serial", "other", None),
        _t("Atm", "other", None),  # ADSL/G.SHDSL ports of AR routers
        _t("Dialer", "other", None),
        _t("Virtual-Template", "other", None),
    ),
    "huawei_vrpv8": (
        _t("GE", "ethernet", 1000),
        _t("10GE", "ethernet", 10000),
        # NE40E routers spell 1G ports out; both spellings are canonical on VRP8
        _t("GigabitEthernet", "ethernet", 1000),
        # NE40E Fast Ethernet ports (so 100M sources keep their own names)
        _t("Ethernet", "ethernet", 100),
        _t("25GE", "ethernet", 25000),
        _t("40GE", "ethernet", 40000),
        _t("100GE", "ethernet", 100000),
        _t("400GE", "ethernet", 400000),
        _t("Eth-Trunk", "lag", None, "eth-trunk"),
        _t("Vlanif", "svi", None),
        _t("Vbdif", "svi", None),
        _t("LoopBack", "loopback", None, "loopback"),
        _t("Tunnel", "tunnel", None),
        _t("NULL", "null", None),
        _t("MEth", "management", None),
        _t("Nve", "other", None),
    ),
    "hp_comware": (
        # FE ports of MSR routers and older switches; GE is `GigabitEthernet`, not `Ethernet`
        _t("Ethernet", "ethernet", 100, "eth"),
        _t("GigabitEthernet", "ethernet", 1000, "ge", "gi"),
        _t("Ten-GigabitEthernet", "ethernet", 10000, "xge", "ten-gigabitethernet"),
        _t("Twenty-FiveGigE", "ethernet", 25000, "wge"),
        _t("FortyGigE", "ethernet", 40000, "fge"),
        _t("HundredGigE", "ethernet", 100000, "hge"),
        _t("Bridge-Aggregation", "lag", None, "bagg"),
        PortType("Route-Aggregation", "lag", None, ("ragg",), routed=True),
        _t("Vlan-interface", "svi", None, "vlan-int"),
        _t("LoopBack", "loopback", None, "loop"),
        _t("Tunnel", "tunnel", None),
        _t("NULL", "null", None),
        _t("M-GigabitEthernet", "management", None, "mge"),
        _t("Serial", "other", None),
        _t("ATM", "other", None),  # ADSL/G.SHDSL/OC-3 modules of MSR routers
        _t("Dialer", "other", None),
        _t("Virtual-Template", "other", None),
        _t("Vsi-interface", "svi", None),  # routes a VSI (VXLAN segment) as Vlan-interface a VLAN
    ),
    "zte_zxros": (
        PortType("fei", "ethernet", 100, (), "-"),
        PortType("gei", "ethernet", 1000, (), "-"),
        PortType("xgei", "ethernet", 10000, (), "-"),
        PortType("xxvgei", "ethernet", 25000, (), "-"),
        PortType("fgei", "ethernet", 40000, (), "-"),
        PortType("cgei", "ethernet", 100000, (), "-"),
        PortType("smartgroup", "lag", None),
        PortType("vlan", "svi", None),
        PortType("loopback", "loopback", None),
        PortType("gre_tunnel", "tunnel", None, ("tunnel",)),
        PortType("ipsec_tunnel", "tunnel", None),  # route-based IPsec (`ipsec-config`)
        PortType("null", "null", None),
        PortType("mgmt_eth", "management", None, (), "", False),
    ),
}

LAYOUT: dict[str, Layout] = {
    "cisco_ios": _layout_slot_port,
    "cisco_nxos": _layout_slot_port,
    "juniper_junos": _layout_keep,
    "huawei_vrp": _layout_slot_card_port,
    "huawei_vrpv8": _layout_slot_card_port,
    "hp_comware": _layout_member_slot_port,
    "zte_zxros": _layout_shelf_slot_port,
}

#: management ports of platforms that do not number them like their front ports (Comware:
#: `M-GigabitEthernet0/0/0`, not under IRF member 1; a second one is `0/0/1`)
MANAGEMENT_LAYOUT: dict[str, Layout] = {"hp_comware": lambda numbers: (0, 0, numbers[-1])}

_NUMBER = re.compile(r"(?P<num>\d+(?:/\d+)*)(?:[.:](?P<sub>\d+))?$")


@dataclass(frozen=True)
class PortName:
    """A parsed interface name."""

    type: PortType
    numbers: tuple[int, ...]
    sub: int | None = None

    def render(self) -> str:
        if not self.type.numbered:
            return self.type.prefix
        base = self.type.prefix + self.type.sep + "/".join(str(n) for n in self.numbers)
        return base if self.sub is None else f"{base}.{self.sub}"

    @property
    def kind(self) -> InterfaceKind:
        return "subinterface" if self.sub is not None else self.type.kind


@cache
def _spellings(platform: str) -> tuple[tuple[str, PortType], ...]:
    """All spellings of a platform's port types, longest first so `Ten-Gig` beats `Te`."""
    try:
        types = NAMING[platform]
    except KeyError as exc:
        raise PlatformError(
            f"no interface naming is known for platform {platform!r}",
            hint=f"use one of: {', '.join(sorted(NAMING))}",
        ) from exc
    pairs: list[tuple[str, PortType]] = []
    for t in types:
        for spelling in (t.prefix, *t.aliases):
            pairs.append((spelling.lower(), t))
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


@lru_cache(maxsize=4096)
def parse_name(platform: str, name: str) -> PortName | None:
    """Split an interface name into its type, numbers and sub-interface, or None if unknown.

    >>> parse_name("huawei_vrp", "Eth-Trunk10").kind
    'lag'
    """
    lowered = name.strip().lower()
    for spelling, ptype in _spellings(platform):
        if not lowered.startswith(spelling):
            continue
        rest = name.strip()[len(spelling) :]
        if not ptype.numbered:
            if rest == "":
                return PortName(ptype, ())
            continue
        if ptype.sep and rest.startswith(ptype.sep):
            rest = rest[len(ptype.sep) :]
        rest = rest.strip()
        m = _NUMBER.fullmatch(rest)
        if m is None:
            continue
        numbers = tuple(int(x) for x in m.group("num").split("/"))
        sub = int(m.group("sub")) if m.group("sub") is not None else None
        return PortName(ptype, numbers, sub)
    return None


def canonical_name(platform: str, name: str) -> str:
    """The platform's own full spelling of ``name`` (`gi0/1` → `GigabitEthernet0/1`)."""
    parsed = parse_name(platform, name)
    return parsed.render() if parsed else name.strip()


def interface_kind(platform: str, name: str) -> InterfaceKind:
    parsed = parse_name(platform, name)
    return parsed.kind if parsed else "other"


def port_speed(platform: str, name: str) -> int | None:
    parsed = parse_name(platform, name)
    return parsed.type.speed if parsed else None


def _target_type(
    platform: str,
    kind: InterfaceKind,
    speed: int | None,
    routed: bool | None,
    prefix: str | None = None,
) -> PortType | None:
    candidates = [t for t in NAMING[platform] if t.kind == kind]
    if kind == "other":
        # serial, dialer, ATM...: only a port of the same name is the same kind of port
        candidates = [t for t in candidates if t.prefix.lower() == (prefix or "").lower()]
    if kind == "lag" and routed is not None:
        flavour = [t for t in candidates if bool(t.routed) == routed]
        candidates = flavour or candidates
    if not candidates:
        return None
    if speed is None:
        return candidates[0]
    exact = [t for t in candidates if t.speed == speed]
    if exact:
        return exact[0]
    faster = sorted(
        (t for t in candidates if t.speed and t.speed > speed), key=lambda t: t.speed or 0
    )
    if faster:
        return faster[0]
    return max(candidates, key=lambda t: t.speed or 0)


def map_name(
    source: str,
    name: str,
    target: str,
    *,
    speed: int | None = None,
    routed: bool | None = None,
) -> str | None:
    """The default name on ``target`` for port ``name`` of ``source``, or None if it has none.

    ``speed`` (Mbit/s) overrides the speed the name implies (NX-OS `Ethernet` is any speed);
    ``routed`` picks a layer-3 LAG flavour where the target has one (Comware Route-Aggregation).
    """
    parsed = parse_name(source, name)
    if parsed is None:
        return None
    ptype = parsed.type
    if source == target and speed is None:
        return PortName(ptype, parsed.numbers, parsed.sub).render()
    same = next((t for t in NAMING[target] if t.prefix.lower() == ptype.prefix.lower()), None)
    if ptype.kind == "other" and same is not None:
        # serial, ATM, dialer, BVI ...: the target has the same kind of port, keep it as is
        return PortName(same, parsed.numbers, parsed.sub).render()
    wanted_speed = speed if speed is not None else ptype.speed
    target_type = _target_type(target, ptype.kind, wanted_speed, routed, ptype.prefix)
    if target_type is None:
        return None
    if ptype.kind == "ethernet":
        numbers = LAYOUT[target](parsed.numbers)
    elif ptype.kind == "management" and target in MANAGEMENT_LAYOUT:
        numbers = MANAGEMENT_LAYOUT[target](parsed.numbers or (0,))
    elif ptype.kind == "management" and target_type.numbered:
        numbers = LAYOUT[target](parsed.numbers or (0,))
    else:
        numbers = parsed.numbers[-1:] if parsed.numbers else (0,)
    return PortName(target_type, numbers, parsed.sub).render()
