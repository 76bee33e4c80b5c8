"""Render the routing side of a Comware 7 interface view: OSPF/OSPFv3, VRRP, IPv6 router
advertisements, PPP links."""

from __future__ import annotations

from orchestrator.model import DeviceConfig, FhrpGroup, Interface, InterfaceOspf, item_key
from orchestrator.syntax.base import Emitter, secret_token
from orchestrator.syntax.hp_comware_common import write_secret

_NETWORK_TYPES = {"point-to-point": "p2p", "broadcast": "broadcast", "nbma": "nbma", "p2mp": "p2mp"}


def track_numbers(config: DeviceConfig) -> dict[str, int]:
    """Interface → track entry number, for every interface a VRRP group tracks."""
    names = sorted({t[0] for ifc in config.interfaces.values() for g in ifc.fhrp for t in g.track})
    return {name: i for i, name in enumerate(names, start=1)}


def atm_lines(ifc: Interface, out: Emitter) -> None:
    """The PVC of an ATM (sub)interface and its service category."""
    pvc = ifc.atm_pvc
    if pvc is None:
        return
    with out.view(f" pvc {pvc.vpi}/{pvc.vci}", pvc):
        if pvc.vbr_nrt is not None and len(pvc.vbr_nrt) == 3:
            rates = " ".join(str(v) for v in pvc.vbr_nrt)
            out.emit(f"  service vbr-nrt {rates}", pvc, "vbr_nrt")
        elif pvc.vbr_nrt is not None:
            out.unsupported(
                pvc, "vbr_nrt", reason="Comware's VBR-NRT service needs a maximum burst size"
            )
        if pvc.ubr is not None:
            out.emit(f"  service ubr {pvc.ubr}", pvc, "ubr")
        if pvc.encapsulation in ("aal5snap", "aal5mux", "aal5nlpid"):
            out.emit(f"  encapsulation {pvc.encapsulation}", pvc, "encapsulation")
        elif pvc.encapsulation is not None:
            out.unsupported(pvc, "encapsulation", reason=f"AAL5 encapsulation {pvc.encapsulation}")
    reason = (
        "Comware carries PPP over ATM through a virtual template (`map ppp`), not through a "
        "dialer pool"
    )
    for name in ("protocol", "dialer_pool_member"):
        if getattr(pvc, name) is not None:
            out.unsupported(pvc, name, reason=reason)


def ppp_lines(ifc: Interface, out: Emitter) -> None:
    """PPP links (dialers, serial lines): framing, negotiated address, authentication."""
    e = out.emit
    if ifc.encapsulation in ("ppp", "hdlc"):
        e(f" link-protocol {ifc.encapsulation}", ifc, "encapsulation")
    elif ifc.encapsulation is not None:
        out.unsupported(
            ifc, "encapsulation", reason=f"{ifc.encapsulation} framing is not translated"
        )
    if ifc.ipv4_negotiated:
        e(" ip address ppp-negotiate", ifc, "ipv4_negotiated")
    if ifc.dialer_group is not None:
        e(f" dialer-group {ifc.dialer_group}", ifc, "dialer_group")
    if ifc.dialer_idle_timeout is not None:
        e(f" dialer timer idle {ifc.dialer_idle_timeout}", ifc, "dialer_idle_timeout")
    ppp = ifc.ppp
    if ppp is None:
        return
    if ppp.authentication:
        callin = " call-in" if ppp.auth_callin else ""
        e(
            f" ppp authentication-mode {' '.join(ppp.authentication)}{callin}",
            ppp,
            "authentication",
            "auth_callin",
        )
        if ppp.auth_optional:
            out.carried(
                ppp,
                "auth_optional",
                note="Comware does not accept a peer that refuses to authenticate",
            )
    if ppp.chap_hostname is not None:
        e(f" ppp chap user {ppp.chap_hostname}", ppp, "chap_hostname")
    if ppp.chap_password is not None:
        e(f" ppp chap password {write_secret(ppp.chap_password)}", ppp, "chap_password")
    if ppp.pap_username is not None and ppp.pap_password is not None:
        e(
            f" ppp pap local-user {ppp.pap_username} password {write_secret(ppp.pap_password)}",
            ppp,
            "pap_username",
            "pap_password",
        )


def nd_lines(config: DeviceConfig, ifc: Interface, out: Emitter) -> None:
    """Router advertisements: Comware sends none until told (`undo ipv6 nd ra halt`), IOS
    sends them from every routed IPv6 interface."""
    nd = ifc.ipv6_nd
    e = out.emit
    suppressed = nd is not None and nd.ra_suppress is not None
    if suppressed:
        assert nd is not None
        e(" ipv6 nd ra halt", nd, "ra_suppress")
    elif config.system.ipv6_routing and any(a.kind != "link-local" for a in ifc.ipv6):
        e(" undo ipv6 nd ra halt", ifc, "ipv6")
    if nd is None:
        return
    if nd.managed_config:
        e(" ipv6 nd autoconfig managed-address-flag", nd, "managed_config")
    if nd.other_config:
        e(" ipv6 nd autoconfig other-flag", nd, "other_config")
    if nd.ra_lifetime is not None:
        e(f" ipv6 nd ra router-lifetime {nd.ra_lifetime}", nd, "ra_lifetime")
    if nd.ra_interval is not None:
        e(f" ipv6 nd ra interval {nd.ra_interval} {max(nd.ra_interval // 3, 3)}", nd, "ra_interval")
    for prefix in nd.prefixes:
        if prefix.prefix is None or not prefix.advertise:
            out.unsupported(
                prefix,
                reason="Comware advertises every on-link prefix; it has no "
                "default prefix settings and no per-prefix no-advertise",
            )
            continue
        text = f" ipv6 nd ra prefix {prefix.prefix} {prefix.valid} {prefix.preferred}"
        if not prefix.autoconfig:
            text += " no-autoconfig"
        if not prefix.onlink:
            text += " off-link"
        fields = ("prefix", "valid", "preferred", "autoconfig", "onlink", "advertise")
        out.item(text, prefix, *fields)


