"""H3C Comware 7: VXLAN/EVPN overlays and DRNI (M-LAG), translated from NX-OS and Junos.

Expected texts were reviewed by hand against H3C's EVPN, VXLAN and DRNI configuration guides.
"""

from __future__ import annotations

from orchestrator.syntax.hp_comware import PLATFORM as COMWARE
from orchestrator.translate import Translation, translate_text

NXOS_LEAF = """\
hostname leaf1
feature nv overlay
vlan 10
  vn-segment 10010
vlan 333
  vn-segment 100333
vrf context T1
  vni 100333
  rd 10.0.0.1:333
  address-family ipv4 unicast
    route-target both auto evpn
interface Vlan10
  no shutdown
  vrf member T1
  ip address 192.168.10.1/24
interface Vlan333
  no shutdown
  vrf member T1
interface nve1
  no shutdown
  host-reachability protocol bgp
  source-interface loopback0
  member vni 10010
    suppress-arp
    ingress-replication protocol bgp
  member vni 100333 associate-vrf
interface loopback0
  ip address 10.0.0.1/32
router bgp 65000
  neighbor 10.0.0.9
    remote-as 65000
    address-family l2vpn evpn
      send-community extended
  vrf T1
    address-family ipv4 unicast
      advertise l2vpn evpn
evpn
  vni 10010 l2
    rd auto
    route-target import 65000:10010
    route-target export 65000:10010
"""


def _block(result: Translation, opener: str) -> list[str]:
    lines = result.target_config.splitlines()
    start = lines.index(opener)
    end = next(i for i in range(start + 1, len(lines)) if lines[i].strip() == "#")
    return lines[start:end]


def _by_text(result: Translation) -> dict[str, tuple[str, list[str], str | None]]:
    return {line.text.strip(): (line.status, line.target, line.reason) for line in result.lines}


def test_nxos_leaf_becomes_vsis_with_evpn() -> None:
    result = translate_text(NXOS_LEAF, "hp_comware", source="cisco_nxos")
    assert result.roundtrip.ok, result.roundtrip.differences
    assert _block(result, " l2vpn enable") == [
        " l2vpn enable",
        " vxlan vlan-based",
        " tunnel global source-address 10.0.0.1",
    ]
    assert _block(result, "vsi vni10010") == [
        "vsi vni10010",
        " gateway vsi-interface 10",
        " vxlan 10010",
        " evpn encapsulation vxlan",
        "  route-distinguisher auto",
        "  vpn-target 65000:10010 import-extcommunity",
        "  vpn-target 65000:10010 export-extcommunity",
        " arp suppression enable",
    ]
    lines = result.target_config.splitlines()
    # the VLAN is mapped to the VXLAN after the VSI exists
    assert lines.index("vsi vni10010") < lines.index(" vxlan vni 10010")
    # the SVI of a VXLAN-mapped VLAN routes as the VSI's gateway interface
    assert _block(result, "interface Vsi-interface10") == [
        "interface Vsi-interface10",
        " ip binding vpn-instance T1",
        " ip address 192.168.10.1 255.255.255.0",
        " distributed-gateway local",
        " undo shutdown",
    ]
    # the layer-3 VNI lives on its own VSI interface; its VLAN carries no VNI on Comware
    assert _block(result, "interface Vsi-interface333") == [
        "interface Vsi-interface333",
        " ip binding vpn-instance T1",
        " l3-vni 100333",
        " undo shutdown",
    ]
    assert " vxlan vni 100333" not in lines
    assert _block(result, "ip vpn-instance T1") == [
        "ip vpn-instance T1",
        " route-distinguisher 10.0.0.1:333",
        " address-family evpn",
        "  vpn-target 65000:100333 import-extcommunity",
        "  vpn-target 65000:100333 export-extcommunity",
    ]
    assert "   advertise l2vpn evpn" in lines
    lines_of = _by_text(result)
    status, _, reason = lines_of["route-target both auto evpn"]
    assert status == "translated-with-change" and "65000:100333" in (reason or "")
    assert lines_of["vn-segment 100333"][1] == ["l3-vni 100333"]
    assert lines_of["ingress-replication protocol bgp"][1] == ["evpn encapsulation vxlan"]
    assert lines_of["source-interface loopback0"][1] == ["tunnel global source-address 10.0.0.1"]
    assert result.coverage() == 1.0


