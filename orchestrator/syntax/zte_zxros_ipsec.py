"""ZXROS IKE and IPsec: `isakmp policy|key-set|profile`, `crypto ipsec transform-set|static-
profile` and the route-based tunnels of `ipsec-config` ([IPSEC] in `zte_zxros`).

What a ZXROS route-based VPN is made of, and where each model node goes:

- `isakmp enable` (IKE is off by default), `isakmp global-keepalive I retry R`;
- `isakmp policy N` (IKE proposals; ZXROS defaults 3des / sha1 / pre-share / group 1 /
  86400 s, so only other values are written), `isakmp key-set K` with `pre-shared key
  ipv4-address A netmask M` + `key K` (keyrings), `isakmp profile P` with `policy N`,
  `key-set K`, `match identity ipv4-address A`, `keepalive`, `exchange-mode`, `initiator`;
- `crypto ipsec transform-set T` with `algorithm ...` and `encapsulation-mode`,
  `crypto ipsec static-profile P` with `match acl A v4`, `set transform-set`, `set pfs`,
  `set sa lifetime`, `set anti-replay window-size`;
- `ipsec-config` + `interface ipsec_tunnelN` with `tunnel mode ipv4`, `tunnel local`,
  `tunnel remote`, `ipsec-profile P`, `isakmp-profile Q`, `df-bit outer`.

The reading side is `zte_zxros_ipsec_parse`; `zte_zxros_prepare_ipsec` shapes the model first.
"""

from __future__ import annotations

from orchestrator.model import (
    DeviceConfig,
    IkePolicy,
    IkeProfile,
    Interface,
    IpsecProfile,
    Keyring,
    Node,
    TransformSet,
    item_key,
)
from orchestrator.syntax.base import Emitter
from orchestrator.syntax.zte_zxros_common import Writer, all_fields, write_secret
from orchestrator.syntax.zte_zxros_prepare_ipsec import is_address, is_ipsec_tunnel, tunnels_of

#: ZXROS `isakmp policy` defaults ("Protection suite of priority 1: 3des, sha1, pre-share,
#: group1, 86400 seconds" in `show isakmp policy`)
POLICY_DEFAULTS: dict[str, object] = {
    "encryption": "3des",
    "hash": "sha1",
    "authentication": "pre-share",
    "group": 1,
    "lifetime": 86400,
}
ENCRYPTIONS = frozenset({"des", "3des", "aes-128", "aes-192", "aes-256"})
HASHES = frozenset({"md5", "sha1", "sha256", "sha384", "sha512"})  # the `prf` choices
DH_GROUPS = frozenset({1, 2, 5})  # `group {1|2|5}`, `set pfs {group1|group2|group5}`

#: IOS transform names (the model's) → ZXROS `algorithm` words (ZXROS shows `esp-3des`,
#: `ah-md5-hmac`, `esp-des` in its own output)
TRANSFORMS: dict[str, str] = {
    "esp-des": "esp-des",
    "esp-3des": "esp-3des",
    "esp-aes": "esp-aes-128",
    "esp-aes 192": "esp-aes-192",
    "esp-aes 256": "esp-aes-256",
    "esp-null": "esp-null",
    "esp-md5-hmac": "esp-md5-hmac",
    "esp-sha-hmac": "esp-sha1-hmac",
    "esp-sha256-hmac": "esp-sha256-hmac",
    "esp-sha384-hmac": "esp-sha384-hmac",
    "esp-sha512-hmac": "esp-sha512-hmac",
    "ah-md5-hmac": "ah-md5-hmac",
    "ah-sha-hmac": "ah-sha1-hmac",
}


