"""The ONE shared driver suite: every driver in `orchestrator.devices.DRIVERS`, against its
emulator over real SSH, with the real Netmiko classes underneath.

One lab per case file (`tests/driver_cases/<platform>.yaml`, format in the README beside
them); the box under test goes back to its startup config before every test. What a driver
cannot do it must say (`capabilities`), and everything it says it can do is exercised here.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from ipaddress import IPv4Interface
from pathlib import Path
from typing import get_args

import pytest
from drivercase import (
    ARP,
    BGP_AF,
    BGP_PEER,
    BGP_VRF,
    FACTS,
    INTERFACE,
    LLDP,
    LLDP_DETAIL,
    MAC,
    OSPF,
    Case,
    case_files,
    config_lines,
    load_case,
    reset_box,
    shape_errors,
)
from labkit import CREDENTIALS, running_lab

from orchestrator.devices import DRIVERS, get_driver
from orchestrator.devices.base import Capability, CutoverDriver
from orchestrator.errors import HostKeyError, UnsupportedOperation
from orchestrator.lab.lab import Lab

CASE_FILES = case_files()


def test_every_registered_driver_has_a_case_and_every_case_a_driver() -> None:
    cases = {path.stem for path in CASE_FILES}
    assert sorted(set(DRIVERS) - cases) == [], "drivers without tests/driver_cases/<platform>.yaml"
    assert sorted(cases - set(DRIVERS)) == [], "case files for platforms with no driver"
    for path in CASE_FILES:
        load_case(path)  # CaseError names the file and key


# -- fixtures: one lab per case, a fresh driver per test -----------------------------------------
@pytest.fixture(scope="module", params=CASE_FILES, ids=[p.stem for p in CASE_FILES])
def case(request: pytest.FixtureRequest) -> Case:
    path: Path = request.param
    return load_case(path)


#: the boxes' timers run this many times faster than real time (a 60 s revert timer: 5 s)
TIME_SCALE = 12.0


@pytest.fixture(scope="module")
def lab(case: Case) -> Iterator[Lab]:
    with running_lab(case.devices, case.cables, time_scale=TIME_SCALE) as running:
        yield running


def make_driver(case: Case, lab: Lab, **options: object) -> CutoverDriver:
    cls = get_driver(case.platform)  # a CutoverDriver, or a NAPALM driver keeping its contract
    args: dict[str, object] = {"port": lab.devices[case.dut].port, "known_hosts": lab.known_hosts}
    args.update(options)
    made: CutoverDriver = cls("127.0.0.1", CREDENTIALS.username, CREDENTIALS.password, 30, args)
    return made


@pytest.fixture
def driver(case: Case, lab: Lab) -> Iterator[CutoverDriver]:
    reset_box(lab, case.dut, case.startup)
    device = make_driver(case, lab)
    device.open()
    try:
        yield device
    finally:
        device.close()


def running(lab: Lab, case: Case) -> str:
    return lab.devices[case.dut].running_text


# -- connection --------------------------------------------------------------------------------
def test_identity_and_declared_capabilities(case: Case, driver: CutoverDriver) -> None:
    assert driver.platform == case.platform
    assert driver.netmiko_device_type and driver.ntc_platform
    assert driver.capabilities <= frozenset(get_args(Capability))
    assert driver.is_alive() == {"is_alive": True}


def test_unknown_and_changed_host_keys_are_refused(case: Case, lab: Lab) -> None:
    empty = lab.state_dir / "suite_empty_known_hosts"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(HostKeyError, match="not in"):
        make_driver(case, lab, known_hosts=empty).open()
    line = next(
        entry
        for entry in lab.known_hosts.read_text(encoding="utf-8").splitlines()
        if entry.startswith(f"[127.0.0.1]:{lab.devices[case.dut].port} ")
    )
    other = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBmY6/JqXWZlW9U3YhS6nEw6T4l/0S8qv0kVvSxzUn0j"
    forged = lab.state_dir / "suite_forged_known_hosts"
    forged.write_text(f"{line.split(' ', 1)[0]} {other}\n", encoding="utf-8")
    with pytest.raises(HostKeyError, match="differs"):
        make_driver(case, lab, known_hosts=forged).open()


# -- getters -----------------------------------------------------------------------------------
def test_get_facts(case: Case, lab: Lab, driver: CutoverDriver) -> None:
    facts = driver.get_facts()
    assert shape_errors(facts, FACTS, "get_facts") == []
    assert facts["hostname"] == case.facts.get("hostname", lab.devices[case.dut].hostname)
    for key, value in case.facts.items():
        assert facts[key] == value, key
    assert set(case.interfaces) <= set(facts["interface_list"])


def test_get_interfaces(case: Case, driver: CutoverDriver) -> None:
    interfaces = driver.get_interfaces()
    for name, value in interfaces.items():
        assert shape_errors(value, INTERFACE, f"get_interfaces[{name!r}]") == []
    for name, expected in case.interfaces.items():
        assert name in interfaces, f"{name} missing from {sorted(interfaces)}"
        for key, value in expected.items():
            assert interfaces[name][key] == value, f"{name} {key}"


def test_get_interfaces_ip(case: Case, driver: CutoverDriver) -> None:
    found = driver.get_interfaces_ip()
    for name, families in found.items():
        for family, addresses in families.items():
            assert family in {"ipv4", "ipv6"}, name
            for address, info in addresses.items():
                assert isinstance(info["prefix_length"], int), (name, address)
    for name, expected in case.interfaces_ip.items():
        assert name in found, f"{name} missing from {sorted(found)}"
        have = {f"{a}/{i['prefix_length']}" for a, i in found[name].get("ipv4", {}).items()}
        want = {str(IPv4Interface(a)) for a in expected}
        assert want <= have, name


def test_get_lldp_neighbors_and_detail(case: Case, driver: CutoverDriver) -> None:
    brief = driver.get_lldp_neighbors()
    detail = driver.get_lldp_neighbors_detail()
    for port, neighbors in brief.items():
        for n in neighbors:
            assert shape_errors(n, LLDP, f"get_lldp_neighbors[{port!r}]") == []
    for port, neighbors in detail.items():
        for n in neighbors:
            assert shape_errors(n, LLDP_DETAIL, f"get_lldp_neighbors_detail[{port!r}]") == []
    for port, expected in case.lldp.items():
        assert {"hostname": expected["hostname"], "port": expected["port"]} in brief.get(port, [])
        names = {(n["remote_system_name"], n["remote_port"]) for n in detail.get(port, [])}
        assert (expected["hostname"], expected["port"]) in names, port


def test_get_bgp_neighbors(case: Case, driver: CutoverDriver) -> None:
    bgp = driver.get_bgp_neighbors()
    for vrf, table in bgp.items():
        assert shape_errors(table, BGP_VRF, f"get_bgp_neighbors[{vrf!r}]") == []
        for peer, info in table["peers"].items():
            assert shape_errors(info, BGP_PEER, f"peer {peer}") == []
            for af, counts in info["address_family"].items():
                assert shape_errors(counts, BGP_AF, f"peer {peer} {af}") == []
    if case.bgp:
        assert "global" in bgp
    for peer, expected in case.bgp.items():
        info = bgp["global"]["peers"][peer]
        for key, value in expected.items():
            assert info[key] == value, f"{peer} {key}"


def test_get_ospf_neighbors(case: Case, driver: CutoverDriver) -> None:
    neighbors = driver.get_ospf_neighbors()
    assert isinstance(neighbors, list)
    for n in neighbors:
        assert shape_errors(n, OSPF, "get_ospf_neighbors") == []
    for expected in case.ospf:
        assert any(expected.items() <= dict(n).items() for n in neighbors), expected


def test_get_arp_table(case: Case, driver: CutoverDriver) -> None:
    table = driver.get_arp_table()
    for entry in table:
        assert shape_errors(entry, ARP, "get_arp_table") == []
    assert set(case.arp) <= {entry["ip"] for entry in table}


def test_get_mac_address_table(case: Case, driver: CutoverDriver) -> None:
    table = driver.get_mac_address_table()
    for entry in table:
        assert shape_errors(entry, MAC, "get_mac_address_table") == []
    assert set(case.macs) <= {entry["mac"] for entry in table}


def test_get_route_summary(case: Case, driver: CutoverDriver) -> None:
    summary = driver.get_route_summary()
    assert all(isinstance(k, str) and type(v) is int and v > 0 for k, v in summary.items())
    for protocol, least in case.routes.items():
        assert summary.get(protocol, 0) >= least, protocol


def test_get_config(case: Case, lab: Lab, driver: CutoverDriver) -> None:
    config = driver.get_config()
    assert set(config) == {"running", "startup", "candidate"}
    assert config_lines(case.startup) <= config_lines(config["running"])
    assert config_lines(lab.devices[case.dut].saved_text or "") <= config_lines(config["startup"])
    assert config["candidate"] == ""


# -- the config life cycle -------------------------------------------------------------------
def _can(driver: CutoverDriver, capability: Capability) -> bool:
    return capability in driver.capabilities


def test_merge_compare_commit(case: Case, lab: Lab, driver: CutoverDriver) -> None:
    if not _can(driver, "candidate"):
        return  # test_capabilities_are_honest covers a driver without one
    before = running(lab, case)
    driver.load_merge_candidate(config=case.merge.config)
    diff = driver.compare_config()
    for text in case.merge.diff:
        assert text in diff, f"{text!r} not in the diff:\n{diff}"
    assert running(lab, case) == before, "loading or comparing changed the running config"
    driver.commit_config()
    after = running(lab, case)
    for text in case.merge.running:
        assert text in after, f"{text!r} not in the running config after the commit"
    assert not driver.has_pending_commit()
    assert driver.compare_config() == ""


def test_discard(case: Case, lab: Lab, driver: CutoverDriver) -> None:
    if not _can(driver, "candidate"):
        return
    before = running(lab, case)
    driver.load_merge_candidate(config=case.merge.config)
    driver.discard_config()
    assert driver.compare_config() == ""
    assert running(lab, case) == before


def test_rollback_restores(case: Case, lab: Lab, driver: CutoverDriver) -> None:
    if not _can(driver, "candidate"):
        return
    before = config_lines(running(lab, case))
    driver.load_merge_candidate(config=case.merge.config)
    driver.commit_config()
    assert config_lines(running(lab, case)) != before
    driver.rollback()
    assert config_lines(running(lab, case)) == before


def test_replace(case: Case, lab: Lab, driver: CutoverDriver) -> None:
    if case.replace is None or not _can(driver, "replace"):
        return
    before = config_lines(running(lab, case))
    driver.load_replace_candidate(config=case.replace.config)
    diff = driver.compare_config()
    for text in case.replace.diff:
        assert text in diff, f"{text!r} not in the diff:\n{diff}"
    driver.commit_config()
    after = running(lab, case)
    for text in case.replace.running:
        assert text in after, text
    for text in case.replace.absent:
        assert text not in after, text
    driver.rollback()
    assert config_lines(running(lab, case)) == before


def _wait_for(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return bool(condition())


def test_commit_confirm_reverts_unless_confirmed(
    case: Case, lab: Lab, driver: CutoverDriver
) -> None:
    if not _can(driver, "commit_confirm"):
        return
    before = config_lines(running(lab, case))
    driver.load_merge_candidate(config=case.merge.config)
    driver.commit_config(revert_in=case.revert_in)
    assert driver.has_pending_commit()
    assert all(text in running(lab, case) for text in case.merge.running)
    wait = case.revert_wait / TIME_SCALE + 5
    assert _wait_for(lambda: config_lines(running(lab, case)) == before, wait)
    assert not driver.has_pending_commit()
    driver.load_merge_candidate(config=case.merge.config)
    driver.commit_config(revert_in=case.revert_in)
    driver.confirm_commit()
    assert not driver.has_pending_commit()
    assert all(text in running(lab, case) for text in case.merge.running)


def test_capabilities_are_honest(case: Case, lab: Lab, driver: CutoverDriver) -> None:
    """Every operation whose capability the driver lacks raises UnsupportedOperation."""
    missing = frozenset(get_args(Capability)) - driver.capabilities
    if "candidate" in missing:
        for call in (
            lambda: driver.load_merge_candidate(config=case.merge.config),
            driver.compare_config,
            driver.discard_config,
            driver.commit_config,
        ):
            with pytest.raises(UnsupportedOperation):
                call()
    if "replace" in missing:
        with pytest.raises(UnsupportedOperation):
            driver.load_replace_candidate(config=case.merge.config)
    if "commit_confirm" in missing:
        assert not driver.has_pending_commit()
        if "candidate" not in missing:
            driver.load_merge_candidate(config=case.merge.config)
        with pytest.raises(UnsupportedOperation):
            driver.commit_config(revert_in=case.revert_in)
        with pytest.raises(UnsupportedOperation):
            driver.confirm_commit()
        if "candidate" not in missing:
            driver.discard_config()
    # native_rollback: a driver object that committed nothing can roll back only if the box
    # keeps a commit history
    before = config_lines(running(lab, case))
    if "candidate" not in missing:
        driver.load_merge_candidate(config=case.merge.config)
        driver.commit_config()
    other = make_driver(case, lab)
    other.open()
    try:
        if "native_rollback" in missing:
            with pytest.raises(UnsupportedOperation):
                other.rollback()
        elif "candidate" not in missing:
            other.rollback()
            assert config_lines(running(lab, case)) == before
    finally:
        other.close()
