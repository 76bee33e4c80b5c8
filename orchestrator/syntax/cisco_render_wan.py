"""Cisco IOS renderer: interface statements of WAN links (tunnels, PPP, dialers, ATM,
bridging) and of IPv6 (router advertisements, DHCPv6, OSPFv3)."""

from __future__ import annotations

from orchestrator.model import Interface, InterfaceOspf, Ipv6Nd, NdPrefix, item_key
from orchestrator.syntax.cisco_ipv6 import INFINITE
from orchestrator.syntax.cisco_render_common import Writer, secret

_NETWORK_TYPES = {"p2mp": "point-to-multipoint", "nbma": "non-broadcast"}


def render_wan(w: Writer, ifc: Interface) -> None:
    for field, word in (
        ("tunnel_source", "tunnel source"),
        ("tunnel_mode", "tunnel mode"),
        ("tunnel_destination", "tunnel destination"),
    ):
        value = getattr(ifc, field)
        if value is not None:
            w.line(f" {word} {value}", ifc, field)
    if ifc.tunnel_protection is not None:
        w.line(
            f" tunnel protection ipsec profile {ifc.tunnel_protection}", ifc, "tunnel_protection"
        )
    if ifc.ip_mtu is not None:
        w.line(f" ip mtu {ifc.ip_mtu}", ifc, "ip_mtu")
    if ifc.tcp_mss is not None:
        w.line(f" ip tcp adjust-mss {ifc.tcp_mss}", ifc, "tcp_mss")
    for item in ifc.ip_accounting:
        w.line(f" ip accounting {item}", ifc, item_key("ip_accounting", item))
    if ifc.encapsulation is not None:
        w.line(f" encapsulation {ifc.encapsulation}", ifc, "encapsulation")
    for field, word in (
        ("dialer_pool", "dialer pool"),
        ("dialer_group", "dialer-group"),
        ("dialer_idle_timeout", "dialer idle-timeout"),
    ):
        value = getattr(ifc, field)
        if value is not None:
            w.line(f" {word} {value}", ifc, field)
    _ppp(w, ifc)
    _pvc(w, ifc)
    if ifc.carrier_delay_ms is not None:
        w.line(f" carrier-delay msec {ifc.carrier_delay_ms}", ifc, "carrier_delay_ms")
    if ifc.ntp_broadcast_client:
        w.line(" ntp broadcast client", ifc, "ntp_broadcast_client")
    if ifc.bridge_group is not None:
        w.line(f" bridge-group {ifc.bridge_group}", ifc, "bridge_group")
        for option, on in ifc.bridge_group_options.items():
            prefix = " " if on else " no "
            w.line(f"{prefix}bridge-group {ifc.bridge_group} {option}", ifc, "bridge_group_options")
    elif ifc.bridge_group_options:
        w.unsupported(
            ifc, "bridge_group_options", reason="bridge-group options without a bridge group"
        )


def _ppp(w: Writer, ifc: Interface) -> None:
    ppp = ifc.ppp
    if ppp is None:
        return
    w.done(ifc, "ppp")
    if ppp.authentication:
        words = " ".join(ppp.authentication)
        words += " callin" if ppp.auth_callin else ""
        words += " optional" if ppp.auth_optional else ""
        w.line(
            f" ppp authentication {words}", ppp, "authentication", "auth_callin", "auth_optional"
        )
    elif ppp.auth_callin or ppp.auth_optional:
        w.unsupported(
            ppp,
            "auth_callin",
            "auth_optional",
            reason="PPP authentication options without a protocol",
        )
    if ppp.chap_hostname is not None:
        w.line(f" ppp chap hostname {ppp.chap_hostname}", ppp, "chap_hostname")
    if ppp.chap_password is not None:
        w.line(f" ppp chap password 0 {secret(ppp.chap_password)}", ppp, "chap_password")
    if ppp.pap_username is not None and ppp.pap_password is not None:
        w.line(
            f" ppp pap sent-username {ppp.pap_username} password 0 {secret(ppp.pap_password)}",
            ppp,
            "pap_username",
            "pap_password",
        )
    elif ppp.pap_username is not None or ppp.pap_password is not None:
        w.unsupported(
            ppp,
            "pap_username",
            "pap_password",
            reason="IOS sends a PAP user name and password together",
        )


def _pvc(w: Writer, ifc: Interface) -> None:
    pvc = ifc.atm_pvc
    if pvc is None:
        return
    w.done(ifc, "atm_pvc")
    with w.view(f" pvc {pvc.vpi}/{pvc.vci}", pvc, "vpi", "vci"):
        if pvc.vbr_nrt is not None:
            w.line("  vbr-nrt " + " ".join(str(v) for v in pvc.vbr_nrt), pvc, "vbr_nrt")
        if pvc.ubr is not None:
            w.line(f"  ubr {pvc.ubr}", pvc, "ubr")
        if pvc.encapsulation is not None:
            w.line(f"  encapsulation {pvc.encapsulation}", pvc, "encapsulation")
        if pvc.dialer_pool_member is not None:
            w.line(f"  dialer pool-member {pvc.dialer_pool_member}", pvc, "dialer_pool_member")
        if pvc.protocol is not None:
            w.line(f"  protocol {pvc.protocol}", pvc, "protocol")


