"""VRP IKE and IPsec: `ike proposal`, `ike peer`, `ipsec proposal`, IPsec profiles (VRP5 AR
`ipsec profile NAME`, NE40E `ipsec policy NAME profile`) and the global IPsec switches.

An `ike peer` holds what IOS spreads over a keyring and an ISAKMP profile: it reads as an
`IkeProfile` of its own name with a `Keyring` of the same name holding its one key. Values a
section leaves out take VRP's defaults, so the model stays explicit (`model.security`).
"""

from __future__ import annotations

import re
from typing import Any

from orchestrator.model import (
    IkeIdentity,
    IkePolicy,
    IkeProfile,
    IpsecProfile,
    Keyring,
    PreSharedKey,
    TransformSet,
)
from orchestrator.syntax.huawei_common import read_secret
from orchestrator.syntax.huawei_render_ipsec import (
    AUTH_TRANSFORMS,
    ESP_ENCRYPTION,
    HASHES,
    IKE_ENCRYPTION,
)
from orchestrator.syntax.rules import Ctx, Rule, rule
from orchestrator.syntax.text import Line

_ENCRYPTION = {word: model for model, pair in IKE_ENCRYPTION.items() for word in pair}
_ENCRYPTION.update({"aes-cbc-128": "aes-128", "aes-cbc-192": "aes-192", "aes-cbc-256": "aes-256"})
_HASH = {word: model for model, word in HASHES.items()}
_ESP = {word: t for t, pair in ESP_ENCRYPTION.items() if t != "esp-aes 128" for word in pair}
_AUTH = {(proto, h): t for t, (proto, h) in AUTH_TRANSFORMS.items()}


