"""Render stateful inspection (ASPF), session aging, IKE and IPsec in Comware 7 syntax.

See `hp_comware_parse_security` for how the model maps onto Comware.
"""

from __future__ import annotations

from orchestrator.model import DeviceConfig, InspectPolicy, Security
from orchestrator.syntax.base import Emitter
from orchestrator.syntax.hp_comware_common import write_secret
from orchestrator.syntax.hp_comware_parse_security import (
    AGING_STATES,
    AH_AUTH,
    ASPF_DETECT,
    ESP_AUTH,
    ESP_ENCRYPTION,
    IKE_ENCRYPTION,
    IKE_HASH,
    IKE_METHOD,
)


def _reverse(table: dict[str, str]) -> dict[str, str]:
    return {v: k for k, v in table.items()}


def render_security(config: DeviceConfig, out: Emitter) -> None:
    security = config.security
    _inspection(security, out)
    _ike(security, out)
    _ipsec(security, out)


def _inspection(security: Security, out: Emitter) -> None:
    for policy in security.inspect_policies.values():
        if not policy.name.isdigit():
            out.unsupported(policy, reason="ASPF policies are numbered")
            continue
        out.plain("#")
        with out.view(f"aspf policy {policy.name}", policy):
            _aspf_body(policy, out)
    settings = security.inspect
    lines = [
        (f"session aging-time state {state} {getattr(settings, name)}", name)
        for state, name in AGING_STATES.items()
        if getattr(settings, name) is not None
    ]
    if settings.dns_timeout is not None:
        lines.append((f"session aging-time application dns {settings.dns_timeout}", "dns_timeout"))
    if lines:
        out.plain("#")
    for text, name in lines:
        out.emit(f" {text}", settings, name)
        out.change(
            settings, name, note="Comware ages every session of this state, inspected or not"
        )
    if settings.alert is False:
        out.ignore(settings, "alert", rule="ASPF raises no CBAC alert messages to switch off")
    if settings.audit_trail is False:
        out.ignore(settings, "audit_trail", rule="session audit logs are off by default")


def _aspf_body(policy: InspectPolicy, out: Emitter) -> None:
    for item in policy.protocols:
        if item.protocol in ASPF_DETECT:
            out.emit(f" detect {item.protocol}", item, "", "protocol")
        else:
            # a session ASPF follows without an application helper: the policy line does it
            add_sources_to_opener(out, item)
            out.carried(
                item,
                "",
                note=f"ASPF tracks {item.protocol} as a plain TCP/UDP/ICMP "
                "session, without application inspection",
            )
            continue
        for name in ("alert", "audit_trail", "timeout"):
            if getattr(item, name) is not None:
                out.carried(
                    item,
                    name,
                    note=f"per-application {name.replace('_', ' ')} settings "
                    "are not carried: Comware logs and ages sessions globally",
                )


def add_sources_to_opener(out: Emitter, item: object) -> None:
    """The policy's opener (the last view line written) also stands for ``item``."""
    from orchestrator.model import Node

    assert isinstance(item, Node)
    opener = next(e for e in reversed(out.result.emissions) if e.text.startswith("aspf"))
    extra = [n for n in Emitter.sources_of(item, ("",)) if n not in opener.sources]
    opener.sources = opener.sources + tuple(extra)


def _ike(security: Security, out: Emitter) -> None:
    encryption, hashes, methods = (
        _reverse(IKE_ENCRYPTION),
        _reverse(IKE_HASH),
        _reverse(IKE_METHOD),
    )
    for priority, policy in sorted(security.ike_policies.items()):
        if (
            policy.encryption not in encryption
            or policy.hash not in hashes
            or policy.authentication not in methods
        ):
            out.unsupported(
                policy,
                reason=f"IKE proposal {policy.encryption}/{policy.hash}/"
                f"{policy.authentication} has no Comware form",
            )
            continue
        out.plain("#")
        with out.view(f"ike proposal {priority}", policy):
            out.emit(f" encryption-algorithm {encryption[policy.encryption]}", policy, "encryption")
            out.emit(
                f" authentication-method {methods[policy.authentication]}", policy, "authentication"
            )
            out.emit(f" authentication-algorithm {hashes[policy.hash]}", policy, "hash")
            out.emit(f" dh group{policy.group}", policy, "group")
            out.emit(f" sa duration {policy.lifetime}", policy, "lifetime")
    if security.ike_keepalive is not None:
        interval, retry = security.ike_keepalive
        out.plain("#")
        out.emit(f" ike dpd interval {interval} retry {retry} on-demand", security, "ike_keepalive")
    for keyring in security.keyrings.values():
        out.plain("#")
        vrf = f" vpn-instance {keyring.vrf}" if keyring.vrf else ""
        with out.view(f"ike keychain {keyring.name}{vrf}", keyring, "", "vrf"):
            for psk in keyring.pre_shared_keys:
                mask = f" {psk.mask}" if psk.mask else " 255.255.255.255"
                out.emit(
                    f" pre-shared-key address {psk.address}{mask} key {write_secret(psk.key)}", psk
                )
                out.mark(psk, "mask")
            if keyring.local_address is not None:
                out.emit(f" match local address {keyring.local_address}", keyring, "local_address")
    for profile in security.ike_profiles.values():
        out.plain("#")
        with out.view(f"ike profile {profile.name}", profile):
            if profile.keyring is not None:
                out.emit(f" keychain {profile.keyring}", profile, "keyring")
            for identity in profile.identities:
                vrf = f" vpn-instance {identity.vrf}" if identity.vrf else ""
                out.emit(
                    f" match remote identity address {identity.address} {identity.mask}{vrf}",
                    identity,
                )
                out.mark(identity, "mask", "vrf")
            if profile.local_address is not None:
                out.emit(f" match local address {profile.local_address}", profile, "local_address")
            elif profile.local_interface is not None:
                out.emit(
                    f" match local address {profile.local_interface}", profile, "local_interface"
                )
            if profile.local_address is not None and profile.local_interface is not None:
                out.unsupported(
                    profile, "local_interface", reason="a local address is matched already"
                )
            known = [p for p in profile.proposals if p in security.ike_policies]
            if known:
                words = " ".join(str(p) for p in known)
                out.emit(f" proposal {words}", profile, "proposals")
            if len(known) != len(profile.proposals):
                out.unsupported(
                    profile, "proposals", reason="a profile names an IKE proposal not written"
                )
            if profile.exchange_mode == "aggressive":
                out.emit(" exchange-mode aggressive", profile, "exchange_mode")
            elif profile.exchange_mode == "main":
                out.ignore(profile, "exchange_mode", rule="main mode is the IKEv1 default")
            if profile.vrf is not None:
                out.emit(f" inside-vpn vpn-instance {profile.vrf}", profile, "vrf")
            if profile.keepalive is not None:
                interval, retry = profile.keepalive
                out.emit(f" dpd interval {interval} retry {retry} on-demand", profile, "keepalive")


