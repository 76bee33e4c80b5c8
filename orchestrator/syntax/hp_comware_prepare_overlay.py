"""Shape a VXLAN/EVPN overlay for Comware 7 (in place, with notes).

Comware has no tunnel-endpoint interface: `l2vpn enable` turns VXLAN on, automatic EVPN tunnels
start at `tunnel global source-address`, each layer-2 VNI is a VSI (`vsi` / `vxlan N` /
`evpn encapsulation vxlan`), a VLAN is bridged into it by `vxlan vni N` in the VLAN view, and a
VRF's layer-3 VNI is `l3-vni N` on a VSI interface bound to the VRF. The model is shaped so the
Comware parser gives back exactly what the renderer writes:

- one tunnel endpoint, called `nve1`, switched on;
- a VLAN bridged into VXLAN routes through `Vsi-interface<vlan>` (a VLAN interface of a VLAN
  mapped to a VXLAN does not forward on Comware), the VSI's `gateway vsi-interface`;
- a VRF's layer-3 VNI lives on a VSI interface of its own; NX-OS's VLAN and SVI for it become
  that interface, and the VLAN loses the VNI (no VLAN carries a layer-3 VNI on Comware);
- every layer-2 VNI is flooded by EVPN (head-end replication to the VTEPs BGP announces)
  exactly when it has an EVPN instance;
- automatic EVPN route targets of a VRF (AS number : layer-3 VNI) are written out.
"""

from __future__ import annotations

from orchestrator.model import DeviceConfig, Interface, Nve
from orchestrator.model.walk import rename_interfaces
from orchestrator.syntax.base import Emitter

NVE_NAME = "nve1"
VSI_INTERFACE = "Vsi-interface"


def overlay(config: DeviceConfig, out: Emitter) -> None:
    """Shape the overlay of ``config`` for Comware; notes go to ``out``."""
    nve = _one_endpoint(config, out)
    if nve is None:
        return
    if nve.shutdown is None:
        nve.shutdown = False  # `l2vpn enable` is written; the endpoint is on unless shut
    if not nve.bgp_evpn:
        _no_control_plane(config, nve, out)
        return
    _layer2(config, nve, out)
    _layer3(config, nve, out)
    _gateways(config)
    _auto_targets(config, out)


def _one_endpoint(config: DeviceConfig, out: Emitter) -> Nve | None:
    """The box's one VTEP (Comware has one), or None; orphan VNIs are reported."""
    endpoints = sorted(config.nve.values(), key=lambda n: n.name)
    for extra in endpoints[1:]:
        out.unsupported(extra, reason="Comware has one VXLAN tunnel endpoint per box: a second one")
    if not endpoints:
        reason = "no VXLAN tunnel endpoint carries this VNI"
        for vlan in config.vlans.values():
            if vlan.vni is not None:
                out.unsupported(vlan, "vni", reason=reason)
                vlan.vni = None
        for vrf in config.vrfs.values():
            if vrf.vni is not None:
                out.unsupported(vrf, "vni", reason=reason)
                vrf.vni = None
        for evi in config.evpn_vnis.values():
            out.unsupported(evi, reason=reason)
        config.evpn_vnis = {}
        return None
    nve = endpoints[0]
    nve.name = NVE_NAME
    config.nve = {NVE_NAME: nve}
    return nve


def _no_control_plane(config: DeviceConfig, nve: Nve, out: Emitter) -> None:
    reason = (
        "VXLAN without BGP EVPN (flood and learn) needs a manual VXLAN tunnel to each remote "
        "VTEP on Comware: not translated"
    )
    for member in nve.vnis.values():
        out.unsupported(member, reason=reason)
    nve.vnis = {}
    for vlan in config.vlans.values():
        if vlan.vni is not None:
            out.unsupported(vlan, "vni", reason=reason)
            vlan.vni = None
    for vrf in config.vrfs.values():
        if vrf.vni is not None:
            out.unsupported(vrf, "vni", reason=reason)
            vrf.vni = None
    for evi in config.evpn_vnis.values():
        out.unsupported(evi, reason=reason)
    config.evpn_vnis = {}