def ospf_lines(ifc: Interface, ospf: InterfaceOspf, out: Emitter, word: str) -> None:
    e = out.emit
    if ospf.area is not None and ospf.process is not None:
        e(f" {word} {ospf.process} area {ospf.area}", ospf, "process", "area")
    elif ospf.area is not None or ospf.process is not None:
        out.unsupported(ospf, "area", reason="the interface's OSPF process is not known")
        out.unsupported(ospf, "process", reason="the interface's OSPF process is not known")
    if ospf.cost is not None:
        e(f" {word} cost {ospf.cost}", ospf, "cost")
    if ospf.network_type is not None:
        e(f" {word} network-type {_NETWORK_TYPES[ospf.network_type]}", ospf, "network_type")
    if ospf.priority is not None:
        e(f" {word} dr-priority {ospf.priority}", ospf, "priority")
    if ospf.hello is not None:
        e(f" {word} timer hello {ospf.hello}", ospf, "hello")
    if ospf.dead is not None:
        e(f" {word} timer dead {ospf.dead}", ospf, "dead")
    if word == "ospfv3" and (ospf.auth is not None or ospf.auth_key is not None):
        out.unsupported(ospf, "auth", reason="OSPFv3 authenticates with IPsec, not with keys")
        out.unsupported(ospf, "auth_key", reason="OSPFv3 authenticates with IPsec, not with keys")
    elif ospf.auth in ("md5", "simple") and ospf.auth_key is not None:
        key_id = f" {ospf.auth_key_id}" if ospf.auth == "md5" else ""
        if ospf.auth == "md5" and ospf.auth_key_id is None:
            out.unsupported(ospf, "auth", reason="MD5 authentication needs a key id")
        else:
            e(
                f" ospf authentication-mode {ospf.auth}{key_id} plain "
                f"{secret_token(ospf.auth_key)}",
                ospf,
                "auth",
                "auth_key_id",
                "auth_key",
            )
    elif ospf.auth is not None:
        out.unsupported(ospf, "auth", reason=f"OSPF {ospf.auth} authentication without a key")
    if ospf.bfd:
        e(f" {word} bfd enable", ospf, "bfd")
    if ospf.passive is not None:
        out.unsupported(ospf, "passive", reason="no OSPF process to make the interface silent in")


def vrrp_lines(config: DeviceConfig, ifc: Interface, out: Emitter) -> None:
    tracks = track_numbers(config)
    versions = {g.version for g in ifc.fhrp if g.version is not None}
    versioned = [g for g in ifc.fhrp if g.version is not None]
    if len(versions) == 1 and len(versioned) == len(ifc.fhrp):
        out.emit(f" vrrp version {versions.pop()}", versioned[0], "version")
    else:
        for group in versioned:
            out.unsupported(
                group, "version", reason="the VRRP groups of an interface share one version"
            )
    for group in ifc.fhrp:
        if group.protocol != "vrrp":
            out.unsupported(ifc, "fhrp", reason="only VRRP is translated")
            continue
        if not 1 <= group.group <= 255:
            out.unsupported(group, reason=f"no free VRRP VRID (1-255) for group {group.group}")
            continue
        _vrrp_group(group, tracks, out)


def _vrrp_group(group: FhrpGroup, tracks: dict[str, int], out: Emitter) -> None:
    head = f" vrrp vrid {group.group}"
    out.mark(group, "", "protocol")  # every line names the group: `vrrp vrid N ...`
    for address in group.virtual_ip:
        out.emit(f"{head} virtual-ip {address}", group, item_key("virtual_ip", address))
    if group.priority is not None:
        out.emit(f"{head} priority {group.priority}", group, "priority")
    if group.preempt is False:
        out.emit(f" undo vrrp vrid {group.group} preempt-mode", group, "preempt")
    elif group.preempt_delay is not None:
        out.emit(
            f"{head} preempt-mode delay {group.preempt_delay * 100}",
            group,
            "preempt",
            "preempt_delay",
        )
    elif group.preempt:
        out.emit(f"{head} preempt-mode", group, "preempt")
    if group.hello is not None:
        out.emit(f"{head} timer advertise {group.hello * 100}", group, "hello")
    if group.auth is not None:
        mode = "md5" if group.auth_md5 else "simple"
        out.emit(
            f"{head} authentication-mode {mode} plain {secret_token(group.auth)}",
            group,
            "auth",
            "auth_md5",
        )
    for name, decrement in group.track:
        text = f"{head} track {tracks[name]} priority reduced {decrement}"
        out.emit(text, group, item_key("track", name))
