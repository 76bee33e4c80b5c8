"""H3C Comware 7 route policies: community matches and route-target (extended) community lists.

Comware matches community lists with `if-match community N` or `if-match community name X`,
and route targets only through numbered extended community lists (`ip extcommunity-list N
permit rt A:B`, `if-match extcommunity N`), as H3C's routing policy references write them.
"""

from __future__ import annotations

from orchestrator.syntax.hp_comware import PLATFORM as COMWARE
from orchestrator.translate import translate_text

JUNOS_POLICY = """\
policy-options {
    policy-statement FROM-A {
        term a {
            from community A-RT;
            then accept;
        }
        term cust {
            from community CUST;
            then {
                community add A-RT;
                accept;
            }
        }
    }
    community A-RT members target:65000:10;
    community CUST members 65000:100;
}
protocols {
    bgp {
        group ext {
            import FROM-A;
            neighbor 192.0.2.1 peer-as 64500;
        }
    }
}
routing-options {
    autonomous-system 65000;
}
"""


def test_route_target_lists_are_numbered_extended_lists() -> None:
    result = translate_text(JUNOS_POLICY, "hp_comware", source="juniper_junos")
    assert result.roundtrip.ok, result.roundtrip.differences
    lines = result.target_config.splitlines()
    assert " ip extcommunity-list 1 permit rt 65000:10" in lines
    assert " ip community-list basic CUST permit 65000:100" in lines
    assert " if-match extcommunity 1" in lines
    assert " if-match community name CUST" in lines
    assert " apply extcommunity rt 65000:10 additive" in lines
    by_text = {line.text.strip(): line for line in result.lines}
    member = by_text["community A-RT members target:65000:10;"]
    assert member.status == "translated-with-change"
    assert "number 1" in (member.reason or "")


def test_community_matches_read_back() -> None:
    parsed = COMWARE.parse(
        """\
#
 ip extcommunity-list 7 permit rt 1:1 rt 1:2
#
route-policy P permit node 10
 if-match community 5 name BIG
 if-match extcommunity 7
 apply extcommunity rt 1:3 additive
"""
    )
    config = parsed.config
    assert config.community_lists["7"].entries[0].communities == ["target:1:1", "target:1:2"]
    entry = config.route_maps["P"].entries[0]
    assert [(m.kind, m.values) for m in entry.matches] == [
        ("community", ["5", "BIG"]),
        ("community", ["7"]),
    ]
    assert [(s.kind, s.values, s.additive) for s in entry.sets] == [
        ("extcommunity-rt", ["1:3"], True)
    ]