def _layer2(config: DeviceConfig, nve: Nve, out: Emitter) -> None:
    l3 = {vrf.vni for vrf in config.vrfs.values() if vrf.vni is not None}
    for vni, evi in list(config.evpn_vnis.items()):
        member = nve.vnis.get(vni)
        if member is None or member.l3:
            out.unsupported(evi, reason=f"VNI {vni} is not carried by the tunnel endpoint")
            del config.evpn_vnis[vni]
    for member in nve.vnis.values():
        if member.l3:
            continue
        if member.vni in config.evpn_vnis:
            if member.replication != "bgp":
                for name in ("peers", "mcast_group"):
                    if getattr(member, name):
                        out.unsupported(
                            member,
                            name,
                            reason="Comware EVPN floods to the VTEPs BGP EVPN announces; "
                            "a static peer list or an underlay group is not used",
                        )
                member.peers, member.mcast_group = [], None
                if member.replication is None:
                    out.change(
                        member,
                        "",
                        note="Comware EVPN floods broadcast and unknown traffic head-end "
                        "to the VTEPs that BGP EVPN announces",
                    )
                else:
                    out.change(member, "replication", note="head-end replication by EVPN")
                member.replication = "bgp"
        elif member.replication is not None:
            out.unsupported(
                member,
                "replication",
                "peers",
                "mcast_group",
                reason=f"VNI {member.vni} has no EVPN instance to announce it to other VTEPs",
            )
            member.replication, member.peers, member.mcast_group = None, [], None
    for vlan in config.vlans.values():
        if vlan.vni is None or vlan.vni in l3:
            continue
        member = nve.vnis.get(vlan.vni)
        if member is None or member.l3:
            out.unsupported(
                vlan, "vni", reason=f"VNI {vlan.vni} is not carried by the tunnel endpoint"
            )
            vlan.vni = None


def _layer3(config: DeviceConfig, nve: Nve, out: Emitter) -> None:
    """Each VRF's layer-3 VNI on a VSI interface bound to the VRF."""
    for vni, member in list(nve.vnis.items()):
        if member.l3 and not any(vrf.vni == vni for vrf in config.vrfs.values()):
            out.unsupported(member, reason=f"no VRF routes through layer-3 VNI {vni}")
            del nve.vnis[vni]
    used = {_vsi_number(name) for name in config.interfaces} - {None}
    for vrf in config.vrfs.values():
        if vrf.vni is None:
            continue
        carrier = nve.vnis.get(vrf.vni)
        if carrier is None or not carrier.l3:
            out.unsupported(
                vrf, "vni", reason=f"layer-3 VNI {vrf.vni} is not carried by the endpoint"
            )
            vrf.vni = None
            continue
        vlans = [vlan for vlan in config.vlans.values() if vlan.vni == vrf.vni]
        for vlan in vlans:
            for n in vlan.src.get("vni"):
                vrf.at(n, "vni")  # NX-OS's VLAN for the VNI becomes part of `l3-vni`
            vlan.vni = None
        svi = next(
            (
                config.interfaces[f"Vlan-interface{vlan.id}"]
                for vlan in vlans
                if f"Vlan-interface{vlan.id}" in config.interfaces
            ),
            None,
        )
        if svi is not None and svi.vrf == vrf.name:
            _rename(config, svi.name, f"{VSI_INTERFACE}{vlans[0].id}")
            continue
        number = next(n for n in range(1, 8192) if n not in used and n not in config.vlans)
        used.add(number)
        ifc = Interface(name=f"{VSI_INTERFACE}{number}", kind="svi", vrf=vrf.name)
        for n in vrf.src.get("vni"):
            ifc.at(n)
            ifc.at(n, "vrf")
        config.interfaces[ifc.name] = ifc


def _gateways(config: DeviceConfig) -> None:
    """The VLAN interface of a VLAN bridged into VXLAN becomes the VSI's gateway interface."""
    for vlan in config.vlans.values():
        name = f"Vlan-interface{vlan.id}"
        if vlan.vni is not None and name in config.interfaces:
            _rename(config, name, f"{VSI_INTERFACE}{vlan.id}")


def _rename(config: DeviceConfig, old: str, new: str) -> None:
    ifc = config.interfaces.pop(old)
    ifc.name = new
    config.interfaces[new] = ifc
    rename_interfaces(config, lambda name: new if name == old else name)
    for other in config.interfaces.values():
        for group in other.fhrp:
            group.track = [(new if i == old else i, d) for i, d in group.track]


def _vsi_number(name: str) -> int | None:
    rest = name[len(VSI_INTERFACE) :] if name.startswith(VSI_INTERFACE) else ""
    return int(rest) if rest.isdigit() else None


def _auto_targets(config: DeviceConfig, out: Emitter) -> None:
    """`auto` EVPN route targets of a VRF are AS number : layer-3 VNI (NX-OS's rule)."""
    asn = config.bgp.asn if config.bgp is not None else None
    for vrf in config.vrfs.values():
        for name in ("evpn_import_targets", "evpn_export_targets"):
            targets: list[str] = getattr(vrf, name)
            if "auto" not in targets:
                continue
            if asn is None or not asn.isdigit() or int(asn) > 65535 or vrf.vni is None:
                out.unsupported(
                    vrf,
                    name,
                    reason="an automatic route target needs a 2-byte AS number and a "
                    "layer-3 VNI to be written out",
                )
                setattr(vrf, name, [t for t in targets if t != "auto"])
                continue
            value = f"{asn}:{vrf.vni}"
            setattr(vrf, name, list(dict.fromkeys(value if t == "auto" else t for t in targets)))
            out.change(
                vrf, name, note=f"the automatic route target (AS : VNI) is written out: {value}"
            )


__all__ = ["NVE_NAME", "VSI_INTERFACE", "overlay"]