def render_ipv6(w: Writer, ifc: Interface) -> None:
    if ifc.ipv6_autoconfig:
        w.line(" ipv6 address autoconfig", ifc, "ipv6_autoconfig")
    if ifc.ipv6_dhcp_server is not None:
        w.line(f" ipv6 dhcp server {ifc.ipv6_dhcp_server}", ifc, "ipv6_dhcp_server")
    for field, text in (
        ("ipv6_redirects", "ipv6 redirects"),
        ("ipv6_unreachables", "ipv6 unreachables"),
    ):
        value = getattr(ifc, field)
        if value is not None:
            w.line(f" {text}" if value else f" no {text}", ifc, field)
    if ifc.ipv6_mtu is not None:
        w.line(f" ipv6 mtu {ifc.ipv6_mtu}", ifc, "ipv6_mtu")
    if ifc.ipv6_tcp_mss is not None:
        w.line(f" ipv6 tcp adjust-mss {ifc.ipv6_tcp_mss}", ifc, "ipv6_tcp_mss")
    if ifc.ipv6_nd is not None:
        w.done(ifc, "ipv6_nd")
        _nd(w, ifc.ipv6_nd)
    if ifc.ospfv3 is not None:
        w.done(ifc, "ospfv3")
        _ospfv3(w, ifc.ospfv3)


def _nd(w: Writer, nd: Ipv6Nd) -> None:
    if nd.managed_config:
        w.line(" ipv6 nd managed-config-flag", nd, "managed_config")
    if nd.other_config:
        w.line(" ipv6 nd other-config-flag", nd, "other_config")
    if nd.ra_lifetime is not None:
        w.line(f" ipv6 nd ra lifetime {nd.ra_lifetime}", nd, "ra_lifetime")
    if nd.ra_interval is not None:
        w.line(f" ipv6 nd ra interval {nd.ra_interval}", nd, "ra_interval")
    if nd.ra_suppress is not None:
        text = " ipv6 nd ra suppress" + (" all" if nd.ra_suppress == "all" else "")
        w.line(text, nd, "ra_suppress")
    for prefix in nd.prefixes:
        _nd_prefix(w, prefix)
    w.done(nd, "prefixes")


def _lifetime(value: int) -> str:
    return "infinite" if value == INFINITE else str(value)


def _nd_prefix(w: Writer, prefix: NdPrefix) -> None:
    text = " ipv6 nd prefix " + (prefix.prefix.with_prefixlen if prefix.prefix else "default")
    if prefix.valid is not None and prefix.preferred is not None:
        text += f" {_lifetime(prefix.valid)} {_lifetime(prefix.preferred)}"
    elif prefix.valid is not None or prefix.preferred is not None:
        w.unsupported(
            prefix, "valid", "preferred", reason="IOS sets both prefix lifetimes or neither"
        )
    if not prefix.onlink:
        text += " off-link"
    if not prefix.autoconfig:
        text += " no-autoconfig"
    if not prefix.advertise:
        text += " no-advertise"
    w.item(text, prefix, "prefix", "valid", "preferred", "onlink", "autoconfig", "advertise")


def _ospfv3(w: Writer, ospf: InterfaceOspf) -> None:
    if ospf.area is not None and ospf.process is not None:
        w.line(f" ipv6 ospf {ospf.process} area {ospf.area}", ospf, "process", "area")
    elif ospf.area is not None or ospf.process is not None:
        w.unsupported(
            ospf,
            "process",
            "area",
            reason="IOS assigns an interface to an area of a numbered OSPFv3 process",
        )
    if ospf.network_type is not None:
        kind = _NETWORK_TYPES.get(ospf.network_type, ospf.network_type)
        w.line(f" ospfv3 network {kind}", ospf, "network_type")
    for field, word in (
        ("cost", "cost"),
        ("priority", "priority"),
        ("hello", "hello-interval"),
        ("dead", "dead-interval"),
    ):
        value = getattr(ospf, field)
        if value is not None:
            w.line(f" ospfv3 {word} {value}", ospf, field)
    for field, word in (
        ("demand_circuit", "demand-circuit"),
        ("flood_reduction", "flood-reduction"),
    ):
        if getattr(ospf, field):
            w.line(f" ospfv3 {word}", ospf, field)
    if ospf.ipsec_spi is not None and ospf.ipsec_key is not None and ospf.ipsec_auth:
        if ospf.ipsec_encryption == "null":
            head = f" ospfv3 encryption ipsec spi {ospf.ipsec_spi} esp null"
        else:
            head = f" ospfv3 authentication ipsec spi {ospf.ipsec_spi}"
        w.line(
            f"{head} {ospf.ipsec_auth} 0 {secret(ospf.ipsec_key)}",
            ospf,
            "ipsec_spi",
            "ipsec_encryption",
            "ipsec_auth",
            "ipsec_key",
        )
        if ospf.ipsec_encryption not in (None, "null"):
            w.unsupported(
                ospf,
                "ipsec_encryption",
                reason="OSPFv3 ESP encryption other than null is not translated",
            )
    for field in ("auth", "auth_key_id", "auth_key", "passive", "bfd"):
        if getattr(ospf, field) is not None:
            w.unsupported(
                ospf,
                field,
                reason="OSPFv3 on IOS authenticates with IPsec; this setting has no OSPFv3 form",
            )
