"""VRP IKE and IPsec: `ike proposal`, `ike peer`, `ipsec proposal`, and the IPsec profile a
tunnel interface applies (VRP5 AR `ipsec profile`; NE40E `ipsec policy NAME profile`).

The model arrives shaped by `huawei_prepare_ipsec`: one keyring per IKE profile, named after
it, holding the key of the profile's one peer. The words below are the two releases' spellings;
the parser (`huawei_parse_ipsec`) reads both.
"""

from __future__ import annotations

from orchestrator.model import DeviceConfig, IkePolicy, IkeProfile, IpsecProfile, TransformSet
from orchestrator.syntax.huawei_common import secret_text
from orchestrator.syntax.huawei_render_base import Writer

#: model IKE encryption → (VRP5 AR, NE40E) `encryption-algorithm` words
IKE_ENCRYPTION = {
    "des": ("des-cbc", "des-cbc"),
    "3des": ("3des-cbc", "3des-cbc"),
    "aes-128": ("aes-128", "aes-cbc 128"),
    "aes-192": ("aes-192", "aes-cbc 192"),
    "aes-256": ("aes-256", "aes-cbc 256"),
}
#: model hash → `authentication-algorithm` word (IKE proposals and ESP/AH alike)
HASHES = {
    "md5": "md5",
    "sha1": "sha1",
    "sha256": "sha2-256",
    "sha384": "sha2-384",
    "sha512": "sha2-512",
}
IKE_METHODS = {"pre-share": "pre-share", "rsa-sig": "rsa-sig"}
DH_GROUPS = frozenset({1, 2, 5, 14, 19, 20, 21})
#: IOS ESP encryption transforms → (VRP5 AR, NE40E) `esp encryption-algorithm` words
ESP_ENCRYPTION = {
    "esp-des": ("des", "des"),
    "esp-3des": ("3des", "3des"),
    "esp-aes": ("aes-128", "aes 128"),
    "esp-aes 128": ("aes-128", "aes 128"),
    "esp-aes 192": ("aes-192", "aes 192"),
    "esp-aes 256": ("aes-256", "aes 256"),
}
#: IOS ESP/AH authentication transforms → (protocol, model hash)
AUTH_TRANSFORMS = {
    "esp-md5-hmac": ("esp", "md5"),
    "esp-sha-hmac": ("esp", "sha1"),
    "esp-sha256-hmac": ("esp", "sha256"),
    "esp-sha384-hmac": ("esp", "sha384"),
    "esp-sha512-hmac": ("esp", "sha512"),
    "ah-md5-hmac": ("ah", "md5"),
    "ah-sha-hmac": ("ah", "sha1"),
    "ah-sha256-hmac": ("ah", "sha256"),
    "ah-sha384-hmac": ("ah", "sha384"),
    "ah-sha512-hmac": ("ah", "sha512"),
}
PFS_GROUPS = frozenset(f"group{g}" for g in DH_GROUPS)


def render_ipsec(config: DeviceConfig, w: Writer) -> None:
    security = config.security
    vrp8 = w.platform.vpn_ipv4_family
    for policy in security.ike_policies.values():
        _proposal(policy, w, vrp8)
    for profile in security.ike_profiles.values():
        _peer(config, profile, w, vrp8)
    for tset in security.transform_sets.values():
        _transform_set(tset, w, vrp8)
    for ipsec in security.ipsec_profiles.values():
        _profile(config, ipsec, w, vrp8)
    if not vrp8:
        if security.ipsec_df_bit is not None:
            w.line(f"ipsec df-bit {security.ipsec_df_bit}", security, "ipsec_df_bit")
        if security.ipsec_replay_window is not None:
            w.line(
                f"ipsec anti-replay window {security.ipsec_replay_window}",
                security,
                "ipsec_replay_window",
            )
    if security.ike_keepalive is not None:
        w.unsupported(
            security,
            "ike_keepalive",
            reason="NE40E has no dead peer detection setting"
            if vrp8
            else "no IKE peer to apply dead peer detection to",
        )
    w.sep()


