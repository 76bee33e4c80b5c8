"""Reading ZXROS IKE and IPsec back into the model (the writing side is `zte_zxros_ipsec`).

An ISAKMP policy starts from ZXROS's defaults (3des, sha1, pre-share, group 1, 86400 s) and
takes what its lines say; the ISAKMP profile a tunnel binds (`isakmp-profile Q` under `ipsec-
config`) is the IKE profile of the IPsec profile the tunnel binds.
"""

from __future__ import annotations

import re
from typing import Any

from orchestrator.model import (
    IkeIdentity,
    IkePolicy,
    IkeProfile,
    Interface,
    IpsecProfile,
    Keyring,
    PreSharedKey,
    TransformSet,
)
from orchestrator.syntax.rules import Ctx, Rule, dispatch, int_field, rule, set_field, str_field
from orchestrator.syntax.text import Line
from orchestrator.syntax.zte_zxros_common import get_interface, ifname, read_secret
from orchestrator.syntax.zte_zxros_ipsec import POLICY_DEFAULTS, TRANSFORMS

_WORDS = {v: k for k, v in TRANSFORMS.items()}


def _children(ctx: Ctx, line: Line, table: list[Rule], node: object) -> None:
    for child in line.children:
        dispatch(ctx, child, table, node)


# --- isakmp --------------------------------------------------------------------------------------


