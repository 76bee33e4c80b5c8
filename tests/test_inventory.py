"""The inventory: the lab inventory reads as Ansible reads it, and every broken inventory gets
one message naming the file, the line and the key, exit 2, with nothing started."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from orchestrator.cli import main
from orchestrator.errors import InputError
from orchestrator.inventory import PLATFORMS, load_inventory, login
from orchestrator.lab.spec import config_path, lab_plan
from orchestrator.syntax import get_platform

REPO = Path(__file__).resolve().parent.parent
LAB = REPO / "inventories" / "lab"
EVERY_PERSONA = frozenset(
    {"cisco_ios", "cisco_nxos", "juniper_junos", "huawei_vrp", "huawei_vrpv8"}
    | {"hp_comware", "zte_zxros"}
)


def test_the_lab_inventory_has_three_sites_and_every_replacement() -> None:
    inventory = load_inventory(LAB)
    assert list(inventory.sites) == ["site_a", "site_b", "site_c", "core"]
    new = {
        d.name: (d.platform, d.replacement.platform)
        for d in inventory.devices.values()
        if d.replacement
    }
    assert new == {
        "a-wan1": ("cisco_ios", "huawei_vrpv8"),
        "a-sw1": ("cisco_ios", "huawei_vrp"),
        "b-rtr1": ("juniper_junos", "hp_comware"),
        "b-sw1": ("cisco_nxos", "hp_comware"),
        "c-rtr1": ("cisco_ios", "zte_zxros"),
        "c-radio1": ("manual", "manual"),
    }
    addresses = [(b.address, b.port) for b in inventory.boxes()]
    assert len(addresses) == len(set(addresses)) == 15
    assert inventory.devices["a-wan1"].replacement is not None
    assert inventory.devices["a-wan1"].replacement.profile == "NE40E-X3A"
    assert inventory.sites["site_a"].description.startswith("Site A")  # from group_vars


def test_every_lab_config_parses_and_the_cabled_ends_share_a_subnet() -> None:
    inventory = load_inventory(LAB)
    plan = lab_plan(inventory, personas=EVERY_PERSONA)
    assert {s.box.name for s in plan.skipped} == {"c-radio1", "c-radio1-new"}
    assert len(plan.spec.cables) == 10
    configs = {}
    for box in plan.boxes:
        parsed = get_platform(box.platform).parse(config_path(inventory, box.name).read_text())
        assert parsed.report.counts().get("unsupported", 0) == 0, box.name
        assert parsed.config.system.hostname == box.name
        configs[box.name] = parsed.config
    for cable in plan.spec.cables:
        (a, pa), (b, pb) = cable.a, cable.b
        nets_a = {i.address.network for i in configs[a].interfaces[pa].ipv4}
        nets_b = {i.address.network for i in configs[b].interfaces[pb].ipv4}
        assert nets_a == nets_b, f"{a}:{pa} and {b}:{pb} are not on one subnet"


def test_ansible_reads_the_same_inventory() -> None:
    out = subprocess.run(
        [
            str(Path(sys.executable).parent / "ansible-inventory"),
            "-i",
            str(LAB / "hosts.yaml"),
            "--list",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    hostvars = json.loads(out.stdout)["_meta"]["hostvars"]
    inventory = load_inventory(LAB)
    assert set(hostvars) == set(inventory.devices)
    for name, device in inventory.devices.items():
        assert hostvars[name]["platform"] == device.platform
        assert hostvars[name]["ansible_port"] == device.port
        assert hostvars[name]["ansible_connection"] == "local"
    assert hostvars["a-wan1"]["replacement"]["hostname"] == "a-wan1-new"


def test_credentials_come_from_the_environment_or_a_vault_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ansible.constants import DEFAULT_VAULT_ID_MATCH
    from ansible.parsing.vault import VaultLib, VaultSecret

    folder = _copy(tmp_path)
    (folder / "lab.yaml").unlink()  # not a lab inventory: no lab defaults to fall back on
    inventory = load_inventory(folder)
    monkeypatch.delenv("CUTOVER_USERNAME", raising=False)
    monkeypatch.delenv("CUTOVER_PASSWORD", raising=False)
    with pytest.raises(InputError, match="no credentials"):
        login(inventory)
    assert login(inventory, {"CUTOVER_USERNAME": "ops", "CUTOVER_PASSWORD": "pw"}).username == "ops"
    vault = VaultLib([(DEFAULT_VAULT_ID_MATCH, VaultSecret(b"vault-pass"))])
    (folder / "credentials.vault.yaml").write_bytes(
        vault.encrypt("username: netops\npassword: s3cret\n")
    )
    with (folder / "group_vars" / "all.yaml").open("a") as out:
        out.write("cutover_credentials_file: credentials.vault.yaml\n")
    monkeypatch.setenv("CUTOVER_VAULT_PASSWORD", "vault-pass")
    found = login(load_inventory(folder))
    assert (found.username, found.password) == ("netops", "s3cret")
    assert "s3cret" not in repr(found)


# -- broken inventories -------------------------------------------------------------------------

Mutation = Callable[[Path], None]


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "inv"
    shutil.copytree(LAB, folder)
    return folder


def _edit(file: str, old: str, new: str, count: int = 1) -> Mutation:
    def apply(folder: Path) -> None:
        path = folder / file
        text = path.read_text()
        assert old in text, old
        path.write_text(text.replace(old, new, count))

    return apply


BROKEN: dict[str, tuple[Mutation, str, str]] = {
    # case: (mutation, file named in the message, key (or text) named in the message)
    "yaml syntax": (
        _edit("hosts.yaml", "              model: CSR1000V\n", "              model: [CSR1000V\n"),
        "hosts.yaml:",
        "not valid YAML",
    ),
    "unknown platform": (
        _edit("hosts.yaml", "platform: cisco_nxos", "platform: cisco_iosxr"),
        "hosts.yaml:",
        "site_b.hosts.b-sw1.platform: unknown platform 'cisco_iosxr'",
    ),
    "duplicate device name in one group": (
        _edit(
            "hosts.yaml",
            "            b-sw1:\n",
            "            b-rtr1:\n              platform: cisco_ios\n            b-sw1:\n",
        ),
        "hosts.yaml:",
        "site_b.hosts.b-rtr1: written twice",
    ),
    "duplicate device name across sites": (
        _edit("hosts.yaml", "            pe2:\n", "            a-sw2:\n"),
        "hosts.yaml:",
        "core.hosts.a-sw2: device a-sw2 is already in site site_a",
    ),
    "replacement named like another device": (
        _edit("hosts.yaml", "hostname: c-rtr1-new", "hostname: pe1"),
        "hosts.yaml:",
        "c-rtr1.replacement.hostname: pe1 is already the name of",
    ),
    "duplicate address": (
        _edit("hosts.yaml", "ansible_port: 22105", "ansible_port: 22001"),
        "hosts.yaml:",
        "b-sw1.replacement.hostname: management address 127.0.0.1 port 22001 is already a-wan1's",
    ),
    "replacement without platform": (
        _edit("hosts.yaml", "                platform: huawei_vrp\n", ""),
        "hosts.yaml:",
        "a-sw1.replacement.platform: the new box a-sw1-new has no platform",
    ),
    "port map naming a port the profile lacks": (
        _edit(
            "hosts.yaml",
            "GigabitEthernet2: GigabitEthernet2/0/0",
            "GigabitEthernet2: GigabitEthernet7/0/0",
        ),
        "hosts.yaml:",
        "a-wan1.replacement.profile: the port map sends GigabitEthernet2 to GigabitEthernet7/0/0",
    ),
    "hostname with shell metacharacters": (
        _edit("hosts.yaml", "hostname: b-rtr1-new", "hostname: b-rtr1-new;reboot"),
        "hosts.yaml:",
        "b-rtr1.replacement.hostname: the new box needs a plain hostname",
    ),
    "description with a template": (
        _edit(
            "hosts.yaml",
            "description: branch router, eBGP to pe2",
            "description: \"{{ lookup('pipe', 'id') }}\"",
        ),
        "hosts.yaml:",
        "c-rtr1.description: ",
    ),
    "description with a shell substitution in group_vars": (
        _edit("group_vars/site_b.yaml", "regional office", "regional $(id) office"),
        "group_vars/site_b.yaml:1",
        "site_description: ",
    ),
    "credential in clear": (
        _edit(
            "group_vars/all.yaml",
            "ansible_connection: local\n",
            "ansible_connection: local\nansible_password: hunter2\n",
        ),
        "group_vars/all.yaml:",
        "ansible_password: a credential in clear",
    ),
    "cable to a port the box lacks": (
        _edit("lab.yaml", "pe1:GigabitEthernet0/3", "pe1:GigabitEthernet0/9"),
        "lab.yaml:",
        "cables[9]: pe1 has no interface GigabitEthernet0/9",
    ),
    "missing startup config": (
        lambda folder: (folder / "configs" / "b-sw1-new.cfg").unlink(),
        "configs/b-sw1-new.cfg",
        "cannot read the startup config of b-sw1-new",
    ),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_inventory_is_one_message_naming_file_and_key_exit_2_nothing_started(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mutate, file, key = BROKEN[case]
    folder = _copy(tmp_path)
    mutate(folder)
    work = tmp_path / "work"
    code = main(["--workdir", str(work), "lab", "up", "--detach", "--inventory", str(folder)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.count("cutover: error:") == 1 and "Traceback" not in err, err
    first = err.splitlines()[0]
    assert f"{folder}/{file}" in first, first
    assert key in first, first
    match = re.search(re.escape(f"{folder}/") + r"(\S+?):(\d+):", first)
    if match and match.group(1).endswith(".yaml"):
        # the line named is the line of the key (or of the YAML error)
        line = (folder / match.group(1)).read_text().splitlines()[int(match.group(2)) - 1]
        # (a missing key has no line: its parent's is named)
        keys = key.split(":")[0].split(".")[-2:]
        if keys[-1].endswith("]"):  # a list item: its line is the item's
            assert line.lstrip().startswith("- "), line
        else:
            assert any(k.strip() in line for k in keys) or "YAML" in key, (line, keys)
    assert not (work / "lab").exists(), "nothing may start for a broken inventory"


def test_gather_refuses_a_broken_inventory_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _copy(tmp_path)
    _edit("hosts.yaml", "platform: juniper_junos", "platform: junos")(folder)
    code = main(["--workdir", str(tmp_path / "w"), "gather", "--inventory", str(folder)])
    err = capsys.readouterr().err
    assert code == 2
    assert "unknown platform 'junos'" in err and "b-rtr1.platform" in err
    assert not (tmp_path / "w" / "snapshots").exists()


def test_an_unknown_site_is_exit_2_naming_the_sites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--workdir", str(tmp_path), "gather", "--inventory", str(LAB), "--site", "site_x"])
    err = capsys.readouterr().err
    assert code == 2
    assert "no site 'site_x'" in err and "site_a, site_b, site_c, core" in err


def test_every_platform_of_the_registry_is_known_and_yaml_round_trips() -> None:
    assert set(PLATFORMS) == {
        "cisco_ios",
        "cisco_nxos",
        "juniper_junos",
        "huawei_vrp",
        "huawei_vrpv8",
        "hp_comware",
        "zte_zxros",
        "manual",
    }
    data = yaml.safe_load((LAB / "lab.yaml").read_text())
    assert all(len(cable) == 2 for cable in data["cables"])


def test_every_bgp_session_and_ospf_adjacency_of_the_lab_comes_up(tmp_path: Path) -> None:
    from orchestrator.lab.lab import Credentials, Lab

    plan = lab_plan(load_inventory(LAB), personas=EVERY_PERSONA)
    state = Lab(plan.spec, tmp_path, Credentials("u", "p")).state  # computed, nothing listens
    bgp = {(b.name, str(s.neighbor)): s.state for b in plan.boxes for s in state.bgp(b.name)}
    assert bgp == {
        ("a-wan1", "203.0.113.1"): "Established",
        ("a-wan1", "203.0.113.5"): "Established",
        ("b-rtr1", "203.0.113.9"): "Established",
        ("c-rtr1", "203.0.113.13"): "Established",
        ("pe1", "203.0.113.2"): "Established",
        ("pe1", "203.0.113.10"): "Established",
        ("pe1", "203.0.113.18"): "Established",
        ("pe2", "203.0.113.6"): "Established",
        ("pe2", "203.0.113.14"): "Established",
        ("pe2", "203.0.113.17"): "Established",
    }
    ospf = {(b.name, str(n.router_id)): n.state for b in plan.boxes for n in state.ospf(b.name)}
    assert set(ospf.values()) == {"Full"}
    assert set(ospf) == {
        ("a-wan1", "10.1.255.2"),
        ("a-wan1", "10.1.255.3"),
        ("a-sw1", "10.1.255.1"),
        ("a-sw2", "10.1.255.1"),
        ("b-rtr1", "10.2.255.2"),
        ("b-sw1", "10.2.255.1"),
    }
    learned = {str(r.prefix) for r in state.routes("pe1") if r.protocol == "bgp"}
    assert {"10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16"} <= learned  # every site is announced
