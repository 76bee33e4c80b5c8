"""Render a VXLAN/EVPN overlay in Comware 7 syntax (see `hp_comware_prepare_overlay` for how
the model maps onto Comware).

The text is ordered for loading line by line: `l2vpn enable` first; the VSIs after the
interfaces (a VSI names its gateway VSI interface); the VLAN-to-VXLAN mappings after the VSIs
(a VLAN maps only to a VXLAN that exists).
"""

from __future__ import annotations

from orchestrator.model import DeviceConfig, EvpnVni, Interface, Nve, NveVni, item_key
from orchestrator.syntax.base import Emitter
from orchestrator.syntax.hp_comware_prepare_overlay import VSI_INTERFACE


def endpoint(config: DeviceConfig, out: Emitter | None = None) -> Nve | None:
    """The box's one tunnel endpoint; others are reported (Comware has one VTEP)."""
    endpoints = sorted(config.nve.values(), key=lambda n: n.name)
    if out is not None:
        for extra in endpoints[1:]:
            out.unsupported(
                extra, reason="Comware has one VXLAN tunnel endpoint per box: a second one"
            )
    return endpoints[0] if endpoints else None


def layer2_vnis(config: DeviceConfig) -> dict[int, NveVni]:
    """The VNIs written as VSIs."""
    nve = endpoint(config)
    if nve is None or not nve.bgp_evpn:
        return {}
    return {vni: m for vni, m in sorted(nve.vnis.items()) if not m.l3}


def l3vni_interfaces(config: DeviceConfig) -> dict[str, Interface]:
    """VRF name → the VSI interface that carries its layer-3 VNI (`l3-vni`).

    That is the lowest-numbered VSI interface bound to the VRF that is no VSI's gateway.
    """
    nve = endpoint(config)
    if nve is None or not nve.bgp_evpn:
        return {}
    gateways = _gateways(config)
    found: dict[str, Interface] = {}
    candidates = sorted(
        (
            ifc
            for ifc in config.interfaces.values()
            if ifc.name.startswith(VSI_INTERFACE) and ifc.name not in gateways.values()
        ),
        key=lambda i: int(i.name[len(VSI_INTERFACE) :] or 0),
    )
    for ifc in candidates:
        vrf = config.vrfs.get(ifc.vrf or "")
        member = nve.vnis.get(vrf.vni) if vrf is not None and vrf.vni is not None else None
        if vrf is not None and member is not None and member.l3 and vrf.name not in found:
            found[vrf.name] = ifc
    return found


def _gateways(config: DeviceConfig) -> dict[int, str]:
    """VNI → the VSI interface routing it (the one numbered like the VLAN bridged into it)."""
    out: dict[int, str] = {}
    for vlan in sorted(config.vlans.values(), key=lambda v: v.id):
        name = f"{VSI_INTERFACE}{vlan.id}"
        if vlan.vni is not None and name in config.interfaces and vlan.vni not in out:
            out[vlan.vni] = name
    return out


def render_overlay_globals(config: DeviceConfig, out: Emitter) -> None:
    nve = endpoint(config, out)
    if nve is None:
        return
    out.plain("#")
    if nve.shutdown:
        out.unsupported(nve, "shutdown", reason="Comware has no switch for a shut tunnel endpoint")
        out.emit(" l2vpn enable", nve)
    else:
        out.emit(" l2vpn enable", nve, "", "shutdown")
    if any(vlan.vni in layer2_vnis(config) for vlan in config.vlans.values()):
        out.emit(" vxlan vlan-based", nve)
    if nve.source_interface is not None:
        address = _address(config, nve.source_interface)
        if address is None:
            out.unsupported(
                nve,
                "source_interface",
                reason=f"{nve.source_interface} has no IPv4 address to start VXLAN tunnels from",
            )
        else:
            out.emit(f" tunnel global source-address {address}", nve, "source_interface")
    if not nve.bgp_evpn:
        for member in nve.vnis.values():
            out.unsupported(
                member, reason="VXLAN without BGP EVPN (flood and learn) is not translated"
            )
    elif not nve.vnis:
        out.ignore(nve, "bgp_evpn", rule="no VNI is carried: the control plane has nothing to do")