def p_ike_proposal(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    # VRP defaults of a proposal that does not say otherwise (AR V200R008 and later)
    policy = IkePolicy(
        priority=int(m.group(1)),
        encryption="aes-256",
        hash="sha256",
        authentication="pre-share",
        group=14,
        lifetime=86400,
    )
    policy.at(line.n)
    security = ctx.config.security
    security.ike_policies[policy.priority] = policy
    security.at(line.n, "ike_policies")
    for child in line.children:
        words = child.words
        text = " ".join(words[1:])
        if words[0] == "encryption-algorithm" and text in _ENCRYPTION:
            policy.encryption = _ENCRYPTION[text]
            policy.at(child.n, "encryption")
        elif words[0] == "authentication-algorithm" and text in _HASH:
            policy.hash = _HASH[text]
            policy.at(child.n, "hash")
        elif words[0] == "authentication-method" and text in ("pre-share", "rsa-sig"):
            policy.authentication = text
            policy.at(child.n, "authentication")
        elif words[0] == "dh" and re.fullmatch(r"group\d+", text):
            policy.group = int(text[5:])
            policy.at(child.n, "group")
        elif words[:2] == ["sa", "duration"] and len(words) == 3:
            policy.lifetime = int(words[2])
            policy.at(child.n, "lifetime")
        else:
            ctx.report.unsupported(child, "IKE proposal setting not translated")
            continue
        ctx.report.parsed(child)


def p_ike_peer(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    name = m.group(1)
    profile = IkeProfile(name=name)
    profile.at(line.n)
    if m.group(2):
        profile.version = int(m.group(2)[1])
        profile.at(line.n, "version")
    elif ctx.platform == "huawei_vrpv8":
        profile.version = 2  # NE40E negotiates IKEv2 only
        profile.at(line.n, "version")
    security = ctx.config.security
    security.ike_profiles[name] = profile
    security.at(line.n, "ike_profiles")
    key: PreSharedKey | None = None
    remote: tuple[str, str | None, int] | None = None
    dpd: dict[str, tuple[int, int]] = {}
    for child in line.children:
        words = child.words
        if words[0] == "version" and len(words) == 2 and words[1] in ("1", "2"):
            profile.version = int(words[1])
            profile.at(child.n, "version")
        elif words[:1] == ["exchange-mode"] and words[1:] in (["main"], ["aggressive"]):
            profile.exchange_mode = words[1]  # type: ignore[assignment]
            profile.at(child.n, "exchange_mode")
        elif words[0] == "pre-shared-key" and len(words) in (2, 3):
            form = words[1] if len(words) == 3 else None
            key = PreSharedKey(address="", key=read_secret(ctx, child, words[-1], form))
            key.at(child.n)
        elif words[0] == "ike-proposal" and len(words) == 2:
            profile.proposals.append(int(words[1]))
            profile.at(child.n, "proposals")
        elif words[0] == "remote-address" and len(words) in (2, 4):
            vrf = words[2] if len(words) == 4 and words[1] == "vpn-instance" else None
            if len(words) == 4 and vrf is None:
                ctx.report.unsupported(child, "a range of peer addresses is not translated")
                continue
            remote = (words[-1], vrf, child.n)
        elif words[0] == "local-address" and len(words) == 2:
            profile.local_address = words[1]
            profile.at(child.n, "local_address")
        elif words[:2] == ["dpd", "type"] and words[2:] == ["on-demand"]:
            ctx.report.ignored(child, "on-demand dead peer detection is what the timers set")
            continue
        elif words[0] == "dpd" and len(words) == 3 and words[2].isdigit():
            dpd[words[1]] = (int(words[2]), child.n)
        else:
            ctx.report.unsupported(child, "IKE peer setting not translated")
            continue
        ctx.report.parsed(child)
    if remote is not None:
        address, vrf, n = remote
        identity = IkeIdentity(address=address)
        identity.at(n)
        profile.identities.append(identity)
        profile.at(n, "identities")
        if key is not None:
            keyring = Keyring(name=name, vrf=vrf)
            keyring.at(line.n)
            key.address = address
            keyring.pre_shared_keys.append(key)
            if vrf is not None:
                keyring.at(n, "vrf")
            security.keyrings[name] = keyring
            profile.keyring = name
            profile.at(line.n, "keyring")
    if key is not None and remote is None:
        ctx.report.unsupported(key.src.get("")[0], "a key without a peer address")
    if "idle-time" in dpd and "retransmit-interval" in dpd:
        (interval, a), (retry, b) = dpd.pop("idle-time"), dpd.pop("retransmit-interval")
        profile.keepalive = (interval, retry)
        profile.at(a, "keepalive")
        profile.at(b, "keepalive")
    if "retry-limit" in dpd:
        profile.dpd_retries, n = dpd.pop("retry-limit")
        profile.at(n, "dpd_retries")
    for _, n in dpd.values():
        ctx.report.unsupported(n, "a DPD timer without its partner is not translated")


def p_ipsec_proposal(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    tset = TransformSet(name=m.group(1))
    tset.at(line.n)
    security = ctx.config.security
    security.transform_sets[tset.name] = tset
    security.at(line.n, "transform_sets")
    transform = "esp"
    encryption: str | None = None
    esp_auth, ah_auth = "sha256", "sha256"  # VRP's default authentication of ESP and AH
    for child in line.children:
        words = child.words
        text = " ".join(words[2:])
        if words[0] == "transform" and len(words) == 2 and words[1] in ("esp", "ah", "ah-esp"):
            transform = words[1]
        elif words[:2] == ["esp", "encryption-algorithm"] and text in _ESP:
            encryption = _ESP[text]
        elif words[:2] == ["esp", "authentication-algorithm"] and text in _HASH:
            esp_auth = _HASH[text]
        elif words[:2] == ["ah", "authentication-algorithm"] and text in _HASH:
            ah_auth = _HASH[text]
        elif words == ["encapsulation-mode", "transport"]:
            tset.mode = "transport"
            tset.at(child.n, "mode")
        elif words == ["encapsulation-mode", "tunnel"]:
            tset.at(child.n, "mode")
        else:
            ctx.report.unsupported(child, "IPsec proposal setting not translated")
            continue
        tset.at(child.n, "transforms")
        ctx.report.parsed(child)
    if "esp" in transform:
        tset.transforms.append(encryption or "esp-aes 256")
        tset.transforms.append(_AUTH[("esp", esp_auth)])
    if "ah" in transform:
        tset.transforms.append(_AUTH[("ah", ah_auth)])


def p_ipsec_profile(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ipsec = IpsecProfile(name=m.group(1))
    ipsec.at(line.n)
    security = ctx.config.security
    security.ipsec_profiles[ipsec.name] = ipsec
    security.at(line.n, "ipsec_profiles")
    ctx.state.setdefault("ipsec_profiles", set()).add(ipsec.name)
    for child in line.children:
        words = child.words
        if words[0] == "ike-peer" and len(words) == 2:
            ipsec.ike_profile = words[1]
            ipsec.at(child.n, "ike_profile")
        elif words[0] == "proposal" and len(words) >= 2:
            ipsec.transform_sets = words[1:]
            ipsec.at(child.n, "transform_sets")
        elif words[0] == "pfs" and len(words) == 2 and words[1].startswith("dh-group"):
            ipsec.pfs = words[1][3:]
            ipsec.at(child.n, "pfs")
        elif words[:3] == ["sa", "duration", "time-based"] and len(words) == 4:
            ipsec.lifetime_seconds = int(words[3])
            ipsec.at(child.n, "lifetime_seconds")
        elif words[:3] == ["sa", "duration", "traffic-based"] and words[3:4] != ["disable"]:
            ipsec.lifetime_kilobytes = int(words[3])
            ipsec.at(child.n, "lifetime_kilobytes")
        elif words == ["ipsec", "df-bit", "clear"]:  # NE40E: per profile
            security.ipsec_df_bit = "clear"
            security.at(child.n, "ipsec_df_bit")
        elif words[:3] == ["sa", "anti-replay", "window"] and len(words) == 4:
            security.ipsec_replay_window = int(words[3])
            security.at(child.n, "ipsec_replay_window")
        else:
            ctx.report.unsupported(child, "IPsec profile setting not translated")
            continue
        ctx.report.parsed(child)


def i_protection(ctx: Ctx, line: Line, m: re.Match[str], ifc: Any) -> None:
    """`ipsec profile P` (AR) or `ipsec policy P` naming a profile-style policy (NE40E)."""
    if m.group(1) == "policy" and m.group(2) not in ctx.state.get("ipsec_profiles", ()):
        ctx.report.unsupported(
            line, "IPsec policies (crypto maps) on interfaces are not translated"
        )
        return
    ifc.tunnel_protection = m.group(2)
    ifc.at(line.n, "tunnel_protection")


def p_df_bit(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.security.ipsec_df_bit = m.group(1)  # type: ignore[assignment]
    ctx.config.security.at(line.n, "ipsec_df_bit")


def p_replay_window(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.security.ipsec_replay_window = int(m.group(1))
    ctx.config.security.at(line.n, "ipsec_replay_window")


IPSEC_TOP: list[Rule] = [
    rule(r"ike proposal (\d+)", p_ike_proposal),
    rule(r"ike peer (\S+)(?: (v1|v2))?", p_ike_peer),
    rule(r"ipsec proposal (\S+)", p_ipsec_proposal),
    rule(r"ipsec profile (\S+)", p_ipsec_profile),
    rule(r"ipsec policy (\S+) profile", p_ipsec_profile),
    rule(r"ipsec df-bit (clear|set|copy)", p_df_bit),
    rule(r"ipsec anti-replay window (\d+)", p_replay_window),
]

__all__ = ["IPSEC_TOP", "i_protection"]
