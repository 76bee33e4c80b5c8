"""Shape IKE and IPsec for VRP: one `ike peer` per IKE profile, holding its own key.

IOS keeps keys in keyrings shared by profiles and picks the profile of a tunnel by the peer's
address; Junos names a gateway per peer. VRP has neither keyrings nor matching: an `ike peer`
holds one remote address, its pre-shared key, its local address and one IKE proposal, and an
IPsec profile names its `ike-peer`. So each IKE profile gets a keyring of its own name with the
key of its one peer, each IPsec profile names its IKE profile, and names longer than VRP's 15
characters are shortened (references follow). Each change leaves a note.
"""

from __future__ import annotations

from orchestrator.model import DeviceConfig, IkeProfile, Keyring, PreSharedKey, Security
from orchestrator.syntax.huawei_common import Shaper

#: longest IKE peer, IPsec proposal and IPsec profile/policy name VRP accepts
NAME_LIMIT = 15
#: highest `ike proposal` number: AR routers 1-99, NE40E 1-100
PROPOSAL_LIMIT = {False: 99, True: 100}


def shape_ipsec(config: DeviceConfig, shape: Shaper) -> None:
    security = config.security
    if not (security.ike_profiles or security.ipsec_profiles or security.ike_policies):
        return
    _proposal_numbers(security, shape)
    _transforms(security)
    _profile_keys(security, shape)
    _profile_peers(config, shape)
    _profile_details(config, shape)
    _names(config, shape)


def _proposal_numbers(security: Security, shape: Shaper) -> None:
    """IKE policy priorities above VRP's range are renumbered, keeping their order."""
    limit = PROPOSAL_LIMIT[shape.platform.vpn_ipv4_family]
    if all(1 <= p <= limit for p in security.ike_policies):
        return
    renumber: dict[int, int] = {}
    for new, old in enumerate(sorted(security.ike_policies), start=1):
        if new > limit:
            break
        renumber[old] = new
    policies = {}
    for old, policy in security.ike_policies.items():
        if old not in renumber:
            policies[old] = policy  # beyond VRP's range: the renderer reports it
            continue
        if renumber[old] != old:
            shape.change(
                policy,
                "",
                note=f"IKE policy {old} is `ike proposal {renumber[old]}` on VRP "
                f"(proposals are numbered 1-{limit}; the order is kept)",
            )
            policy.priority = renumber[old]
        policies[policy.priority] = policy
    security.ike_policies = dict(sorted(policies.items()))
    for profile in security.ike_profiles.values():
        profile.proposals = [renumber.get(p, p) for p in profile.proposals]


def _transforms(security: Security) -> None:
    """Transforms in VRP's order (encryption, ESP authentication, AH), AES-128 unspelled."""
    from orchestrator.syntax.huawei_render_ipsec import AUTH_TRANSFORMS, ESP_ENCRYPTION

    def rank(transform: str) -> int:
        if transform in ESP_ENCRYPTION:
            return 0
        return 1 if AUTH_TRANSFORMS.get(transform, ("ah", ""))[0] == "esp" else 2

    for tset in security.transform_sets.values():
        names = ["esp-aes" if t == "esp-aes 128" else t for t in tset.transforms]
        tset.transforms = sorted(names, key=rank)


def _profile_keys(security: Security, shape: Shaper) -> None:
    """Each IKE profile of one peer gets a keyring of its own name holding that peer's key."""
    used: set[str] = set()
    copied: set[int] = set()
    for profile in security.ike_profiles.values():
        keyring = security.keyrings.get(profile.keyring or "")
        if keyring is None or len(profile.identities) != 1:
            continue
        peer = profile.identities[0]
        key = next(
            (
                psk
                for psk in keyring.pre_shared_keys
                if psk.address == peer.address and psk.mask in (None, "255.255.255.255")
            ),
            None,
        )
        if key is None:
            continue
        copied.add(id(key))
        if profile.local_address is None and keyring.local_address is not None:
            profile.local_address = keyring.local_address
        if keyring.local_address is not None and keyring.local_address == profile.local_address:
            for n in keyring.src.get("local_address"):
                profile.at(n, "local_address")
        if (
            keyring.name == profile.name
            and len(keyring.pre_shared_keys) == 1
            and keyring.local_address in (None, profile.local_address)
            and key.mask is None
        ):
            keyring.local_address = None
            used.add(keyring.name)
            continue
        own = Keyring(name=profile.name, vrf=keyring.vrf)
        copy = PreSharedKey(address=key.address, key=key.key)
        copy.src = key.src
        own.pre_shared_keys.append(copy)
        own.src = keyring.src
        security.keyrings[own.name] = own
        used.add(own.name)
        profile.keyring = own.name
        shape.change(
            profile,
            "keyring",
            note=f"VRP keeps the pre-shared key in the `ike peer`: the key of {peer.address} "
            f"from keyring {keyring.name} is written there",
        )
    for name, keyring in list(security.keyrings.items()):
        if name in used or any(p.keyring == name for p in security.ike_profiles.values()):
            continue  # kept, or named by a profile the renderer cannot write (reported there)
        shape.change(
            keyring,
            *keyring.src.lines,
            note="VRP has no keyrings: each key is written in the IKE peer that uses it",
        )
        for psk in keyring.pre_shared_keys:
            if id(psk) not in copied:
                shape.unsupported(
                    psk, *psk.src.lines, reason="no IKE profile uses this key: no VRP IKE peer"
                )
        del security.keyrings[name]


