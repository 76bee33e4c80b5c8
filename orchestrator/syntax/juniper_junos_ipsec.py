"""SRX route-based IPsec VPNs (`security ipsec`) → transform sets, IPsec profiles, tunnels.

An IPsec proposal (phase 2 transforms) becomes a `TransformSet` (predefined `proposal-set`
members by their Junos names); an IPsec policy (proposals, PFS) and a *VPN* binding it and an
IKE gateway (`juniper_junos_ike`) to a secure-tunnel unit ``st0.N`` are the IOS virtual tunnel
interface, piece for piece: the VPN becomes an `IpsecProfile` (the policy's proposals and PFS
group, the SA lifetime of its proposals, the gateway as IKE profile), and its ``st0.N`` unit the
tunnel interface ``stN`` protected by it (`tunnel mode ipsec ipv4`, source the gateway's
external interface, destination the peer). The Junos default IPsec SA lifetime (3600 s) is
written out. A VPN with no ``st0`` unit (policy-based) is not translated.
"""

from __future__ import annotations

import re

from orchestrator.model import IpsecProfile, TransformSet
from orchestrator.syntax.juniper_junos_ike import Part, fail, h_ipsec
from orchestrator.syntax.juniper_junos_index import claim_line, interface, junos
from orchestrator.syntax.juniper_junos_text import values
from orchestrator.syntax.rules import Ctx, Rule, rule

IPSEC_LIFETIME = 3600  # Junos default IPsec SA lifetime, seconds

#: Junos IPsec algorithms → the model's (IOS) transform words
ESP_ENCRYPTION = {
    "des-cbc": "esp-des",
    "3des-cbc": "esp-3des",
    "aes-128-cbc": "esp-aes",
    "aes-192-cbc": "esp-aes 192",
    "aes-256-cbc": "esp-aes 256",
}
ESP_AUTH = {
    "hmac-md5-96": "esp-md5-hmac",
    "hmac-sha1-96": "esp-sha-hmac",
    "hmac-sha-256-128": "esp-sha256-hmac",
}
AH_AUTH = {"hmac-md5-96": "ah-md5-hmac", "hmac-sha1-96": "ah-sha-hmac"}

#: Junos predefined IPsec proposal sets: member name → transforms; the PFS group of the set
IPSEC_SETS: dict[str, tuple[list[tuple[str, list[str]]], str | None]] = {
    "basic": (
        [
            ("nopfs-esp-des-sha", ["esp-des", "esp-sha-hmac"]),
            ("nopfs-esp-des-md5", ["esp-des", "esp-md5-hmac"]),
        ],
        None,
    ),
    "compatible": (
        [
            ("esp-3des-sha", ["esp-3des", "esp-sha-hmac"]),
            ("esp-3des-md5", ["esp-3des", "esp-md5-hmac"]),
            ("esp-des-sha", ["esp-des", "esp-sha-hmac"]),
            ("esp-des-md5", ["esp-des", "esp-md5-hmac"]),
        ],
        None,
    ),
    "standard": (
        [
            ("g2-esp-3des-sha", ["esp-3des", "esp-sha-hmac"]),
            ("g2-esp-aes128-sha", ["esp-aes", "esp-sha-hmac"]),
        ],
        "group2",
    ),
}


def finish_ipsec(ctx: Ctx) -> None:
    """IPsec proposals, policies and VPNs → `TransformSet`, `IpsecProfile`, tunnels."""
    state = junos(ctx)
    transforms = _ipsec_proposals(ctx)
    for name, part in state.bucket("ipsec vpn").items():
        _vpn(ctx, name, part, transforms)
    for name, part in state.bucket("ipsec policy").items():
        if name not in state.bucket("ipsec policy used") and not part.bad:
            for n in part.lines + part.headers:
                ctx.report.ignored(n, f"IPsec policy {name} is used by no VPN")


def _ipsec_proposals(ctx: Ctx) -> dict[str, tuple[TransformSet, int | None]]:
    """Custom IPsec proposals as transform sets; name → (set, its lifetime if written)."""
    security = ctx.config.security
    out: dict[str, tuple[TransformSet, int | None]] = {}
    for name, part in junos(ctx).bucket("ipsec proposal").items():
        words = _transforms(part)
        lifetime = part.get("lifetime-seconds")
        if lifetime is not None and not lifetime.isdigit():
            part.bad = part.bad or f"lifetime {lifetime} is not a number of seconds"
        if part.bad or not words:
            fail(
                ctx,
                part,
                f"IPsec proposal {name}: "
                + (part.bad or "an algorithm the targets do not share, or none written"),
            )
            continue
        item = TransformSet(name=name, transforms=words)
        for key in ("protocol", "encryption-algorithm", "authentication-algorithm"):
            if key in part.values:
                item.at(part.line(key), "transforms")
        for n in part.lines:
            item.at(n)
            security.at(n, "transform_sets")
        for n in part.headers:
            claim_line(ctx, n, item)
        security.transform_sets[name] = item
        out[name] = (item, int(lifetime) if lifetime else None)
    return out


