"""Cisco IOS security statements: CBAC stateful inspection, IPS rules, IKE (ISAKMP) and IPsec.

Self-signed certificates and Cisco's licensing CA are the only crypto lines ignored: the box
made the first for its own web server and IOS-XE installs the second for its licensing client;
every other certificate or trustpoint must be enrolled again on the target and is unsupported.
"""

from __future__ import annotations

import re
from typing import Any

from orchestrator.model import (
    IkeIdentity,
    IkePolicy,
    IkeProfile,
    InspectPolicy,
    InspectProtocol,
    Interface,
    IpsecProfile,
    Keyring,
    PreSharedKey,
    Security,
    TransformSet,
)
from orchestrator.syntax.rules import Ctx, Rule, dispatch, dispatch_children, rule
from orchestrator.syntax.text import Line

_ADDRESS = r"\d+\.\d+\.\d+\.\d+"

#: IOS ISAKMP encryption keywords → the model's algorithm tokens (key size as written).
IKE_ENCRYPTION = {
    "des": "des",
    "3des": "3des",
    "aes": "aes-128",
    "aes 128": "aes-128",
    "aes 192": "aes-192",
    "aes 256": "aes-256",
}
#: IOS ISAKMP hash keywords → the model's tokens.
IKE_HASH = {"md5": "md5", "sha": "sha1", "sha256": "sha256", "sha384": "sha384", "sha512": "sha512"}


def _sec(ctx: Ctx) -> Security:
    return ctx.config.security


# --- stateful inspection (CBAC) ---------------------------------------------------------------