def render_ipsec(out: Emitter, config: DeviceConfig) -> None:
    w = Writer(out)
    security = config.security
    tunnels = [i for i in config.interfaces.values() if is_ipsec_tunnel(i)]
    ike = (
        security.ike_policies
        or security.keyrings
        or security.ike_profiles
        or security.ike_keepalive is not None
    )
    if ike or tunnels:
        with w.section("isakmp"):
            w.plain("isakmp enable")
            if security.ike_keepalive is not None:
                interval, retry = security.ike_keepalive
                if 10 <= interval <= 3600 and 2 <= retry <= 60:
                    w.line(
                        f"isakmp global-keepalive {interval} retry {retry}",
                        security,
                        "ike_keepalive",
                    )
                else:
                    out.unsupported(
                        security, "ike_keepalive", reason="ZXROS DPD: 10-3600 s, retry 2-60 s"
                    )
            for policy in security.ike_policies.values():
                _policy(w, policy)
            for keyring in security.keyrings.values():
                _keyring(w, config, keyring)
            for profile in security.ike_profiles.values():
                _ike_profile(w, config, profile)
    if security.transform_sets or security.ipsec_profiles or tunnels:
        with w.section("ipsec"):
            for tset in security.transform_sets.values():
                _transform_set(w, tset)
            for ipsec in security.ipsec_profiles.values():
                _static_profile(w, config, ipsec)
            if security.ipsec_replay_window is not None and not security.ipsec_profiles:
                out.unsupported(security, "ipsec_replay_window", reason="no IPsec profile")
            if tunnels:
                with w.view("ipsec-config"):
                    for ifc in tunnels:
                        _tunnel(w, config, ifc)
            if security.ipsec_df_bit == "clear":
                out.ignore(
                    security, "ipsec_df_bit", rule="ZXROS IPsec tunnels clear the outer DF bit"
                )
            elif security.ipsec_df_bit is not None and not tunnels:
                out.unsupported(security, "ipsec_df_bit", reason="no IPsec tunnel to set it on")


def _policy(w: Writer, policy: IkePolicy) -> None:
    out = w.out
    if not 1 <= policy.priority <= 10000:
        out.unsupported(policy, *all_fields(policy), reason="ZXROS ISAKMP policies are 1-10000")
        return
    if policy.authentication != "pre-share":
        # IOS authenticates with RSA signatures unless told otherwise: the whole proposal
        out.unsupported(
            policy,
            *{*all_fields(policy), ""},
            reason=f"{policy.authentication} authentication (IOS's default when a policy "
            "names none) needs a ZXROS PKI profile: the proposal is not translated",
        )
        return
    with w.view(f"isakmp policy {policy.priority}", policy):
        checks = {
            "encryption": policy.encryption in ENCRYPTIONS,
            "hash": policy.hash in HASHES,
            "authentication": True,
            "group": policy.group in DH_GROUPS,
            "lifetime": 60 <= policy.lifetime <= 86400,
        }
        for name, ok in checks.items():
            value = getattr(policy, name)
            if not ok:
                out.unsupported(policy, name, reason=_POLICY_LIMITS[name])
            elif value == POLICY_DEFAULTS[name]:
                out.default(
                    policy, name, rule=f"ZXROS ISAKMP policies use {name} {value} by default"
                )
            else:
                w.line(f"{name} {value}", policy, name)


_POLICY_LIMITS = {
    "encryption": "ZXROS IKE encryption: des, 3des, aes-128, aes-192, aes-256",
    "hash": "ZXROS IKE hash: md5, sha1, sha256, sha384, sha512",
    "authentication": "",
    "group": "ZXROS IKE policies offer Diffie-Hellman groups 1, 2 and 5",
    "lifetime": "ZXROS ISAKMP SA lifetimes are 60-86400 s",
}


def _keyring(w: Writer, config: DeviceConfig, keyring: Keyring) -> None:
    out = w.out
    vrf = f" vrf-name {keyring.vrf}" if keyring.vrf else ""
    with w.view(f"isakmp key-set {keyring.name}", keyring):
        for psk in keyring.pre_shared_keys:
            if not is_address(psk.address) or ":" in psk.address:
                out.unsupported(psk, *all_fields(psk), reason="IPv4 peer addresses only")
                continue
            mask = psk.mask or "255.255.255.255"
            with w.view(f"pre-shared key ipv4-address {psk.address} netmask {mask}{vrf}", psk):
                w.also(keyring, "vrf")
                w.line(f"key {write_secret(psk.key)}", psk, "key")
    if keyring.local_address is not None:
        _local_endpoint(w, config, keyring, "local_address", _keyring_profiles(config, keyring))