def _proposal(policy: IkePolicy, w: Writer, vrp8: bool) -> None:
    words = IKE_ENCRYPTION.get(policy.encryption)
    if (
        words is None
        or policy.hash not in HASHES
        or policy.authentication not in IKE_METHODS
        or policy.group not in DH_GROUPS
        or not 1 <= policy.priority <= (100 if vrp8 else 99)
    ):
        w.unsupported(
            policy,
            reason=f"IKE policy {policy.priority} ({policy.encryption}, {policy.hash}, "
            f"{policy.authentication}, group {policy.group}) has no VRP proposal form",
        )
        return
    with w.view(f"ike proposal {policy.priority}", policy, "", "priority"):
        w.line(f"encryption-algorithm {words[vrp8]}", policy, "encryption")
        w.line(f"dh group{policy.group}", policy, "group")
        w.line(f"authentication-algorithm {HASHES[policy.hash]}", policy, "hash")
        w.line(
            f"authentication-method {IKE_METHODS[policy.authentication]}",
            policy,
            "authentication",
        )
        w.line(f"sa duration {policy.lifetime}", policy, "lifetime")
    w.sep()


def _peer(config: DeviceConfig, profile: IkeProfile, w: Writer, vrp8: bool) -> None:
    security = config.security
    keyring = security.keyrings.get(profile.keyring or "")
    psks = keyring.pre_shared_keys if keyring is not None else []
    if (
        keyring is None
        or keyring.name != profile.name
        or len(profile.identities) != 1
        or len(psks) != 1
        or psks[0].address != profile.identities[0].address
    ):
        w.unsupported(
            profile,
            reason="a VRP IKE peer has one remote address and its pre-shared key; "
            "this profile has no key for exactly one peer address",
        )
        return
    peer, psk = profile.identities[0], psks[0]
    with w.view(f"ike peer {profile.name}", profile, "", "name", "keyring"):
        w.mark(keyring, "", "name", "pre_shared_keys")
        if not vrp8:
            w.line(f"version {profile.version}", profile, "version")
        else:
            w.mark(profile, "version")
        if profile.exchange_mode == "aggressive":
            if vrp8:
                w.unsupported(profile, "exchange_mode", reason="NE40E has no aggressive mode")
            else:
                w.line("exchange-mode aggressive", profile, "exchange_mode")
        elif profile.exchange_mode == "main":
            w.ignore(profile, "exchange_mode", rule="main mode is the VRP default")
        w.line(f"pre-shared-key cipher {secret_text(psk.key)}", psk, "", "key", "address")
        for number in profile.proposals:
            w.line(f"ike-proposal {number}", profile, "proposals")
        vpn = f" vpn-instance {keyring.vrf}" if keyring.vrf else ""
        w.line(f"remote-address{vpn} {peer.address}", peer, "", "address", "mask")
        if keyring.vrf:
            w.mark(keyring, "vrf")
        if peer.vrf is not None:
            w.unsupported(peer, "vrf", reason="VRP looks for the peer in the keyring's VPN")
        _local(config, profile, w, vrp8)
        if profile.keepalive is not None:
            if vrp8:
                w.unsupported(profile, "keepalive", reason="NE40E has no dead peer detection")
            else:
                interval, retry = profile.keepalive
                w.line("dpd type on-demand", profile, "keepalive")
                w.line(f"dpd idle-time {interval}", profile, "keepalive")
                w.line(f"dpd retransmit-interval {retry}", profile, "keepalive")
        if profile.dpd_retries is not None:
            if vrp8:
                w.unsupported(profile, "dpd_retries", reason="NE40E has no dead peer detection")
            else:
                w.line(f"dpd retry-limit {profile.dpd_retries}", profile, "dpd_retries")
        if profile.vrf is not None:
            w.unsupported(
                profile, "vrf", reason="the VPN of protected traffic follows the tunnel on VRP"
            )
    w.sep()


def _local(config: DeviceConfig, profile: IkeProfile, w: Writer, vrp8: bool) -> None:
    """The local IKE endpoint: `local-address` on AR; the tunnel source on NE40E (and for an
    interface endpoint on both)."""
    tunnels = [
        ifc
        for ifc in config.interfaces.values()
        if ifc.tunnel_protection is not None
        and config.security.ipsec_profiles.get(ifc.tunnel_protection) is not None
        and config.security.ipsec_profiles[ifc.tunnel_protection].ike_profile == profile.name
    ]
    if profile.local_address is not None:
        if not vrp8:
            w.line(f"local-address {profile.local_address}", profile, "local_address")
        elif tunnels and all(t.tunnel_source == profile.local_address for t in tunnels):
            w.ignore(
                profile,
                "local_address",
                rule="on NE40E the tunnel source is the local IKE endpoint",
            )
        else:
            w.unsupported(
                profile, "local_address", reason="NE40E takes the local endpoint from the tunnel"
            )
    if profile.local_interface is not None:
        if tunnels and all(t.tunnel_source == profile.local_interface for t in tunnels):
            w.ignore(
                profile,
                "local_interface",
                rule="the tunnel's source interface is the local IKE endpoint",
            )
        else:
            w.unsupported(
                profile,
                "local_interface",
                reason="VRP sets the local IKE endpoint by address or tunnel source",
            )