def s_inspect_alert_off(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    settings = _sec(ctx).inspect
    settings.alert = False
    settings.at(line.n, "alert")


def s_inspect_audit(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    settings = _sec(ctx).inspect
    settings.audit_trail = True
    settings.at(line.n, "audit_trail")


#: `ip inspect <words> N` → the InspectSettings field it sets.
_INSPECT_TIMERS = {
    "max-incomplete low": "max_incomplete_low",
    "max-incomplete high": "max_incomplete_high",
    "one-minute low": "one_minute_low",
    "one-minute high": "one_minute_high",
    "dns-timeout": "dns_timeout",
    "tcp idle-time": "tcp_idle_time",
    "tcp finwait-time": "tcp_finwait_time",
    "tcp synwait-time": "tcp_synwait_time",
    "udp idle-time": "udp_idle_time",
}


def s_inspect_timer(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    settings = _sec(ctx).inspect
    name = _INSPECT_TIMERS[m.group(1)]
    setattr(settings, name, int(m.group(2)))
    settings.at(line.n, name)


def s_inspect_host(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    settings = _sec(ctx).inspect
    settings.tcp_max_incomplete_host = int(m.group(1))
    settings.tcp_block_time = int(m.group(2))
    settings.at(line.n, "tcp_max_incomplete_host", "tcp_block_time")


def _policy(ctx: Ctx, name: str, line: Line) -> InspectPolicy:
    policies = _sec(ctx).inspect_policies
    policy = policies.get(name)
    if policy is None:
        policy = policies[name] = InspectPolicy(name=name)
    policy.at(line.n)
    return policy


def s_inspect_fragment(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    policy = _policy(ctx, m.group(1), line)
    policy.fragment_maximum = int(m.group(2))
    policy.fragment_timeout = int(m.group(3)) if m.group(3) else None
    policy.at(line.n, "fragment_maximum", "fragment_timeout")


def s_inspect_name(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    words = m.group(3).split() if m.group(3) else []
    item = InspectProtocol(protocol=m.group(2))
    while words:
        word = words.pop(0)
        if word in ("alert", "audit-trail") and words and words[0] in ("on", "off"):
            setattr(item, word.replace("-", "_"), words.pop(0) == "on")
        elif word == "timeout" and words:
            item.timeout = int(words.pop(0))
        elif word == "java-list" and words:
            item.java_list = words.pop(0)
        else:
            ctx.report.unsupported(line, f"inspection option {word!r} is not translated")
            return
    policy = _policy(ctx, m.group(1), line)
    item.at(line.n)
    policy.protocols.append(item)
    policy.at(line.n, "protocols")


def i_inspect(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    field = "inspect_in" if m.group(2) == "in" else "inspect_out"
    setattr(ifc, field, m.group(1))
    ifc.at(line.n, field)


def s_ips(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    security = _sec(ctx)
    security.ips_rules[m.group(1)] = m.group(2)
    security.at_item(line.n, "ips_rules", m.group(1))


# --- IKE --------------------------------------------------------------------------------------


def s_ike_policy(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    policy = IkePolicy(priority=int(m.group(1)))
    # IOS hides its defaults: the header stands for every value not written below it
    policy.at(line.n, "", "encryption", "hash", "authentication", "group", "lifetime")
    _sec(ctx).ike_policies[policy.priority] = policy
    _sec(ctx).at(line.n, "ike_policies")
    dispatch_children(ctx, line, IKE_POLICY_RULES, policy)


def k_encryption(ctx: Ctx, line: Line, m: re.Match[str], policy: IkePolicy) -> None:
    policy.encryption = IKE_ENCRYPTION[m.group(1)]
    policy.at(line.n, "encryption")


def k_hash(ctx: Ctx, line: Line, m: re.Match[str], policy: IkePolicy) -> None:
    policy.hash = IKE_HASH[m.group(1)]
    policy.at(line.n, "hash")


def k_field(name: str, convert: Any = str) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], node: Any) -> None:
        setattr(node, name, convert(m.group(1)))
        node.at(line.n, name)

    return handler


IKE_POLICY_RULES: list[Rule] = [
    rule(r"encr(?:yption)? (des|3des|aes(?: (?:128|192|256))?)", k_encryption),
    rule(r"hash (md5|sha|sha256|sha384|sha512)", k_hash),
    rule(r"authentication (pre-share|rsa-sig|rsa-encr)", k_field("authentication")),
    rule(r"group (\d+)", k_field("group", int)),
    rule(r"lifetime (\d+)", k_field("lifetime", int)),
]


def s_ike_keepalive(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    security = _sec(ctx)
    security.ike_keepalive = (int(m.group(1)), int(m.group(2)))
    security.at(line.n, "ike_keepalive")


def s_keyring(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    keyring = Keyring(name=m.group(1), vrf=m.group(2))
    keyring.at(line.n)
    if keyring.vrf:
        keyring.at(line.n, "vrf")
    _sec(ctx).keyrings[keyring.name] = keyring
    _sec(ctx).at(line.n, "keyrings")
    dispatch_children(ctx, line, KEYRING_RULES, keyring)


def r_psk(ctx: Ctx, line: Line, m: re.Match[str], keyring: Keyring) -> None:
    if m.group(3) not in (None, "0"):
        ctx.report.unsupported(
            line,
            f"type {m.group(3)} encrypted pre-shared keys are not "
            "translated: give the key in clear text",
        )
        return
    psk = PreSharedKey(
        address=m.group(1), mask=m.group(2), key=ctx.secret(line, "plain", m.group(4))
    )
    psk.at(line.n)
    keyring.pre_shared_keys.append(psk)
    keyring.at(line.n, "pre_shared_keys")


KEYRING_RULES: list[Rule] = [
    rule(r"local-address (\S+)", k_field("local_address")),
    rule(rf"pre-shared-key address ({_ADDRESS})(?: ({_ADDRESS}))? key (?:(\d) )?(\S+)", r_psk),
]


def s_ike_profile(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    profile = IkeProfile(name=m.group(1))
    profile.at(line.n)
    _sec(ctx).ike_profiles[profile.name] = profile
    _sec(ctx).at(line.n, "ike_profiles")
    dispatch_children(ctx, line, IKE_PROFILE_RULES, profile)


def p_identity(ctx: Ctx, line: Line, m: re.Match[str], profile: IkeProfile) -> None:
    identity = IkeIdentity(address=m.group(1), mask=m.group(2) or "255.255.255.255", vrf=m.group(3))
    identity.at(line.n)
    profile.identities.append(identity)
    profile.at(line.n, "identities")


def p_keepalive(ctx: Ctx, line: Line, m: re.Match[str], profile: IkeProfile) -> None:
    profile.keepalive = (int(m.group(1)), int(m.group(2)))
    profile.at(line.n, "keepalive")


IKE_PROFILE_RULES: list[Rule] = [
    rule(r"keyring (\S+)", k_field("keyring")),
    rule(rf"match identity address ({_ADDRESS})(?: ({_ADDRESS}))?(?: (\S+))?", p_identity),
    rule(r"local-address (\S+)", k_field("local_address")),
    rule(r"vrf (\S+)", k_field("vrf")),
    rule(r"keepalive (\d+) retry (\d+)", p_keepalive),
]

# --- IPsec ------------------------------------------------------------------------------------


def s_transform_set(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    transforms: list[str] = []
    for word in m.group(2).split():
        if word.isdigit() and transforms:
            transforms[-1] += f" {word}"  # key size of the cipher before it
        else:
            transforms.append(word)
    item = TransformSet(name=m.group(1), transforms=transforms)
    item.at(line.n)
    item.at(line.n, "transforms")
    _sec(ctx).transform_sets[item.name] = item
    _sec(ctx).at(line.n, "transform_sets")
    dispatch_children(ctx, line, TRANSFORM_RULES, item)


TRANSFORM_RULES: list[Rule] = [
    rule(r"mode (tunnel|transport)", k_field("mode")),
]


def s_ipsec_profile(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    profile = IpsecProfile(name=m.group(1))
    profile.at(line.n)
    _sec(ctx).ipsec_profiles[profile.name] = profile
    _sec(ctx).at(line.n, "ipsec_profiles")
    dispatch_children(ctx, line, IPSEC_PROFILE_RULES, profile)


def q_transform_sets(ctx: Ctx, line: Line, m: re.Match[str], profile: IpsecProfile) -> None:
    profile.transform_sets = m.group(1).split()
    profile.at(line.n, "transform_sets")


def q_lifetime(ctx: Ctx, line: Line, m: re.Match[str], profile: IpsecProfile) -> None:
    name = f"lifetime_{m.group(1)}"
    setattr(profile, name, int(m.group(2)))
    profile.at(line.n, name)


IPSEC_PROFILE_RULES: list[Rule] = [
    rule(r"set transform-set (.+)", q_transform_sets),
    rule(r"set pfs (group\d+)", k_field("pfs")),
    rule(r"set security-association lifetime (seconds|kilobytes) (\d+)", q_lifetime),
    rule(r"set isakmp-profile (\S+)", k_field("ike_profile")),
]


def s_df_bit(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    security = _sec(ctx)
    security.ipsec_df_bit = m.group(1)  # type: ignore[assignment]
    security.at(line.n, "ipsec_df_bit")


def s_replay(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    security = _sec(ctx)
    security.ipsec_replay_window = int(m.group(1))
    security.at(line.n, "ipsec_replay_window")


def i_tunnel_protection(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    ifc.tunnel_protection = m.group(1)
    ifc.at(line.n, "tunnel_protection")


def s_trustpoint(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """Trustpoints and certificate chains: only the box's own and Cisco's are meaningless."""
    name = m.group(2)
    if name.startswith("TP-self-signed-"):
        ctx.report.ignore_tree(
            line,
            "the self-signed certificate IOS generated for its own "
            "HTTPS server; the target generates its own",
        )
    elif name == "SLA-TrustPoint":
        ctx.report.ignore_tree(
            line, "Cisco Smart Licensing root CA, installed by IOS-XE for its licensing client"
        )
    else:
        ctx.report.unsupported_tree(
            line,
            "PKI trustpoints and certificates are not "
            "translated: enroll the target with the CA again",
        )


SECURITY_INTERFACE_RULES: list[Rule] = [
    rule(r"ip inspect (\S+) (in|out)", i_inspect),
    rule(r"tunnel protection ipsec profile (\S+)", i_tunnel_protection),
]

SECURITY_TOP: list[Rule] = [
    rule(r"ip inspect alert-off", s_inspect_alert_off),
    rule(r"ip inspect audit-trail", s_inspect_audit),
    rule(
        r"ip inspect (max-incomplete (?:low|high)|one-minute (?:low|high)|dns-timeout|"
        r"tcp (?:idle|finwait|synwait)-time|udp idle-time) (\d+)",
        s_inspect_timer,
    ),
    rule(r"ip inspect tcp max-incomplete host (\d+) block-time (\d+)", s_inspect_host),
    rule(r"ip inspect name (\S+) fragment maximum (\d+)(?: timeout (\d+))?", s_inspect_fragment),
    rule(r"ip inspect name (\S+) (\S+)(?: (.+))?", s_inspect_name),
    rule(r"ip ips name (\S+)(?: list (\S+))?", s_ips),
    rule(r"crypto isakmp policy (\d+)", s_ike_policy),
    rule(r"crypto isakmp keepalive (\d+) (\d+)", s_ike_keepalive),
    rule(r"crypto isakmp profile (\S+)", s_ike_profile),
    rule(r"crypto keyring (\S+)(?: vrf (\S+))?", s_keyring),
    rule(r"crypto ipsec transform-set (\S+) (.+)", s_transform_set),
    rule(r"crypto ipsec profile (\S+)", s_ipsec_profile),
    rule(r"crypto ipsec df-bit (clear|set|copy)", s_df_bit),
    rule(r"crypto ipsec security-association replay window-size (\d+)", s_replay),
    rule(r"crypto pki (trustpoint|certificate chain) (\S+)", s_trustpoint),
    rule(
        r"crypto pki token \S+ removal timeout \d+",
        ignore="USB crypto token removal timer; the token is hardware of the source box",
    ),
]

__all__ = ["SECURITY_INTERFACE_RULES", "SECURITY_TOP", "dispatch"]
