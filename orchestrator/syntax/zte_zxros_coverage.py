"""What the ZXROS renderer accounts for: the model as it stood when the renderer was written.

The model grows while platforms are written. A field this table does not name is one the
renderer has no rule for, so `account_unknown` reports it unsupported (with its source lines)
instead of letting it vanish from the translation or break the round trip.
"""

from __future__ import annotations

from dataclasses import MISSING, fields, is_dataclass

from orchestrator.model import Node
from orchestrator.syntax.base import Emitter


def _f(names: str) -> frozenset[str]:
    return frozenset(names.split())


#: class name → the fields the ZXROS renderer writes or declares itself
#: fields added to the model later that the renderer now writes as well
ADDED: dict[str, frozenset[str]] = {
    "Interface": _f("ip_mtu ipv6_redirects ipv6_unreachables tunnel_protection"),
    "PolicyClass": _f("police"),
    "Logging": _f("facility"),
    "Aaa": _f("group_protocols"),
    "DeviceConfig": _f("security"),  # walked: each Security field has its own reason
    "System": _f("summer_time login_block"),
    "SummerTime": _f("zone mode start end offset"),
    "BgpAddressFamily": _f("dampening dampening_params"),
    "Police": _f("cir cir_percent bc be pir conform exceed violate"),
    # IKE/IPsec (zte_zxros_ipsec)
    "Security": _f(
        "ike_policies ike_keepalive keyrings ike_profiles transform_sets ipsec_profiles "
        "ipsec_df_bit ipsec_replay_window"
    ),
    "IkePolicy": _f("priority encryption hash authentication group lifetime"),
    "Keyring": _f("name vrf local_address pre_shared_keys"),
    "PreSharedKey": _f("address mask key"),
    "IkeIdentity": _f("address mask vrf"),
    "IkeProfile": _f(
        "name vrf keyring identities local_address keepalive proposals local_interface "
        "exchange_mode version dpd_retries"
    ),
    "TransformSet": _f("name transforms mode"),
    "IpsecProfile": _f(
        "name transform_sets pfs lifetime_seconds lifetime_kilobytes ike_profile acl"
    ),
}