def transform_lines(tset: TransformSet, vrp8: bool) -> list[tuple[str, str]] | None:
    """The `ipsec proposal` lines (text, model field) of a transform set, or None."""
    encryption = [t for t in tset.transforms if t in ESP_ENCRYPTION]
    auth = [AUTH_TRANSFORMS[t] for t in tset.transforms if t in AUTH_TRANSFORMS]
    esp_auth = [h for proto, h in auth if proto == "esp"]
    ah_auth = [h for proto, h in auth if proto == "ah"]
    if (
        len(encryption) + len(auth) != len(tset.transforms)
        or len(encryption) > 1
        or len(esp_auth) > 1
        or len(ah_auth) > 1
        or (encryption and not esp_auth)
        or not (encryption or ah_auth)
    ):
        return None
    esp = bool(encryption or esp_auth)
    lines: list[tuple[str, str]] = []
    if esp and ah_auth:
        lines.append(("transform ah-esp", "transforms"))
    elif ah_auth:
        lines.append(("transform ah", "transforms"))
    if esp_auth:
        lines.append((f"esp authentication-algorithm {HASHES[esp_auth[0]]}", "transforms"))
    if encryption:
        words = ESP_ENCRYPTION[encryption[0]]
        lines.append((f"esp encryption-algorithm {words[vrp8]}", "transforms"))
    if ah_auth:
        lines.append((f"ah authentication-algorithm {HASHES[ah_auth[0]]}", "transforms"))
    if tset.mode == "transport":
        lines.append(("encapsulation-mode transport", "mode"))
    return lines


def _transform_set(tset: TransformSet, w: Writer, vrp8: bool) -> None:
    lines = transform_lines(tset, vrp8)
    if lines is None:
        w.unsupported(
            tset,
            reason=f"transforms {' '.join(tset.transforms)} have no VRP IPsec proposal form",
        )
        return
    with w.view(f"ipsec proposal {tset.name}", tset, "", "name", "transforms", "mode"):
        for text, field in lines:
            w.line(text, tset, field)
    w.sep()


def _profile(config: DeviceConfig, ipsec: IpsecProfile, w: Writer, vrp8: bool) -> None:
    security = config.security
    if ipsec.ike_profile is None or ipsec.ike_profile not in security.ike_profiles:
        w.unsupported(
            ipsec,
            reason="a VRP IPsec profile names its IKE peer; this profile's peer is not known",
        )
        return
    if ipsec.pfs is not None and ipsec.pfs not in PFS_GROUPS:
        w.unsupported(ipsec, "pfs", reason=f"PFS {ipsec.pfs} has no VRP form")
    opener = f"ipsec policy {ipsec.name} profile" if vrp8 else f"ipsec profile {ipsec.name}"
    with w.view(opener, ipsec, "", "name"):
        w.line(f"ike-peer {ipsec.ike_profile}", ipsec, "ike_profile")
        if ipsec.transform_sets:
            w.line(f"proposal {' '.join(ipsec.transform_sets)}", ipsec, "transform_sets")
        if ipsec.pfs in PFS_GROUPS:
            w.line(f"pfs dh-{ipsec.pfs}", ipsec, "pfs")
        if ipsec.lifetime_seconds is not None:
            w.line(f"sa duration time-based {ipsec.lifetime_seconds}", ipsec, "lifetime_seconds")
        if ipsec.lifetime_kilobytes is not None:
            w.line(
                f"sa duration traffic-based {ipsec.lifetime_kilobytes}",
                ipsec,
                "lifetime_kilobytes",
            )
        if vrp8:
            if security.ipsec_df_bit == "clear":
                w.line("ipsec df-bit clear", security, "ipsec_df_bit")
            if security.ipsec_replay_window is not None:
                w.line(
                    f"sa anti-replay window {security.ipsec_replay_window}",
                    security,
                    "ipsec_replay_window",
                )
    w.sep()
    if vrp8 and security.ipsec_df_bit not in (None, "clear"):
        w.unsupported(security, "ipsec_df_bit", reason="NE40E can only clear the DF bit")


__all__ = ["render_ipsec", "transform_lines"]
