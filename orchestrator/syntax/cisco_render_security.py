"""Cisco IOS renderer: CBAC inspection, IPS rules, IKE (ISAKMP) and IPsec."""

from __future__ import annotations

from orchestrator.model import DeviceConfig, InspectSettings, Security, item_key
from orchestrator.syntax.cisco_render_common import Writer, secret
from orchestrator.syntax.cisco_security import IKE_ENCRYPTION, IKE_HASH

_ENCRYPTION_WORDS = {
    "des": "des",
    "3des": "3des",
    "aes-128": "aes",
    "aes-192": "aes 192",
    "aes-256": "aes 256",
}
_HASH_WORDS = {token: word for word, token in IKE_HASH.items()}
_TIMERS = (
    ("max_incomplete_low", "max-incomplete low"),
    ("max_incomplete_high", "max-incomplete high"),
    ("one_minute_low", "one-minute low"),
    ("one_minute_high", "one-minute high"),
    ("dns_timeout", "dns-timeout"),
    ("tcp_idle_time", "tcp idle-time"),
    ("tcp_finwait_time", "tcp finwait-time"),
    ("tcp_synwait_time", "tcp synwait-time"),
    ("udp_idle_time", "udp idle-time"),
)


def render_security(w: Writer, config: DeviceConfig) -> None:
    security = config.security
    w.done(
        security,
        "inspect",
        "inspect_policies",
        "ike_policies",
        "keyrings",
        "ike_profiles",
        "transform_sets",
        "ipsec_profiles",
    )
    _inspect(w, security)
    _ike(w, security)
    _ipsec(w, security)


def _inspect(w: Writer, security: Security) -> None:
    settings: InspectSettings = security.inspect
    if settings.alert is False:
        w.line("ip inspect alert-off", settings, "alert")
    elif settings.alert:
        w.ignore(settings, "alert", rule="inspection alerts are on by default on IOS")
    if settings.audit_trail:
        w.line("ip inspect audit-trail", settings, "audit_trail")
    elif settings.audit_trail is False:
        w.ignore(settings, "audit_trail", rule="the inspection audit trail is off by default")
    for field, words in _TIMERS:
        value = getattr(settings, field)
        if value is not None:
            w.line(f"ip inspect {words} {value}", settings, field)
    host, block = settings.tcp_max_incomplete_host, settings.tcp_block_time
    if host is not None and block is not None:
        w.line(
            f"ip inspect tcp max-incomplete host {host} block-time {block}",
            settings,
            "tcp_max_incomplete_host",
            "tcp_block_time",
        )
    elif host is not None or block is not None:
        w.unsupported(
            settings,
            "tcp_max_incomplete_host",
            "tcp_block_time",
            reason="IOS sets the per-host half-open limit with its block time",
        )
    for policy in security.inspect_policies.values():
        head = f"ip inspect name {policy.name}"
        w.done(policy, "name", "protocols")
        if policy.fragment_maximum is not None:
            timeout = f" timeout {policy.fragment_timeout}" if policy.fragment_timeout else ""
            w.line(
                f"{head} fragment maximum {policy.fragment_maximum}{timeout}",
                policy,
                "fragment_maximum",
                "fragment_timeout",
            )
        elif policy.fragment_timeout is not None:
            w.unsupported(
                policy, "fragment_timeout", reason="a fragment timeout without a fragment limit"
            )
        for item in policy.protocols:
            text = f"{head} {item.protocol}"
            if item.java_list is not None:
                text += f" java-list {item.java_list}"
            for field, word in (("alert", "alert"), ("audit_trail", "audit-trail")):
                value = getattr(item, field)
                if value is not None:
                    text += f" {word} {'on' if value else 'off'}"
            if item.timeout is not None:
                text += f" timeout {item.timeout}"
            w.item(text, item, "protocol", "java_list", "alert", "audit_trail", "timeout")
        if not policy.protocols and policy.fragment_maximum is None:
            w.unsupported(policy, reason="an inspection policy that inspects nothing")
    for name, acl in security.ips_rules.items():
        text = f"ip ips name {name}" + (f" list {acl}" if acl else "")
        w.line(text, security, item_key("ips_rules", name))