HANDLED: dict[str, frozenset[str]] = {
    "Aaa": _f("groups method_lists new_model servers source_interface"),
    "AaaMethodList": _f("methods name service"),
    "AaaServer": _f("address key name port protocol vrf"),
    "Acl": _f("description entries kind name"),
    "AclEntry": _f(
        "action destination destination_port dscp established fragments icmp_type log "
        "precedence protocol remark seq source source_port time_range "
    ),
    "AddrMatch": _f("address wildcard"),
    "Address4": _f("address secondary"),
    "Address6": _f("address kind"),
    "AsPathEntry": _f("action regex"),
    "AsPathList": _f("entries name"),
    "Bgp": _f(
        "address_families always_compare_med asn bestpath_as_path_multipath_relax cluster_id "
        "confederation_id confederation_peers default_ipv4_unicast deterministic_med "
        "fast_external_fallover graceful_restart hold keepalive log_neighbor_changes "
        "neighbors peer_groups router_id vrfs "
    ),
    "BgpAddressFamily": _f(
        "afi aggregates auto_summary default_information_originate distance maximum_paths "
        "maximum_paths_ibgp networks peers redistribute safi synchronization vrf "
    ),
    "BgpAfPeer": _f(
        "activate allowas_in as_override default_originate default_originate_route_map "
        "filter_list_in filter_list_out maximum_prefix maximum_prefix_warning_only "
        "next_hop_self prefix_list_in prefix_list_out remove_private_as route_map_in "
        "route_map_out route_reflector_client send_community soft_reconfiguration "
        "unsuppress_map weight "
    ),
    "BgpAggregate": _f("as_set prefix summary_only"),
    "BgpNeighbor": _f(
        "address bfd description ebgp_multihop fall_over_bfd hold keepalive local_as password "
        "peer_group remote_as shutdown ttl_security update_source "
    ),
    "BgpNetwork": _f("backdoor prefix route_map"),
    "BgpPeer": _f(
        "bfd description ebgp_multihop fall_over_bfd hold keepalive local_as password "
        "peer_group remote_as shutdown ttl_security update_source "
    ),
    "BgpPeerGroup": _f(
        "bfd description ebgp_multihop fall_over_bfd hold keepalive local_as name password "
        "peer_group remote_as shutdown ttl_security update_source "
    ),
    "BgpVrf": _f("name neighbors router_id"),
    "ClassMap": _f("match matches name"),
    "CommunityList": _f("entries kind name"),
    "CommunityListEntry": _f("action communities regex"),
    "DeviceConfig": _f(
        "acls as_path_lists bgp community_lists interfaces ospf prefix_lists route_maps "
        "services static_routes system vlans vrfs "
    ),
    "DhcpPool": _f("default_routers dns_servers domain_name lease name network"),
    "FhrpGroup": _f(
        "auth auth_md5 group hello hold name preempt preempt_delay priority protocol track "
        "version virtual_ip "
    ),
    "Interface": _f(
        "acl_in acl_out bandwidth bfd_interval cdp delay description duplex "
        "encapsulation_vlan fhrp helper_addresses ipv4 ipv4_dhcp ipv4_unnumbered ipv6 "
        "ipv6_acl_in ipv6_acl_out ipv6_enabled keepalive kind lacp_rate lag_group lag_mode "
        "lldp load_interval mac_address mtu name nat ospf proxy_arp redirects routed "
        "service_policy_in service_policy_out shutdown speed storm_control stp_bpdu_guard "
        "stp_cost stp_edge stp_port_priority switchport tunnel_destination tunnel_mode "
        "tunnel_source unreachables vrf "
    ),
    "InterfaceOspf": _f(
        "area auth auth_key auth_key_id bfd cost dead hello network_type passive priority process "
    ),
    "LocalUser": _f("name privilege role secret"),
    "Logging": _f(
        "buffered_level buffered_size console_level enabled hosts source_interface trap_level "
    ),
    "MgmtLine": _f("acl_in exec_timeout first kind last login password privilege transport_input"),
    "NatPool": _f("end name prefix_length start"),
    "NatRule": _f(
        "acl inside_address inside_port interface kind outside_address outside_port overload "
        "pool protocol vrf "
    ),
    "Node": _f(""),
    "Ntp": _f("authenticate keys servers source_interface trusted_keys"),
    "Ospf": _f(
        "active areas bfd_all default_originate default_originate_always "
        "default_originate_metric default_originate_metric_type default_originate_route_map "
        "distance graceful_restart log_adjacency max_metric max_metric_on_startup "
        "maximum_paths passive passive_default process redistribute reference_bandwidth "
        "router_id spf_timers vrf "
    ),
    "OspfArea": _f("area auth default_cost kind networks no_summary nssa_default ranges"),
    "PolicyClass": _f("actions class_name"),
    "PolicyMap": _f("classes name"),
    "PortMatch": _f("op ports"),
    "PrefixList": _f("afi description entries name"),
    "PrefixListEntry": _f("action ge le prefix seq"),
    "Redistribution": _f("metric metric_type process protocol route_map subnets"),
    "RouteMap": _f("entries name"),
    "RouteMapEntry": _f("action continue_to description matches name seq sets"),
    "RouteMapMatch": _f("kind prefixes values"),
    "RouteMapSet": _f("additive kind values"),
    "Secret": _f("kind value"),
    "Server": _f("address facility key_id level port prefer vrf"),
    "Services": _f(
        "class_maps dhcp_enabled dhcp_excluded dhcp_pools nat_pools nat_rules policy_maps "
    ),
    "Snmp": _f("communities contact hosts location source_interface traps_enabled users"),
    "SnmpCommunity": _f("access acl name view"),
    "SnmpHost": _f("address community kind version vrf"),
    "SnmpUser": _f("auth auth_key group name priv priv_key"),
    "StaticRoute": _f(
        "bfd distance interface name next_hop next_hop_vrf permanent prefix tag track vrf "
    ),
    "Switchport": _f("access_vlan mode native_vlan nonegotiate trunk_allowed voice_vlan"),
    "System": _f(
        "aaa banners cdp dns_servers dns_source_interface domain_lookup domain_name "
        "domain_search enable_secret hostname http_server https_server ip_routing "
        "ipv6_routing lines lldp logging ntp snmp ssh_server ssh_timeout ssh_version stp_mode "
        "stp_priority telnet_server timezone users "
    ),
    "Vlan": _f("description id name shutdown"),
    "Vrf": _f("description export_map export_targets import_map import_targets ipv4 ipv6 name rd"),
}