def _address(config: DeviceConfig, name: str) -> str | None:
    ifc = config.interfaces.get(name)
    primary = [a for a in ifc.ipv4 if not a.secondary] if ifc is not None else []
    return str(primary[0].address.ip) if primary else None


def render_vsis(config: DeviceConfig, out: Emitter) -> None:
    """One VSI per layer-2 VNI, then the VLANs bridged into them."""
    gateways = _gateways(config)
    vnis = layer2_vnis(config)
    for vni, member in vnis.items():
        out.plain("#")
        with out.view(f"vsi vni{vni}", member):
            if vni in gateways:
                out.emit(f" gateway vsi-interface {gateways[vni][len(VSI_INTERFACE) :]}")
                out.also(config.interfaces[gateways[vni]])
            out.emit(f" vxlan {vni}", member)
            evi = config.evpn_vnis.get(vni)
            if evi is not None:
                _evpn_instance(config, evi, member, out)
            elif member.replication is not None:
                out.unsupported(member, "replication", reason=f"VNI {vni} has no EVPN instance")
            if member.suppress_arp:
                out.emit(" arp suppression enable", member, "suppress_arp")
    for evi in config.evpn_vnis.values():
        if evi.vni not in vnis:
            out.unsupported(evi, reason=f"VNI {evi.vni} is not carried by the tunnel endpoint")
    for vid, vlan in sorted(config.vlans.items()):
        if vlan.vni in vnis:
            out.plain("#")
            with out.view(f"vlan {vid}"):
                out.emit(f" vxlan vni {vlan.vni}", vlan, "vni")


def _evpn_instance(config: DeviceConfig, evi: EvpnVni, member: NveVni, out: Emitter) -> None:
    with out.view(" evpn encapsulation vxlan", evi):
        out.also(member, "replication")
        nve = endpoint(config)
        if nve is not None:
            out.also(nve, "bgp_evpn")
        if evi.rd is not None:
            out.emit(f"  route-distinguisher {evi.rd}", evi, "rd")
        for target in evi.import_targets:
            out.emit(
                f"  vpn-target {target} import-extcommunity",
                evi,
                item_key("import_targets", target),
            )
        for target in evi.export_targets:
            out.emit(
                f"  vpn-target {target} export-extcommunity",
                evi,
                item_key("export_targets", target),
            )
    if member.replication != "bgp":
        out.unsupported(
            member, "replication", reason="Comware EVPN floods to the VTEPs BGP announces"
        )


def overlay_interface_lines(config: DeviceConfig, ifc: Interface, out: Emitter) -> None:
    """`l3-vni` on the VSI interface of a VRF's layer-3 VNI; `distributed-gateway local` on
    a VSI gateway of a VRF that routes across the fabric (symmetric IRB)."""
    if not ifc.name.startswith(VSI_INTERFACE) or ifc.vrf is None:
        return
    vrf = config.vrfs.get(ifc.vrf)
    if vrf is None or vrf.vni is None:
        return
    if l3vni_interfaces(config).get(vrf.name) is ifc:
        out.emit(f" l3-vni {vrf.vni}", vrf, "vni")
        nve = endpoint(config)
        if nve is not None and vrf.vni in nve.vnis:
            out.also(nve.vnis[vrf.vni], "", "l3")
    elif ifc.name in _gateways(config).values():
        out.emit(" distributed-gateway local", ifc)


def vrf_evpn_lines(config: DeviceConfig, name: str, out: Emitter) -> None:
    """`address-family evpn` of a VPN instance: the route targets of its EVPN routes."""
    vrf = config.vrfs[name]
    if not (vrf.evpn_import_targets or vrf.evpn_export_targets):
        return
    with out.view(" address-family evpn", vrf, "evpn_import_targets", "evpn_export_targets"):
        for target in vrf.evpn_import_targets:
            out.emit(
                f"  vpn-target {target} import-extcommunity",
                vrf,
                item_key("evpn_import_targets", target),
            )
        for target in vrf.evpn_export_targets:
            out.emit(
                f"  vpn-target {target} export-extcommunity",
                vrf,
                item_key("evpn_export_targets", target),
            )