def test_flood_and_learn_vxlan_is_unsupported() -> None:
    text = NXOS_LEAF.replace("  host-reachability protocol bgp\n", "")
    result = translate_text(text, "hp_comware", source="cisco_nxos")
    assert result.roundtrip.ok, result.roundtrip.differences
    lines_of = _by_text(result)
    assert lines_of["member vni 10010"][0] == "unsupported"
    assert lines_of["vn-segment 10010"][0] == "unsupported"
    assert "vsi vni10010" not in result.target_config


def test_comware_overlay_reads_back() -> None:
    parsed = COMWARE.parse(
        """\
#
 l2vpn enable
 tunnel global source-address 10.0.0.1
#
vlan 20
 vxlan vni 5020
#
interface LoopBack0
 ip address 10.0.0.1 255.255.255.255
#
interface Vsi-interface7
 ip binding vpn-instance T2
 l3-vni 7000
#
ip vpn-instance T2
 route-distinguisher 1:7
 address-family evpn
  vpn-target 1:7000
#
vsi blue
 gateway vsi-interface 9
 vxlan 5020
 evpn encapsulation vxlan
  route-distinguisher auto
  vpn-target auto
"""
    )
    config = parsed.config
    nve = config.nve["nve1"]
    assert nve.shutdown is False and nve.bgp_evpn and nve.source_interface == "LoopBack0"
    assert sorted(nve.vnis) == [5020, 7000] and nve.vnis[7000].l3
    assert nve.vnis[5020].replication == "bgp"
    assert config.vlans[20].vni == 5020
    evi = config.evpn_vnis[5020]
    assert (evi.rd, evi.import_targets, evi.export_targets) == ("auto", ["auto"], ["auto"])
    vrf = config.vrfs["T2"]
    assert vrf.vni == 7000
    assert vrf.evpn_import_targets == vrf.evpn_export_targets == ["1:7000"]
    # the model routes a VSI through the interface numbered like its VLAN: 9 is not
    outcomes = {e.text.strip(): e.outcome for e in parsed.report.lines.values()}
    assert outcomes["gateway vsi-interface 9"] == "unsupported"


NXOS_VPC = """\
hostname agg1
vrf context KA
vpc domain 40
  role priority 100
  system-priority 2000
  system-mac 00:23:04:ee:be:28
  peer-keepalive destination 10.9.9.2 source 10.9.9.1 vrf KA
  delay restore 60
  peer-gateway
  ip arp synchronize
interface port-channel1
  switchport
  switchport mode trunk
  vpc peer-link
interface port-channel10
  switchport
  switchport mode trunk
  vpc 10
"""


def test_vpc_becomes_a_drni_system() -> None:
    result = translate_text(NXOS_VPC, "hp_comware", source="cisco_nxos")
    assert result.roundtrip.ok, result.roundtrip.differences
    assert _block(result, " drni system-mac 0023-04ee-be28") == [
        " drni system-mac 0023-04ee-be28",
        " drni system-number 1",
        " drni system-priority 2000",
        " drni role priority 100",
        " drni keepalive ip destination 10.9.9.2 source 10.9.9.1 vpn-instance KA",
        " drni restore-delay 60",
    ]
    assert " port drni intra-portal-port 1" in _block(result, "interface Bridge-Aggregation1")
    assert " port drni group 10" in _block(result, "interface Bridge-Aggregation10")
    lines_of = _by_text(result)
    status, _, reason = lines_of["vpc domain 40"]
    assert status == "translated-with-change" and "drni system-number 2" in (reason or "")
    assert lines_of["peer-gateway"][0] == "unsupported"
    assert lines_of["ip arp synchronize"][0] == "ignored"


def test_drni_reads_back() -> None:
    parsed = COMWARE.parse(
        """\
#
 drni system-mac 0001-0001-0001
 drni system-number 2
 drni keepalive ip destination 10.1.1.1 source 10.1.1.2
 drni auto-recovery reload-delay 240
#
interface Bridge-Aggregation1
 port drni intra-portal-port 1
#
interface Bridge-Aggregation5
 port drni group 5
"""
    )
    domain = parsed.config.mlag
    assert domain is not None
    assert (domain.domain, domain.system_mac) == (2, "0001.0001.0001")
    assert (domain.keepalive_destination, domain.keepalive_source) == ("10.1.1.1", "10.1.1.2")
    assert domain.auto_recovery is True and domain.peer_link == "Bridge-Aggregation1"
    assert parsed.config.interfaces["Bridge-Aggregation5"].mlag_id == 5
