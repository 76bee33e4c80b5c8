"""Comware 7 security statements: ASPF (stateful inspection), session aging, IKE and IPsec.

How the model's IOS-shaped security maps onto Comware:

* an inspection policy is an `aspf policy N`; its application inspections are `detect X`
  lines (TCP, UDP and ICMP sessions are tracked by every ASPF policy without a line);
* CBAC's global session timers are Comware's `session aging-time` settings;
* an ISAKMP policy is an `ike proposal`, a keyring an `ike keychain`, an ISAKMP profile an
  `ike profile`; transform sets and IPsec profiles keep their names. Comware sets perfect
  forward secrecy in the transform set, IOS in the profile: a transform set's `pfs` belongs to
  the profiles that use it.
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
    IpsecProfile,
    Keyring,
    PreSharedKey,
    TransformSet,
)
from orchestrator.syntax.hp_comware_common import ifname, read_secret
from orchestrator.syntax.rules import Ctx, Rule, dispatch, int_field, rule, str_field
from orchestrator.syntax.text import Line

#: applications Comware ASPF inspects (`detect X`)
ASPF_DETECT = {
    "dns",
    "ftp",
    "gtp",
    "h323",
    "http",
    "ils",
    "mgcp",
    "nbt",
    "pptp",
    "rsh",
    "rtsp",
    "sccp",
    "sip",
    "smtp",
    "sqlnet",
    "tftp",
    "xdmcp",
}
#: `session aging-time state X` → the model's inspection timer
AGING_STATES = {
    "tcp-est": "tcp_idle_time",
    "fin": "tcp_finwait_time",
    "syn": "tcp_synwait_time",
    "udp-ready": "udp_idle_time",
}
IKE_ENCRYPTION = {
    "des-cbc": "des",
    "3des-cbc": "3des",
    "aes-cbc-128": "aes-128",
    "aes-cbc-192": "aes-192",
    "aes-cbc-256": "aes-256",
}
IKE_HASH = {"md5": "md5", "sha": "sha1", "sha256": "sha256", "sha384": "sha384", "sha512": "sha512"}
IKE_METHOD = {"pre-share": "pre-share", "rsa-signature": "rsa-sig"}
#: transform set algorithms: Comware (protocol, algorithm) ↔ IOS transform word
ESP_ENCRYPTION = {
    "des-cbc": "esp-des",
    "3des-cbc": "esp-3des",
    "aes-cbc-128": "esp-aes",
    "aes-cbc-192": "esp-aes 192",
    "aes-cbc-256": "esp-aes 256",
    "null": "esp-null",
}
ESP_AUTH = {
    "md5": "esp-md5-hmac",
    "sha1": "esp-sha-hmac",
    "sha256": "esp-sha256-hmac",
    "sha384": "esp-sha384-hmac",
    "sha512": "esp-sha512-hmac",
}
AH_AUTH = {"md5": "ah-md5-hmac", "sha1": "ah-sha-hmac", "sha256": "ah-sha256-hmac"}


def p_aspf(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    policy = InspectPolicy(name=m.group(1))
    policy.at(line.n)
    security = ctx.config.security
    security.inspect_policies[policy.name] = policy
    security.at(line.n, "inspect_policies")
    for child in line.children:
        detect = re.fullmatch(r"detect (\S+)", child.text)
        if detect is not None:
            item = InspectProtocol(protocol=detect.group(1))
            item.at(child.n)
            policy.protocols.append(item)
            policy.at(child.n, "protocols")
            ctx.report.parsed(child)


def p_aging(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    name = "dns_timeout" if m.group(1) == "application dns" else AGING_STATES.get(m.group(2))
    if name is None:
        ctx.report.unsupported(line, "this session aging timer is not in the model")
        return
    inspect = ctx.config.security.inspect
    setattr(inspect, name, int(m.group(3)))
    inspect.at(line.n, name)


def p_ike_proposal(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    # Comware's defaults for what the proposal does not say
    policy = IkePolicy(
        priority=int(m.group(1)),
        encryption="des",
        hash="sha1",
        authentication="pre-share",
        group=1,
        lifetime=86400,
    )
    policy.at(line.n, "", "encryption", "hash", "authentication", "group", "lifetime")
    ctx.config.security.ike_policies[policy.priority] = policy
    ctx.config.security.at(line.n, "ike_policies")
    for child in line.children:
        dispatch(ctx, child, PROPOSAL_RULES, policy)


def _table(name: str, table: dict[str, str]) -> Any:
    def handler(ctx: Ctx, line: Line, m: re.Match[str], node: Any) -> None:
        if m.group(1) not in table:
            ctx.report.unsupported(line, f"{m.group(1)} is not in the model")
            return
        setattr(node, name, table[m.group(1)])
        node.at(line.n, name)

    return handler


PROPOSAL_RULES: list[Rule] = [
    rule(r"encryption-algorithm (\S+)", _table("encryption", IKE_ENCRYPTION)),
    rule(r"authentication-algorithm (\S+)", _table("hash", IKE_HASH)),
    rule(r"authentication-method (\S+)", _table("authentication", IKE_METHOD)),
    rule(r"dh group(\d+)", int_field("group")),
    rule(r"sa duration (\d+)", int_field("lifetime")),
]


def p_keychain(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    keyring = Keyring(name=m.group(1), vrf=m.group(2))
    keyring.at(line.n)
    if keyring.vrf:
        keyring.at(line.n, "vrf")
    ctx.config.security.keyrings[keyring.name] = keyring
    ctx.config.security.at(line.n, "keyrings")
    for child in line.children:
        dispatch(ctx, child, KEYCHAIN_RULES, keyring)


def k_psk(ctx: Ctx, line: Line, m: re.Match[str], keyring: Keyring) -> None:
    mask = m.group(2)
    psk = PreSharedKey(
        address=m.group(1),
        mask=None if mask in (None, "255.255.255.255") else mask,
        key=read_secret(ctx, line, m.group(4), m.group(3)),
    )
    psk.at(line.n)
    keyring.pre_shared_keys.append(psk)
    keyring.at(line.n, "pre_shared_keys")


KEYCHAIN_RULES: list[Rule] = [
    rule(
        r"pre-shared-key address (\S+)(?: (\d+\.\d+\.\d+\.\d+))? key (cipher|simple) (\S+)", k_psk
    ),
    rule(r"match local address (\d+\.\d+\.\d+\.\d+)", str_field("local_address")),
]


def p_ike_profile(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    profile = IkeProfile(name=m.group(1))
    profile.at(line.n)
    ctx.config.security.ike_profiles[profile.name] = profile
    ctx.config.security.at(line.n, "ike_profiles")
    for child in line.children:
        dispatch(ctx, child, IKE_PROFILE_RULES, profile)


def f_identity(ctx: Ctx, line: Line, m: re.Match[str], profile: IkeProfile) -> None:
    identity = IkeIdentity(address=m.group(1), mask=m.group(2) or "255.255.255.255", vrf=m.group(3))
    identity.at(line.n)
    profile.identities.append(identity)
    profile.at(line.n, "identities")


def f_dpd(ctx: Ctx, line: Line, m: re.Match[str], profile: IkeProfile) -> None:
    profile.keepalive = (int(m.group(1)), int(m.group(2)))
    profile.at(line.n, "keepalive")


def f_local_interface(ctx: Ctx, line: Line, m: re.Match[str], profile: IkeProfile) -> None:
    profile.local_interface = ifname(m.group(1))
    profile.at(line.n, "local_interface")


def f_proposals(ctx: Ctx, line: Line, m: re.Match[str], profile: IkeProfile) -> None:
    profile.proposals = [int(v) for v in m.group(1).split()]
    profile.at(line.n, "proposals")


IKE_PROFILE_RULES: list[Rule] = [
    rule(r"keychain (\S+)", str_field("keyring")),
    rule(
        r"match remote identity address (\S+)(?: (\d+\.\d+\.\d+\.\d+))?(?: vpn-instance (\S+))?",
        f_identity,
    ),
    rule(r"match local address (\d+\.\d+\.\d+\.\d+)", str_field("local_address")),
    rule(r"match local address (\S+)", f_local_interface),
    rule(r"inside-vpn vpn-instance (\S+)", str_field("vrf")),
    rule(r"dpd interval (\d+) retry (\d+) on-demand", f_dpd),
    rule(r"proposal ((?:\d+ ?)+)", f_proposals),
    rule(r"exchange-mode (aggressive)", str_field("exchange_mode")),
]


def p_transform_set(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    item = TransformSet(name=m.group(1))
    item.at(line.n)
    security = ctx.config.security
    security.transform_sets[item.name] = item
    security.at(line.n, "transform_sets")
    found: dict[str, str] = {}
    for child in line.children:
        words = child.words
        text = child.text
        if (
            words[:2]
            in (
                ["esp", "encryption-algorithm"],
                ["esp", "authentication-algorithm"],
                ["ah", "authentication-algorithm"],
            )
            and len(words) == 3
        ):
            table = (
                ESP_ENCRYPTION
                if words[1] == "encryption-algorithm"
                else ESP_AUTH
                if words[0] == "esp"
                else AH_AUTH
            )
            if words[2] not in table:
                ctx.report.unsupported(child, f"{words[2]} is not in the model")
                continue
            found[f"{words[0]} {words[1]}"] = table[words[2]]
            item.at(child.n, "transforms")
        elif words[:1] == ["protocol"] and len(words) == 2:
            item.at(child.n, "transforms")  # follows from the algorithms
        elif words[:1] == ["encapsulation-mode"] and words[1:] in (["tunnel"], ["transport"]):
            item.mode = words[1]  # type: ignore[assignment]
            item.at(child.n, "mode")
        elif re.fullmatch(r"pfs dh-group\d+", text):
            ctx.state.setdefault("pfs", {})[item.name] = (
                "group" + text.split("dh-group")[1],
                child.n,
            )
        else:
            continue
        ctx.report.parsed(child)
    order = (
        "esp encryption-algorithm",
        "esp authentication-algorithm",
        "ah authentication-algorithm",
    )
    item.transforms = [found[k] for k in order if k in found]


def p_ipsec_profile(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    profile = IpsecProfile(name=m.group(1))
    profile.at(line.n)
    ctx.config.security.ipsec_profiles[profile.name] = profile
    ctx.config.security.at(line.n, "ipsec_profiles")
    for child in line.children:
        dispatch(ctx, child, IPSEC_PROFILE_RULES, profile)


def q_sets(ctx: Ctx, line: Line, m: re.Match[str], profile: IpsecProfile) -> None:
    profile.transform_sets = m.group(1).split()
    profile.at(line.n, "transform_sets")


def q_duration(ctx: Ctx, line: Line, m: re.Match[str], profile: IpsecProfile) -> None:
    name = "lifetime_seconds" if m.group(1) == "time" else "lifetime_kilobytes"
    setattr(profile, name, int(m.group(2)))
    profile.at(line.n, name)


IPSEC_PROFILE_RULES: list[Rule] = [
    rule(r"transform-set (.+)", q_sets),
    rule(r"ike-profile (\S+)", str_field("ike_profile")),
    rule(r"sa duration (time|traffic)-based (\d+)", q_duration),
]


def finish_security(ctx: Ctx) -> None:
    """Give each IPsec profile the perfect forward secrecy of its transform sets."""
    pfs: dict[str, tuple[str, int]] = ctx.state.get("pfs", {})
    for profile in ctx.config.security.ipsec_profiles.values():
        found = [pfs[name] for name in profile.transform_sets if name in pfs]
        if len({group for group, _ in found}) == 1:
            profile.pfs = found[0][0]
            for _, n in found:
                profile.at(n, "pfs")


def p_security_global(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    security = ctx.config.security
    words = line.words
    if words[:2] == ["ike", "dpd"]:
        security.ike_keepalive = (int(words[3]), int(words[5]))
        security.at(line.n, "ike_keepalive")
    elif words[:2] == ["ipsec", "global-df-bit"]:
        security.ipsec_df_bit = words[2]  # type: ignore[assignment]
        security.at(line.n, "ipsec_df_bit")
    else:
        security.ipsec_replay_window = int(words[-1])
        security.at(line.n, "ipsec_replay_window")


SECURITY_TOP: list[Rule] = [
    rule(r"aspf policy (\d+)", p_aspf),
    rule(r"session aging-time (application dns|state (\S+)) (\d+)", p_aging),
    rule(r"ike proposal (\d+)", p_ike_proposal),
    rule(r"ike keychain (\S+)(?: vpn-instance (\S+))?", p_keychain),
    rule(r"ike profile (\S+)", p_ike_profile),
    rule(r"ipsec transform-set (\S+)", p_transform_set),
    rule(r"ipsec profile (\S+) isakmp", p_ipsec_profile),
    rule(
        r"ike dpd interval \d+ retry \d+ on-demand|ipsec global-df-bit (?:clear|set|copy)|"
        r"ipsec anti-replay window \d+",
        p_security_global,
    ),
]