def _profile_peers(config: DeviceConfig, shape: Shaper) -> None:
    """An IPsec profile names its IKE peer: IOS finds it by the tunnel destination."""
    security = config.security
    for profile in security.ipsec_profiles.values():
        if profile.ike_profile is not None:
            continue
        peers = {
            ifc.tunnel_destination
            for ifc in config.interfaces.values()
            if ifc.tunnel_protection == profile.name and ifc.tunnel_destination
        }
        if len(peers) != 1:
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
        shape.change(
            profile,
            "ike_profile",
            note=f"IOS picks IKE profile {found[0].name} by the tunnel destination "
            f"{destination}; VRP names it in the IPsec profile (`ike-peer`)",
        )


def _profile_details(config: DeviceConfig, shape: Shaper) -> None:
    """One IKE proposal per peer, the IKE version explicit, the global DPD on every peer."""
    security = config.security
    vrp8 = shape.platform.vpn_ipv4_family
    for profile in security.ike_profiles.values():
        if not profile.proposals and security.ike_policies:
            profile.proposals = [min(security.ike_policies)]
            for n in profile.src.get(""):
                profile.at(n, "proposals")
            if len(security.ike_policies) > 1:
                shape.change(
                    profile,
                    "",
                    note=f"a VRP IKE peer offers one proposal: {profile.proposals[0]}, the "
                    "first of the box; the others are not offered to this peer",
                )
        elif len(profile.proposals) > 1:
            first = profile.proposals[0]
            shape.change(
                profile,
                "proposals",
                note=f"a VRP IKE peer offers one proposal: {first}, the first listed",
            )
            profile.proposals = [first]
        _version(profile, vrp8, shape)
        if security.ike_keepalive is not None and profile.keepalive is None and not vrp8:
            profile.keepalive = security.ike_keepalive
            for n in security.src.get("ike_keepalive"):
                profile.at(n, "keepalive")
    if security.ike_keepalive is not None and not vrp8 and security.ike_profiles:
        shape.change(
            security, "ike_keepalive", note="VRP sets dead peer detection in each IKE peer"
        )
        security.ike_keepalive = None


def _version(profile: IkeProfile, vrp8: bool, shape: Shaper) -> None:
    """VRP5 writes the IKE version of a peer; NE40E (VRP8) speaks IKEv2 only."""
    if vrp8:
        if profile.version != 2:
            shape.change(
                profile,
                "",
                note="NE40E negotiates IKEv2 only: the peer must be moved to IKEv2 as well",
            )
            profile.version = 2
            for n in profile.src.get(""):
                profile.at(n, "version")
        if profile.exchange_mode == "main":
            profile.exchange_mode = None
    elif profile.version is None:
        profile.version = 1  # the source's default, written out (VRP5 peers may speak both)
        for n in profile.src.get(""):
            profile.at(n, "version")


def _names(config: DeviceConfig, shape: Shaper) -> None:
    """IKE peers, IPsec proposals and profiles have names of at most 15 characters."""
    security = config.security

    def short(names: list[str], what: str, nodes: dict[str, object]) -> dict[str, str]:
        taken = {n for n in names if len(n) <= NAME_LIMIT}
        out: dict[str, str] = {}
        counter = 0
        for name in names:
            if len(name) <= NAME_LIMIT:
                continue
            tail = name[-4:].lstrip("-_")
            new = f"{name[: NAME_LIMIT - 1 - len(tail)].rstrip('-_')}-{tail}"
            while new in taken:
                counter += 1
                tail = f"-{counter}"
                new = name[: NAME_LIMIT - len(tail)] + tail
            taken.add(new)
            out[name] = new
            node = nodes[name]
            from orchestrator.model import Node

            assert isinstance(node, Node)
            shape.change(node, "", note=f"{what} {name} is called {new} on VRP (15 characters)")
        return out

    peers = short(list(security.ike_profiles), "IKE profile", dict(security.ike_profiles))
    if peers:
        security.ike_profiles = {peers.get(k, k): v for k, v in security.ike_profiles.items()}
        for old, new in peers.items():
            profile = security.ike_profiles[new]
            profile.name = new
            if profile.keyring == old and old in security.keyrings:
                keyring = security.keyrings.pop(old)
                keyring.name = new
                security.keyrings[new] = keyring
                profile.keyring = new
        for ipsec in security.ipsec_profiles.values():
            if ipsec.ike_profile in peers:
                ipsec.ike_profile = peers[ipsec.ike_profile]
    sets = short(list(security.transform_sets), "transform set", dict(security.transform_sets))
    if sets:
        security.transform_sets = {sets.get(k, k): v for k, v in security.transform_sets.items()}
        for new in sets.values():
            security.transform_sets[new].name = new
        for ipsec in security.ipsec_profiles.values():
            ipsec.transform_sets = [sets.get(n, n) for n in ipsec.transform_sets]
    profiles = short(list(security.ipsec_profiles), "IPsec profile", dict(security.ipsec_profiles))
    if profiles:
        security.ipsec_profiles = {
            profiles.get(k, k): v for k, v in security.ipsec_profiles.items()
        }
        for new in profiles.values():
            security.ipsec_profiles[new].name = new
        for ifc in config.interfaces.values():
            if ifc.tunnel_protection in profiles:
                ifc.tunnel_protection = profiles[ifc.tunnel_protection]


__all__ = ["shape_ipsec"]