def p_policy(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    policy = IkePolicy(priority=int(m.group(1)), **POLICY_DEFAULTS)  # type: ignore[arg-type]
    policy.at(line.n)
    ctx.config.security.ike_policies[policy.priority] = policy
    ctx.config.security.at(line.n, "ike_policies")
    _children(ctx, line, POLICY_RULES, policy)


POLICY_RULES: list[Rule] = [
    rule(
        r"(encryption|hash|authentication) (\S+)",
        lambda c, ln, m, p: set_field(p, ln, m.group(1), m.group(2)),
    ),
    rule(
        r"(group|lifetime) (\d+)", lambda c, ln, m, p: set_field(p, ln, m.group(1), int(m.group(2)))
    ),
]


def p_key_set(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    keyring = Keyring(name=m.group(1))
    keyring.at(line.n)
    ctx.config.security.keyrings[keyring.name] = keyring
    ctx.config.security.at(line.n, "keyrings")
    _children(ctx, line, KEY_SET_RULES, keyring)


def ks_key(ctx: Ctx, line: Line, m: re.Match[str], keyring: Keyring) -> None:
    address, mask, vrf = m.group(1), m.group(2), m.group(3)
    if vrf is not None:
        set_field(keyring, line, "vrf", vrf)
    secret = None
    for child in line.children:
        km = re.fullmatch(r"key (?:(encrypted) )?(\S+)", child.text)
        if km is None:
            continue
        ctx.report.parsed(child)
        secret = read_secret(ctx, child, km.group(2), encrypted=bool(km.group(1)))
    if secret is None:
        ctx.report.unsupported(line, "a pre-shared key entry without its key")
        return
    psk = PreSharedKey(
        address=address, mask=None if mask == "255.255.255.255" else mask, key=secret
    )
    psk.at(line.n)
    keyring.pre_shared_keys.append(psk)
    keyring.at(line.n, "pre_shared_keys")


KEY_SET_RULES: list[Rule] = [
    rule(r"pre-shared key ipv4-address (\S+) netmask (\S+)(?: vrf-name (\S+))?", ks_key),
    rule(r"description .+", ignore="key-set descriptions are not carried"),
]


def p_profile(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    profile = IkeProfile(name=m.group(1))
    profile.at(line.n)
    ctx.config.security.ike_profiles[profile.name] = profile
    ctx.config.security.at(line.n, "ike_profiles")
    _children(ctx, line, PROFILE_RULES, profile)


def pr_policy(ctx: Ctx, line: Line, m: re.Match[str], profile: IkeProfile) -> None:
    profile.proposals.append(int(m.group(1)))
    profile.at(line.n, "proposals")


def pr_identity(ctx: Ctx, line: Line, m: re.Match[str], profile: IkeProfile) -> None:
    ident = IkeIdentity(address=m.group(1))
    ident.at(line.n)
    profile.identities.append(ident)
    profile.at(line.n, "identities")


PROFILE_RULES: list[Rule] = [
    rule(r"policy (\d+)", pr_policy),
    rule(r"key-set (\S+)", str_field("keyring")),
    rule(r"match identity ipv4-address (\S+)", pr_identity),
    rule(
        r"keepalive (\d+) retry (\d+)",
        lambda c, ln, m, p: set_field(p, ln, "keepalive", (int(m.group(1)), int(m.group(2)))),
    ),
    rule(
        r"exchange-mode (main|aggressive)",
        str_field("exchange_mode"),
    ),
    rule(r"initiator ikev(1|2)", int_field("version")),
]


# --- crypto ipsec ---------------------------------------------------------------------------------


def p_transform_set(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    tset = TransformSet(name=m.group(1))
    tset.at(line.n)
    ctx.config.security.transform_sets[tset.name] = tset
    ctx.config.security.at(line.n, "transform_sets")
    _children(ctx, line, TRANSFORM_RULES, tset)


def ts_algorithm(ctx: Ctx, line: Line, m: re.Match[str], tset: TransformSet) -> None:
    words = m.group(1).split()
    if not all(w in _WORDS for w in words):
        ctx.report.unsupported(line, "transform algorithm not translated")
        return
    tset.transforms = [_WORDS[w] for w in words]
    tset.at(line.n, "transforms")


TRANSFORM_RULES: list[Rule] = [
    rule(r"algorithm (.+)", ts_algorithm),
    rule(
        r"encapsulation-mode (tunnel|transport)",
        str_field("mode"),
    ),
]


def p_static_profile(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ipsec = IpsecProfile(name=m.group(1))
    ipsec.at(line.n)
    ctx.config.security.ipsec_profiles[ipsec.name] = ipsec
    ctx.config.security.at(line.n, "ipsec_profiles")
    _children(ctx, line, STATIC_PROFILE_RULES, ipsec)


def sp_lifetime(ctx: Ctx, line: Line, m: re.Match[str], ipsec: IpsecProfile) -> None:
    set_field(ipsec, line, f"lifetime_{m.group(1)}", int(m.group(2)))


def sp_replay(ctx: Ctx, line: Line, m: re.Match[str], ipsec: IpsecProfile) -> None:
    set_field(ctx.config.security, line, "ipsec_replay_window", int(m.group(1)))


STATIC_PROFILE_RULES: list[Rule] = [
    rule(r"match acl (\S+) v4", str_field("acl")),
    rule(
        r"set transform-set (.+)",
        lambda c, ln, m, p: set_field(p, ln, "transform_sets", m.group(1).split()),
    ),
    rule(r"set pfs (group\d+)", str_field("pfs")),
    rule(r"set sa lifetime (seconds|kilobytes) (\d+)", sp_lifetime),
    rule(r"set anti-replay window-size (\d+)", sp_replay),
]


# --- ipsec-config ---------------------------------------------------------------------------------


def p_ipsec_config(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    for child in line.children:
        im = re.fullmatch(r"interface (ipsec_tunnel\d+)", child.text)
        if im is None:
            continue
        ctx.report.parsed(child)
        ifc = get_interface(ctx, im.group(1))
        ifc.at(child.n)
        _children(ctx, child, TUNNEL_RULES, ifc)


def t_local(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    value = m.group(2) if m.group(1) == "ipv4-address" else ifname(m.group(2))
    set_field(ifc, line, "tunnel_source", value)


def t_isakmp(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ctx.state.setdefault("ipsec_isakmp", []).append((ifc, m.group(1), line.n))


TUNNEL_RULES: list[Rule] = [
    rule(r"tunnel mode ipv4", lambda c, ln, m, i: set_field(i, ln, "tunnel_mode", "ipsec ipv4")),
    rule(r"tunnel local (ipv4-address|interface) (\S+)", t_local),
    rule(
        r"tunnel remote ipv4-address (\S+)",
        str_field("tunnel_destination"),
    ),
    rule(
        r"ipsec-profile (\S+)",
        str_field("tunnel_protection"),
    ),
    rule(r"isakmp-profile (\S+)", t_isakmp),
    rule(
        r"df-bit outer (clear|set|copy)",
        lambda c, ln, m, i: set_field(c.config.security, ln, "ipsec_df_bit", m.group(1)),
    ),
]


def finish_ipsec(ctx: Ctx) -> None:
    """Bindings that name other objects: the ISAKMP profile of a tunnel's IPsec profile."""
    security = ctx.config.security
    for ifc, name, n in ctx.state.get("ipsec_isakmp", []):
        ipsec = security.ipsec_profiles.get(ifc.tunnel_protection or "")
        if ipsec is None or ipsec.ike_profile not in (None, name):
            ctx.report.unsupported(n, "an ISAKMP profile other tunnels of the profile do not use")
            continue
        ipsec.ike_profile = name
        ipsec.at(n, "ike_profile")
    for ifc in ctx.config.interfaces.values():
        if ifc.name.startswith("ipsec_tunnel") and ifc.tunnel_mode is None:
            ifc.tunnel_mode = "ipsec ipv4"


IPSEC_TOP: list[Rule] = [
    rule(r"isakmp enable", lambda c, ln, m, s: None),
    rule(
        r"isakmp global-keepalive (\d+) retry (\d+)",
        lambda c, ln, m, s: set_field(
            c.config.security, ln, "ike_keepalive", (int(m.group(1)), int(m.group(2)))
        ),
    ),
    rule(r"isakmp policy (\d+)", p_policy),
    rule(r"isakmp key-set (\S+)", p_key_set),
    rule(r"isakmp profile (\S+)", p_profile),
    rule(r"crypto ipsec transform-set (\S+)", p_transform_set),
    rule(r"crypto ipsec static-profile (\S+)", p_static_profile),
    rule(r"ipsec-config", p_ipsec_config),
]

__all__ = ["IPSEC_TOP", "finish_ipsec"]