def _transforms(part: Part) -> list[str]:
    """The transform words of an IPsec proposal; empty when one is not in the tables."""
    protocol = part.get("protocol") or "esp"
    encryption = part.get("encryption-algorithm")
    auth = part.get("authentication-algorithm")
    if protocol == "esp" and encryption in ESP_ENCRYPTION and (auth is None or auth in ESP_AUTH):
        return [ESP_ENCRYPTION[encryption]] + ([ESP_AUTH[auth]] if auth else [])
    if protocol == "ah" and encryption is None and auth in AH_AUTH:
        return [AH_AUTH[auth]]
    return []


def _vpn(
    ctx: Ctx, name: str, part: Part, transforms: dict[str, tuple[TransformSet, int | None]]
) -> None:
    state = junos(ctx)
    security = ctx.config.security
    gateway = part.get("ike gateway") or ""
    policy_name = part.get("ike ipsec-policy") or ""
    policy: Part | None = state.bucket("ipsec policy").get(policy_name)
    bind = part.get("bind-interface")
    if part.bad is None and (bind is None or not re.fullmatch(r"st0\.\d+", bind)):
        part.bad = "a VPN without an st0 bind-interface (policy-based VPN) is not translated"
    if part.bad is None and gateway not in security.ike_profiles:
        part.bad = f"its IKE gateway {gateway or '(none)'} is not translated"
    if part.bad is None and policy is None:
        part.bad = f"its IPsec policy {policy_name or '(none)'} is not in this file"
    profile = IpsecProfile(name=name, ike_profile=gateway, lifetime_seconds=IPSEC_LIFETIME)
    if part.bad is None and policy is not None:
        part.bad = _vpn_policy(ctx, profile, policy, transforms)
        state.bucket("ipsec policy used")[policy_name] = True
    if part.bad is not None or bind is None or policy is None:
        fail(ctx, part, f"IPsec VPN {name}: {part.bad}")
        return
    profile.at(part.line("ike gateway"), "ike_profile")
    for key in ("perfect-forward-secrecy keys", "proposals", "proposal-set"):
        if key in policy.values:
            profile.at(policy.line(key), "transform_sets", "pfs", "lifetime_seconds")
    profile.at(part.line("ike ipsec-policy"), "transform_sets", "pfs", "lifetime_seconds")
    for n in part.lines:
        profile.at(n)
        security.at(n, "ipsec_profiles")
    for n in part.headers:
        claim_line(ctx, n, profile)
    for n in policy.lines + policy.headers:
        profile.at(n)
        if n in policy.headers:
            claim_line(ctx, n, profile)
    security.ipsec_profiles[name] = profile
    ike = security.ike_profiles[gateway]
    tunnel = interface(ctx, state.index.ifname(bind))
    tunnel.tunnel_protection = name
    tunnel.tunnel_mode = "ipsec ipv4"
    tunnel.at(part.line("bind-interface"), "tunnel_protection", "tunnel_mode")
    tunnel.tunnel_destination = ike.identities[0].address
    tunnel.at(part.line("ike gateway"), "tunnel_destination")
    if ike.local_interface is not None:
        tunnel.tunnel_source = ike.local_interface
        tunnel.at(part.line("ike gateway"), "tunnel_source")
    elif ike.local_address is not None:
        tunnel.tunnel_source = ike.local_address
        tunnel.at(part.line("ike gateway"), "tunnel_source")


def _vpn_policy(
    ctx: Ctx,
    profile: IpsecProfile,
    policy: Part,
    transforms: dict[str, tuple[TransformSet, int | None]],
) -> str | None:
    """Fill ``profile`` from an IPsec policy; the reason when it cannot be."""
    security = ctx.config.security
    if policy.bad:
        return f"its IPsec policy: {policy.bad}"
    lifetimes: set[int] = set()
    for proposal in values(policy.get("proposals") or ""):
        if proposal not in transforms:
            return f"IPsec proposal {proposal} is not translated or not defined"
        profile.transform_sets.append(proposal)
        lifetimes.add(transforms[proposal][1] or IPSEC_LIFETIME)
    set_name = policy.get("proposal-set")
    if set_name is not None:
        if set_name not in IPSEC_SETS:
            return f"proposal set {set_name} is not known to cutover"
        members, pfs = IPSEC_SETS[set_name]
        for member, words in members:
            if member not in security.transform_sets:
                security.transform_sets[member] = TransformSet(name=member, transforms=words)
            item = security.transform_sets[member]
            item.at(policy.line("proposal-set"), "", "transforms")
            security.at(policy.line("proposal-set"), "transform_sets")
            profile.transform_sets.append(member)
            lifetimes.add(IPSEC_LIFETIME)
        profile.pfs = pfs
    if len(lifetimes) > 1:
        return "its proposals have different SA lifetimes; the targets hold one per profile"
    if lifetimes:
        profile.lifetime_seconds = lifetimes.pop()
    pfs_group = policy.get("perfect-forward-secrecy keys")
    if pfs_group is not None:
        profile.pfs = pfs_group
    if not profile.transform_sets:
        return "its IPsec policy names no proposal"
    return None


IPSEC_TOP: list[Rule] = [
    rule(
        r"security (?:ike|ipsec) traceoptions(?: .*)?", ignore="Junos trace (debug) file settings"
    ),
    rule(r"security (ike) (proposal|policy|gateway) (\S+)(?: (.+))?", h_ipsec),
    rule(r"security (ipsec) (proposal|policy|vpn) (\S+)(?: (.+))?", h_ipsec),
]