_INSPECT = (
    "stateful inspection (IOS CBAC): no inspection firewall is documented in the ZXROS NG "
    "command reference available to cutover; return traffic must be allowed by ACLs"
)
_FIREWALL = (
    "stateful firewall (security zones, policies, screens): no zone firewall is documented in "
    "the ZXROS NG command reference available to cutover"
)
_OVERLAY = "VXLAN/EVPN: no ZXROS NG spelling is available to cutover; build the overlay by hand"
_OSPFV3 = (
    "OSPFv3: ZXROS runs it in `ipv6 router ospf N` (OSPF reference); its area and interface "
    "statements are not in the sources available to cutover, so it is not translated"
)
_MLAG = "multi-chassis LAG (vPC): no ZXROS NG spelling is available to cutover; not translated"

#: "Class.field" → why ZXROS gets nothing for it (fields not named here get a generic reason)
REASONS: dict[str, str] = {
    "Security.inspect": _INSPECT,
    "Security.inspect_policies": _INSPECT,
    "Interface.inspect_in": _INSPECT,
    "Interface.inspect_out": _INSPECT,
    "Security.ips_rules": "IOS IPS signature rules: ZXROS routers have no IPS engine",
    "DeviceConfig.nve": _OVERLAY,
    "DeviceConfig.evpn_vnis": _OVERLAY,
    "Vlan.vni": _OVERLAY,
    "Vrf.vni": _OVERLAY,
    "Vrf.evpn_import_targets": _OVERLAY,
    "Vrf.evpn_export_targets": _OVERLAY,
    "BgpAddressFamily.advertise_evpn": _OVERLAY,
    "Interface.anycast_gateway": _OVERLAY,
    "DeviceConfig.mlag": _MLAG,
    "Interface.mlag_id": _MLAG,
    "Services.ip_slas": "IP SLA probes: no ZXROS NG spelling is available to cutover",
    "DeviceConfig.ospfv3": _OSPFV3,
    "Interface.ospfv3": _OSPFV3,
    "Interface.ipv6_nd": (
        "IPv6 router advertisement settings: no ZXROS NG spelling is available to cutover"
    ),
    "Interface.tcp_mss": "TCP MSS clamping: no ZXROS NG spelling is available to cutover",
    "Interface.ipv6_tcp_mss": "TCP MSS clamping: no ZXROS NG spelling is available to cutover",
    "System.config_archive": (
        "configuration archive to a server: no ZXROS NG spelling is available to cutover"
    ),
}


def _default(f: object) -> object:
    if f.default is not MISSING:  # type: ignore[attr-defined]
        return f.default  # type: ignore[attr-defined]
    if f.default_factory is not MISSING:  # type: ignore[attr-defined]
        return f.default_factory()  # type: ignore[attr-defined]
    return MISSING


def _nodes(value: object) -> list[Node]:
    if isinstance(value, Node):
        return [value]
    if isinstance(value, dict):
        return [v for v in value.values() if isinstance(v, Node)]
    if isinstance(value, (list, tuple)):
        return [v for v in value if isinstance(v, Node)]
    return []


def _every_line(out: Emitter, node: Node, reason: str) -> None:
    out.unsupported(node, *(node.src.lines or {"": []}), reason=reason)
    for f in fields(node):
        if f.name != "src":
            for child in _nodes(getattr(node, f.name)):
                _every_line(out, child, reason)


def account_unknown(out: Emitter, node: object) -> None:
    """Report every non-default field the renderer has no rule for as unsupported."""
    if not (is_dataclass(node) and isinstance(node, Node)):
        return
    name = type(node).__name__
    known = HANDLED.get(name, frozenset()) | ADDED.get(name, frozenset())
    for f in fields(node):
        if f.name == "src":
            continue
        value = getattr(node, f.name)
        if f.name in known:
            for child in _nodes(value):
                account_unknown(out, child)
            continue
        if value == _default(f) or value in (None, [], {}):
            continue
        key = f"{type(node).__name__}.{f.name}"
        reason = REASONS.get(key) or (
            _FIREWALL if name == "Security" else f"{key} is not translated to ZXROS"
        )
        out.unsupported(node, f.name, reason=reason)
        for child in _nodes(value):
            _every_line(out, child, reason)