def _ike(w: Writer, security: Security) -> None:
    for keyring in security.keyrings.values():
        vrf = f" vrf {keyring.vrf}" if keyring.vrf else ""
        with w.view(f"crypto keyring {keyring.name}{vrf}", keyring, "name", "vrf"):
            if keyring.local_address is not None:
                w.line(f"  local-address {keyring.local_address}", keyring, "local_address")
            for psk in keyring.pre_shared_keys:
                mask = f" {psk.mask}" if psk.mask else ""
                w.item(
                    f"  pre-shared-key address {psk.address}{mask} key {secret(psk.key)}",
                    psk,
                    "address",
                    "mask",
                    "key",
                )
            w.done(keyring, "pre_shared_keys")
    for policy in security.ike_policies.values():
        with w.view(f"crypto isakmp policy {policy.priority}", policy, "priority"):
            encryption = _ENCRYPTION_WORDS.get(policy.encryption)
            hash_word = _HASH_WORDS.get(policy.hash)
            if encryption is None or encryption not in IKE_ENCRYPTION:
                w.unsupported(
                    policy,
                    "encryption",
                    reason=f"IKE encryption {policy.encryption} has no IOS form",
                )
            else:
                w.line(f" encr {encryption}", policy, "encryption")
            if hash_word is None:
                w.unsupported(policy, "hash", reason=f"IKE hash {policy.hash} has no IOS form")
            else:
                w.line(f" hash {hash_word}", policy, "hash")
            if policy.authentication in ("pre-share", "rsa-sig", "rsa-encr"):
                w.line(f" authentication {policy.authentication}", policy, "authentication")
            else:
                w.unsupported(
                    policy,
                    "authentication",
                    reason=f"IKE authentication {policy.authentication} has no IOS form",
                )
            w.line(f" group {policy.group}", policy, "group")
            w.line(f" lifetime {policy.lifetime}", policy, "lifetime")
    if security.ike_keepalive is not None:
        w.line(
            "crypto isakmp keepalive {} {}".format(*security.ike_keepalive),
            security,
            "ike_keepalive",
        )
    for profile in security.ike_profiles.values():
        with w.view(f"crypto isakmp profile {profile.name}", profile, "name"):
            if profile.vrf is not None:
                w.line(f"   vrf {profile.vrf}", profile, "vrf")
            if profile.keyring is not None:
                w.line(f"   keyring {profile.keyring}", profile, "keyring")
            for identity in profile.identities:
                vrf = f" {identity.vrf}" if identity.vrf else ""
                w.item(
                    f"   match identity address {identity.address} {identity.mask}{vrf}",
                    identity,
                    "address",
                    "mask",
                    "vrf",
                )
            w.done(profile, "identities")
            if profile.local_address is not None:
                w.line(f"   local-address {profile.local_address}", profile, "local_address")
            if profile.keepalive is not None:
                w.line("   keepalive {} retry {}".format(*profile.keepalive), profile, "keepalive")


def _ipsec(w: Writer, security: Security) -> None:
    if security.ipsec_replay_window is not None:
        w.line(
            f"crypto ipsec security-association replay window-size {security.ipsec_replay_window}",
            security,
            "ipsec_replay_window",
        )
    for tset in security.transform_sets.values():
        text = f"crypto ipsec transform-set {tset.name} " + " ".join(tset.transforms)
        with w.view(text, tset, "name", "transforms"):
            w.line(f" mode {tset.mode}", tset, "mode")
    if security.ipsec_df_bit is not None:
        w.line(f"crypto ipsec df-bit {security.ipsec_df_bit}", security, "ipsec_df_bit")
    for profile in security.ipsec_profiles.values():
        with w.view(f"crypto ipsec profile {profile.name}", profile, "name"):
            if profile.transform_sets:
                w.line(
                    " set transform-set " + " ".join(profile.transform_sets),
                    profile,
                    "transform_sets",
                )
            if profile.pfs is not None:
                w.line(f" set pfs {profile.pfs}", profile, "pfs")
            for unit in ("seconds", "kilobytes"):
                value = getattr(profile, f"lifetime_{unit}")
                if value is not None:
                    w.line(
                        f" set security-association lifetime {unit} {value}",
                        profile,
                        f"lifetime_{unit}",
                    )
            if profile.ike_profile is not None:
                w.line(f" set isakmp-profile {profile.ike_profile}", profile, "ike_profile")
