"""The Junos persona's configuration database: `set` paths kept in order, rendered as braces
the project's own Junos parser reads to the same model, `delete`/`deactivate`, and the
`show | compare` layout."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import corpus_files
from labkit import lab_config

from orchestrator.lab.platforms.juniper_junos_config import JunosConfig, compare, expand
from orchestrator.syntax import get_platform

CORPUS = [path for _, path in corpus_files("juniper_junos")]


def _model(text: str) -> object:
    config = get_platform("juniper_junos").parse(text).config
    # zone policies of different zone pairs do not depend on each other's order: the brace
    # form groups them by zone pair, as the box shows them
    config.security.zone_policies.sort(key=lambda p: (p.from_zone, p.to_zone, p.name))
    return config


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_real_configs_render_to_braces_the_parser_reads_the_same(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    db = JunosConfig.from_text(text)
    braces = db.braces()
    assert JunosConfig.from_text(braces) == db
    assert JunosConfig.from_text(db.set_text()) == db
    assert _model(braces) == _model(text)


def test_the_lab_config_is_in_the_form_the_box_shows() -> None:
    text = lab_config("juniper_junos")
    assert JunosConfig.from_text(text).braces() == text


def test_set_replaces_one_value_leaves_in_place_and_adds_to_lists() -> None:
    db = JunosConfig.from_text(
        "set interfaces xe-0/0/0 description old\n"
        "set interfaces xe-0/0/0 unit 0 family inet address 192.0.2.1/24\n"
    )
    db.set(("interfaces", "xe-0/0/0", "description", '"new one"'))
    db.set(("interfaces", "xe-0/0/0", "unit", "0", "family", "inet", "address", "198.51.100.1/24"))
    assert db.set_text() == (
        'set interfaces xe-0/0/0 description "new one"\n'
        "set interfaces xe-0/0/0 unit 0 family inet address 192.0.2.1/24\n"
        "set interfaces xe-0/0/0 unit 0 family inet address 198.51.100.1/24\n"
    )
    assert db.braces() == (
        "interfaces {\n"
        "    xe-0/0/0 {\n"
        '        description "new one";\n'
        "        unit 0 {\n"
        "            family inet {\n"
        "                address 192.0.2.1/24;\n"
        "                address 198.51.100.1/24;\n"
        "            }\n"
        "        }\n"
        "    }\n"
        "}\n"
    )


def test_a_container_with_content_replaces_its_bare_statement() -> None:
    db = JunosConfig.from_text("set protocols ospf area 0.0.0.0 interface lo0.0\n")
    db.set(("protocols", "ospf", "area", "0.0.0.0", "interface", "lo0.0", "passive"))
    db.set(("protocols", "ospf", "area", "0.0.0.0", "interface", "lo0.0"))  # already there
    assert db.statements == [
        ("protocols", "ospf", "area", "0.0.0.0", "interface", "lo0.0", "passive")
    ]


def test_quotes_only_where_the_value_needs_them_and_lists_expand() -> None:
    assert expand(['"spare"']) == [("spare",)]
    assert expand(["description", '"to core 1"']) == [("description", '"to core 1"')]
    assert expand(["vlan", "members", "[", "v10", "v20", "]"]) == [
        ("vlan", "members", "v10"),
        ("vlan", "members", "v20"),
    ]
    db = JunosConfig(expand(["vlan", "members", "[", "v10", "v20", "]"]))
    assert db.braces() == "vlan {\n    members [ v10 v20 ];\n}\n"


def test_delete_removes_a_subtree_and_says_when_nothing_was_there() -> None:
    db = JunosConfig.from_text(lab_config("juniper_junos"))
    assert db.delete(("protocols", "bgp", "group", "ISP-B"))
    assert not db.has(("protocols", "bgp", "group", "ISP-B"))
    assert db.has(("protocols", "bgp", "group", "ISP-A"))
    assert not db.delete(("protocols", "bgp", "group", "ISP-B"))


def test_deactivated_statements_are_shown_inactive_and_ignored_by_the_parser() -> None:
    db = JunosConfig.from_text(lab_config("juniper_junos"))
    assert db.deactivate(("protocols", "bgp", "group", "ISP-B"))
    assert not db.deactivate(("protocols", "bgp", "group", "NOPE"))
    assert "        inactive: group ISP-B {\n" in db.braces()
    assert db.set_text().endswith("deactivate protocols bgp group ISP-B\n")
    bgp = get_platform("juniper_junos").parse(db.braces()).config.bgp
    assert bgp is not None and "198.51.100.5" not in bgp.neighbors
    assert JunosConfig.from_text(db.set_text()) == db
    assert JunosConfig.from_text(db.braces()) == db
    assert db.activate(("protocols", "bgp", "group", "ISP-B"))
    assert "inactive:" not in db.braces()


def test_compare_shows_each_changed_level_with_its_edit_path() -> None:
    old = JunosConfig.from_text(lab_config("juniper_junos"))
    new = old.copy()
    new.set(("interfaces", "xe-0/1/5", "description", "reserved"))
    new.delete(("system", "ntp", "server", "10.30.0.123"))
    new.set(("interfaces", "xe-0/1/6", "unit", "0", "family", "inet", "address", "10.1.1.1/24"))
    assert compare(old, new) == (
        "[edit system ntp]\n"
        "-  server 10.30.0.123;\n"
        "[edit interfaces]\n"
        "+  xe-0/1/6 {\n"
        "+      unit 0 {\n"
        "+          family inet {\n"
        "+              address 10.1.1.1/24;\n"
        "+          }\n"
        "+      }\n"
        "+  }\n"
        "[edit interfaces xe-0/1/5]\n"
        "-  description spare;\n"
        "+  description reserved;\n"
    )
    assert compare(old, old.copy()) == ""


def test_a_path_that_ends_at_a_leaf_shows_that_statement() -> None:
    db = JunosConfig.from_text(lab_config("juniper_junos"))
    assert db.braces(("system", "domain-name")) == "domain-name branch-b.example.net;\n"
    assert db.braces(("system", "ntp")) == "server 10.20.0.123 prefer;\nserver 10.30.0.123;\n"