def _ipsec(security: Security, out: Emitter) -> None:
    esp_enc, esp_auth, ah_auth = _reverse(ESP_ENCRYPTION), _reverse(ESP_AUTH), _reverse(AH_AUTH)
    pfs: dict[str, tuple[str, object]] = {}
    for profile in security.ipsec_profiles.values():
        if profile.pfs is None:
            continue
        for name in profile.transform_sets:
            if name in pfs and pfs[name][0] != profile.pfs:
                out.unsupported(
                    profile,
                    "pfs",
                    reason=f"transform set {name} is shared by profiles with "
                    "different PFS groups; Comware sets PFS in the transform set",
                )
                break
            pfs[name] = (profile.pfs, profile)
    written: set[str] = set()  # transform sets written with their PFS group
    for tset in security.transform_sets.values():
        words = {
            "esp-enc": [t for t in tset.transforms if t in esp_enc],
            "esp-auth": [t for t in tset.transforms if t in esp_auth],
            "ah": [t for t in tset.transforms if t in ah_auth],
        }
        if sum(len(v) for v in words.values()) != len(tset.transforms) or any(
            len(v) > 1 for v in words.values()
        ):
            out.unsupported(
                tset, reason=f"transforms {' '.join(tset.transforms)} have no Comware form"
            )
            continue
        esp = bool(words["esp-enc"] or words["esp-auth"])
        protocol = "ah-esp" if esp and words["ah"] else "esp" if esp else "ah"
        out.plain("#")
        with out.view(f"ipsec transform-set {tset.name}", tset):
            out.emit(f" protocol {protocol}", tset, "transforms")
            if words["esp-enc"]:
                out.emit(
                    f" esp encryption-algorithm {esp_enc[words['esp-enc'][0]]}", tset, "transforms"
                )
            if words["esp-auth"]:
                out.emit(
                    f" esp authentication-algorithm {esp_auth[words['esp-auth'][0]]}",
                    tset,
                    "transforms",
                )
            if words["ah"]:
                out.emit(
                    f" ah authentication-algorithm {ah_auth[words['ah'][0]]}", tset, "transforms"
                )
            out.emit(f" encapsulation-mode {tset.mode}", tset, "mode")
            if tset.name in pfs:
                group, owner = pfs[tset.name]
                from orchestrator.model import IpsecProfile

                assert isinstance(owner, IpsecProfile)
                out.emit(f" pfs dh-{group}", owner, "pfs")
                written.add(tset.name)
    for profile in security.ipsec_profiles.values():
        if written & set(profile.transform_sets):
            out.mark(profile, "pfs")  # its group is written in the transform set
        elif profile.pfs is not None:
            out.unsupported(
                profile,
                "pfs",
                reason="Comware sets PFS in a transform set; this profile has none written",
            )
        out.plain("#")
        with out.view(f"ipsec profile {profile.name} isakmp", profile):
            if profile.transform_sets:
                out.emit(
                    f" transform-set {' '.join(profile.transform_sets)}", profile, "transform_sets"
                )
            if profile.ike_profile is not None:
                out.emit(f" ike-profile {profile.ike_profile}", profile, "ike_profile")
            if profile.lifetime_seconds is not None:
                out.emit(
                    f" sa duration time-based {profile.lifetime_seconds}",
                    profile,
                    "lifetime_seconds",
                )
            if profile.lifetime_kilobytes is not None:
                out.emit(
                    f" sa duration traffic-based {profile.lifetime_kilobytes}",
                    profile,
                    "lifetime_kilobytes",
                )
    lines = []
    if security.ipsec_df_bit is not None:
        lines.append((f" ipsec global-df-bit {security.ipsec_df_bit}", "ipsec_df_bit"))
    if security.ipsec_replay_window is not None:
        lines.append(
            (f" ipsec anti-replay window {security.ipsec_replay_window}", "ipsec_replay_window")
        )
    if lines:
        out.plain("#")
    for text, name in lines:
        out.emit(text, security, name)