def _keyring_profiles(config: DeviceConfig, keyring: Keyring) -> list[IkeProfile]:
    return [p for p in config.security.ike_profiles.values() if p.keyring == keyring.name]


def _profile_tunnels(config: DeviceConfig, profiles: list[IkeProfile]) -> list[Interface]:
    names = {p.name for p in profiles}
    return [
        t
        for ipsec in config.security.ipsec_profiles.values()
        if ipsec.ike_profile in names
        for t in tunnels_of(config, ipsec)
    ]


def _local_endpoint(
    w: Writer, config: DeviceConfig, node: Node, name: str, profiles: list[IkeProfile]
) -> None:
    """IOS and Junos name the local IKE address in the keyring or profile; ZXROS takes it from
    `tunnel local` of the tunnel the profile is bound to: the same when every tunnel says so."""
    value = getattr(node, name)
    tunnels = _profile_tunnels(config, profiles)
    if tunnels and all(t.tunnel_source == value for t in tunnels):
        w.out.carried(
            node,
            name,
            note=f"the local IKE endpoint {value} is `tunnel local` of the IPsec tunnel the "
            "profile is bound to on ZXROS",
        )
    else:
        w.out.unsupported(
            node,
            name,
            reason="a local IKE address that no IPsec tunnel of the profile uses as its source",
        )


def _ike_profile(w: Writer, config: DeviceConfig, profile: IkeProfile) -> None:
    out = w.out
    with w.view(f"isakmp profile {profile.name}", profile):
        for number in profile.proposals:
            w.line(f"policy {number}", profile, item_key("proposals", number))
        if profile.keyring is not None:
            w.line(f"key-set {profile.keyring}", profile, "keyring")
        for ident in profile.identities:
            if ident.mask != "255.255.255.255" or ident.vrf is not None or ":" in ident.address:
                out.unsupported(
                    ident,
                    *all_fields(ident),
                    reason="ZXROS matches one IPv4 peer identity (no mask, no VRF)",
                )
                continue
            w.line(f"match identity ipv4-address {ident.address}", ident)
        if profile.keepalive is not None:
            interval, retry = profile.keepalive
            if 10 <= interval <= 3600 and 2 <= retry <= 60:
                w.line(f"keepalive {interval} retry {retry}", profile, "keepalive")
            else:
                out.unsupported(profile, "keepalive", reason="ZXROS DPD: 10-3600 s, retry 2-60 s")
        if profile.exchange_mode == "aggressive":
            w.line("exchange-mode aggressive", profile, "exchange_mode")
        elif profile.exchange_mode == "main":
            out.default(profile, "exchange_mode", rule="ZXROS negotiates in main mode")
        if profile.version == 2:
            w.line("initiator ikev2", profile, "version")
        elif profile.version == 1:
            out.default(profile, "version", rule="ZXROS initiates IKEv1 by default")
    for name in ("local_address", "local_interface"):
        if getattr(profile, name) is not None:
            _local_endpoint(w, config, profile, name, [profile])
    if profile.vrf is not None:
        out.unsupported(
            profile, "vrf", reason="the VRF of an ISAKMP profile's traffic is not translated"
        )
    if profile.dpd_retries is not None:
        out.unsupported(profile, "dpd_retries", reason="ZXROS sets DPD by interval and retry time")


def _transform_set(w: Writer, tset: TransformSet) -> None:
    out = w.out
    words = [TRANSFORMS.get(t) for t in tset.transforms]
    if None in words or not words:
        out.unsupported(
            tset,
            *all_fields(tset),
            reason="transforms ZXROS has no algorithm for: " + ", ".join(tset.transforms),
        )
        return
    with w.view(f"crypto ipsec transform-set {tset.name}", tset):
        w.line("algorithm " + " ".join(str(x) for x in words), tset, "transforms")
        if tset.mode == "transport":
            w.line("encapsulation-mode transport", tset, "mode")
        else:
            out.default(tset, "mode", rule="ZXROS transform sets use tunnel mode by default")


