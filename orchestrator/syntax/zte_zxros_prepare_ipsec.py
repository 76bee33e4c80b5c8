"""Shape tunnels, IKE and IPsec for ZXROS NG ([IPSEC] and [GRE] in `zte_zxros`).

- A route-based IPsec tunnel (IOS `tunnel mode ipsec ipv4`, Junos `st0.N`) is an
  `ipsec_tunnelN` interface on ZXROS, not a `gre_tunnelN`; references follow the new name.
- A GRE tunnel without a mode is GRE over IPv4 (`tunnel mode ip`, which ZXROS needs first).
- ZXROS binds the ISAKMP profile on the IPsec tunnel (`isakmp-profile`); IOS picks it by the
  tunnel destination (`match identity address`), so the IPsec profile names it from here on.
- A static IPsec profile must match an ACL ("无论手工、协商，都必须配置ACL"); a tunnel protects
  whatever is routed into it, so its profiles match one `permit ip any any` ACL.
- ISAKMP profiles, transform sets and IPsec profiles have names of 18 characters at most.
- IOS `esp-aes 128` is `esp-aes` (one spelling per transform).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from ipaddress import ip_address

from orchestrator.model import (
    Acl,
    AclEntry,
    DeviceConfig,
    Interface,
    IpsecProfile,
    Node,
    Security,
)
from orchestrator.model.walk import rename_interfaces
from orchestrator.syntax.base import Emitter

#: longest ISAKMP profile, transform set and IPsec profile name ZXROS accepts
NAME_LIMIT = 18
#: the ACL standing for a tunnel's any-to-any selectors
ANY_ACL = "IPSEC-ANY"


def is_ipsec_tunnel(ifc: Interface) -> bool:
    return ifc.kind == "tunnel" and (ifc.tunnel_mode or "").startswith("ipsec")


def is_address(value: str) -> bool:
    try:
        ip_address(value)
    except ValueError:
        return False
    return True


def prepare_tunnels(config: DeviceConfig, notes: Emitter) -> None:
    """Tunnel names and modes, then IKE/IPsec (see the module docstring)."""
    for ifc in list(config.interfaces.values()):
        if ifc.kind != "tunnel":
            continue
        if is_ipsec_tunnel(ifc) and ifc.name.startswith("gre_tunnel"):
            new = "ipsec_tunnel" + ifc.name.removeprefix("gre_tunnel")
            if new not in config.interfaces:
                notes.change(
                    ifc, "", note=f"a route-based IPsec tunnel is interface {new} on ZXROS"
                )
                _rename(config, ifc.name, new)
        elif ifc.tunnel_mode is None and ifc.tunnel_destination is not None:
            ifc.tunnel_mode = "gre ip"  # the IOS default, which ZXROS wants said
            for n in ifc.src.get(""):
                ifc.at(n, "tunnel_mode")
    security = config.security
    if security.ipsec_profiles or security.ike_profiles or security.transform_sets:
        _transforms(security)
        _profile_peers(config, notes)
        _selectors(config, notes)
        _names(config, notes)


def _rename(config: DeviceConfig, old: str, new: str) -> None:
    ifc = config.interfaces.pop(old)
    ifc.name = new
    config.interfaces[new] = ifc
    rename_interfaces(config, lambda name: new if name == old else name)
    for other in config.interfaces.values():
        for group in other.fhrp:
            group.track = [(new if i == old else i, d) for i, d in group.track]


def _transforms(security: Security) -> None:
    for tset in security.transform_sets.values():
        tset.transforms = ["esp-aes" if t == "esp-aes 128" else t for t in tset.transforms]


def tunnels_of(config: DeviceConfig, profile: IpsecProfile) -> list[Interface]:
    return [
        i
        for i in config.interfaces.values()
        if is_ipsec_tunnel(i) and i.tunnel_protection == profile.name
    ]


def _profile_peers(config: DeviceConfig, notes: Emitter) -> None:
    """The ISAKMP profile of a tunnel: IOS finds it by the tunnel destination."""
    security = config.security
    for profile in security.ipsec_profiles.values():
        if profile.ike_profile is not None:
            continue
        peers = {i.tunnel_destination for i in tunnels_of(config, profile)}
        if len(peers) != 1 or None in peers:
            continue
        destination = peers.pop()
        found = [
            p
            for p in security.ike_profiles.values()
            if [i.address for i in p.identities] == [destination]
        ]
        if len(found) != 1:
            continue
        profile.ike_profile = found[0].name
        for n in profile.src.get(""):
            profile.at(n, "ike_profile")
        notes.change(
            profile,
            "ike_profile",
            note=f"IOS picks ISAKMP profile {found[0].name} by the tunnel destination "
            f"{destination}; ZXROS binds it on the IPsec tunnel (`isakmp-profile`)",
        )


def _selectors(config: DeviceConfig, notes: Emitter) -> None:
    """Profiles that protect tunnels and match no ACL match `permit ip any any`."""
    security = config.security
    used = [p for p in security.ipsec_profiles.values() if p.acl is None and tunnels_of(config, p)]
    if not used:
        return
    name = ANY_ACL
    while name in config.acls and not _is_any(config.acls[name]):
        name += "-1"
    acl = config.acls.get(name)
    if acl is None:
        acl = Acl(name=name, entries=[AclEntry(seq=10, action="permit", protocol="ip")])
        config.acls[name] = acl
    for profile in used:
        profile.acl = name
        lines = [n for t in tunnels_of(config, profile) for n in t.src.get("tunnel_protection")]
        for n in lines:
            profile.at(n, "acl")
            acl.at(n)
            for field in ("entries", "name", "kind"):
                acl.at(n, field)
            acl.entries[0].at(n)
        notes.change(
            profile,
            "acl",
            note=f"a ZXROS IPsec profile selects traffic with an ACL: {name} (permit ip any "
            "any) stands for the tunnel's any-to-any selectors",
        )


def _is_any(acl: Acl) -> bool:
    if len(acl.entries) != 1:
        return False
    entry = acl.entries[0]
    return (
        entry.action == "permit"
        and entry.protocol == "ip"
        and entry.source is None
        and entry.destination is None
    )


def short_name(name: str, taken: Iterable[str]) -> str:
    """A name of at most 18 characters: the start of ``name`` and 4 digits of its hash.

    >>> short_name("ipsec-prop-vpn-ba2e34a8-0", [])
    'ipsec-prop-vp-5371'
    """
    if len(name) <= NAME_LIMIT:
        return name
    used = set(taken)
    salt = ""
    while True:
        digest = hashlib.sha1((name + salt).encode()).hexdigest()[:4]
        new = f"{name[: NAME_LIMIT - 5]}-{digest}"
        if new not in used:
            return new
        salt += "+"


def _names(config: DeviceConfig, notes: Emitter) -> None:
    security = config.security

    def shorten(table: dict[str, Node], what: str) -> dict[str, str]:
        out: dict[str, str] = {}
        for name in list(table):
            new = short_name(name, [*table, *out.values()])
            if new != name:
                out[name] = new
                notes.change(
                    table[name], "", note=f"{what} {name} is called {new} on ZXROS (18 characters)"
                )
        return out

    ike = shorten(dict(security.ike_profiles), "ISAKMP profile")
    security.ike_profiles = {ike.get(k, k): v for k, v in security.ike_profiles.items()}
    for new in ike.values():
        security.ike_profiles[new].name = new
    sets = shorten(dict(security.transform_sets), "transform set")
    security.transform_sets = {sets.get(k, k): v for k, v in security.transform_sets.items()}
    for new in sets.values():
        security.transform_sets[new].name = new
    profiles = shorten(dict(security.ipsec_profiles), "IPsec profile")
    security.ipsec_profiles = {profiles.get(k, k): v for k, v in security.ipsec_profiles.items()}
    for new in profiles.values():
        security.ipsec_profiles[new].name = new
    for ipsec in security.ipsec_profiles.values():
        ipsec.transform_sets = [sets.get(n, n) for n in ipsec.transform_sets]
        if ipsec.ike_profile in ike:
            ipsec.ike_profile = ike[ipsec.ike_profile]
    for ifc in config.interfaces.values():
        if ifc.tunnel_protection in profiles:
            ifc.tunnel_protection = profiles[ifc.tunnel_protection]


__all__ = [
    "ANY_ACL",
    "NAME_LIMIT",
    "is_address",
    "is_ipsec_tunnel",
    "prepare_tunnels",
    "short_name",
    "tunnels_of",
]