def _static_profile(w: Writer, config: DeviceConfig, ipsec: IpsecProfile) -> None:
    out = w.out
    security = config.security
    with w.view(f"crypto ipsec static-profile {ipsec.name}", ipsec):
        if ipsec.acl is not None:
            w.line(f"match acl {ipsec.acl} v4", ipsec, "acl")
        if 0 < len(ipsec.transform_sets) <= 6:
            w.line("set transform-set " + " ".join(ipsec.transform_sets), ipsec, "transform_sets")
        elif ipsec.transform_sets:
            out.unsupported(ipsec, "transform_sets", reason="ZXROS profiles take 6 sets at most")
        if ipsec.pfs in {f"group{g}" for g in DH_GROUPS}:
            w.line(f"set pfs {ipsec.pfs}", ipsec, "pfs")
        elif ipsec.pfs is not None:
            out.unsupported(ipsec, "pfs", reason="ZXROS PFS groups: group1, group2, group5")
        if ipsec.lifetime_seconds is not None:
            if 120 <= ipsec.lifetime_seconds <= 86400:
                w.line(
                    f"set sa lifetime seconds {ipsec.lifetime_seconds}", ipsec, "lifetime_seconds"
                )
            else:
                out.unsupported(ipsec, "lifetime_seconds", reason="ZXROS: 120-86400 s")
        if ipsec.lifetime_kilobytes is not None:
            if 2560 <= ipsec.lifetime_kilobytes <= 4294900000:
                w.line(
                    f"set sa lifetime kilobytes {ipsec.lifetime_kilobytes}",
                    ipsec,
                    "lifetime_kilobytes",
                )
            else:
                out.unsupported(ipsec, "lifetime_kilobytes", reason="ZXROS: 2560-4294900000 KB")
        window = security.ipsec_replay_window
        if window is not None:
            if 32 <= window <= 2048:
                w.line(f"set anti-replay window-size {window}", security, "ipsec_replay_window")
            else:
                out.unsupported(security, "ipsec_replay_window", reason="ZXROS: 32-2048 packets")
    if ipsec.ike_profile is not None and not tunnels_of(config, ipsec):
        out.unsupported(ipsec, "ike_profile", reason="ZXROS binds ISAKMP profiles on tunnels")


def _tunnel(w: Writer, config: DeviceConfig, ifc: Interface) -> None:
    security = config.security
    with w.view(f"interface {ifc.name}", ifc, "tunnel_mode"):
        if ifc.tunnel_mode == "ipsec ipv4":
            w.line("tunnel mode ipv4", ifc, "tunnel_mode")
        if ifc.tunnel_source is not None:
            how = "ipv4-address" if is_address(ifc.tunnel_source) else "interface"
            w.line(f"tunnel local {how} {ifc.tunnel_source}", ifc, "tunnel_source")
        if ifc.tunnel_destination is not None:
            w.line(
                f"tunnel remote ipv4-address {ifc.tunnel_destination}", ifc, "tunnel_destination"
            )
        ipsec = security.ipsec_profiles.get(ifc.tunnel_protection or "")
        sets = [security.transform_sets.get(t) for t in (ipsec.transform_sets if ipsec else [])]
        if any(t is not None and t.mode == "transport" for t in sets):
            # [IPSEC] `ipsec-profile`: "转码集必须是隧道模式" (tunnels take tunnel-mode sets)
            w.out.unsupported(
                ifc,
                "tunnel_protection",
                reason="the IPsec profile offers transport-mode transform sets; a ZXROS IPsec "
                "tunnel binds tunnel-mode sets only",
            )
        elif ifc.tunnel_protection is not None:
            w.line(f"ipsec-profile {ifc.tunnel_protection}", ifc, "tunnel_protection")
        if ipsec is not None and ipsec.ike_profile is not None:
            w.line(f"isakmp-profile {ipsec.ike_profile}", ipsec, "ike_profile")
        if security.ipsec_df_bit in ("set", "copy"):
            w.line(f"df-bit outer {security.ipsec_df_bit}", security, "ipsec_df_bit")
    if ifc.tunnel_mode not in (None, "ipsec ipv4"):
        w.out.unsupported(ifc, "tunnel_mode", reason=f"IPsec tunnel mode {ifc.tunnel_mode!r}")


__all__ = ["TRANSFORMS", "render_ipsec"]
