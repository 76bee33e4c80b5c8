"""VRP QoS: traffic classifiers, behaviors and policies (MQC), and the policies VRP8 filters
with (`acl-<name>`: a classifier matching the ACL, a `permit` behavior).

Each policy class gets a behavior of its own (`<policy>-<class>`). VRP5 AR routers queue per
class (`queue ef|af bandwidth`, `gts`, `queue wfq`, nested `traffic-policy`); CloudEngine
(VRP8) queues per port, so its behaviors police, remark, permit and deny only. Rates: the model
holds bit/s for shapers and policers (VRP kbit/s) and kbit/s for queues (as VRP).
"""

from __future__ import annotations

from orchestrator.model import DeviceConfig, Police, PolicyClass, item_key
from orchestrator.syntax.huawei_render_base import Writer

#: model QoS match kinds → VRP `if-match` words
CLASS_MATCHES = {
    "access-group": "acl",
    "dscp": "dscp",
    "ip-dscp": "dscp",
    "precedence": "ip-precedence",
    "ip-precedence": "ip-precedence",
    "cos": "8021p",
    "vlan": "vlan-id",
    "any": "any",
}
#: behavior lines every release has: model action → template
SIMPLE_ACTIONS = {
    "set-dscp": "remark dscp {}",
    "set-cos": "remark 8021p {}",
    "set-precedence": "remark ip-precedence {}",
    "permit": "permit",
    "deny": "deny",
    "drop": "deny",
}
#: the classifier VRP matches every remaining packet with (`class-default` of IOS)
DEFAULT_CLASS = "class-default"
_QUEUE_WORDS = {"priority": "ef", "bandwidth": "af"}


def action_line(kind: str, value: str, vrp8: bool) -> tuple[str | None, str]:
    """The behavior line of one model action, or (None, why not)."""
    if kind in SIMPLE_ACTIONS:
        return SIMPLE_ACTIONS[kind].format(value), ""
    if vrp8:
        return None, "CloudEngine queues and shapes per port (qos queue), not per traffic class"
    words = value.split()
    if kind in _QUEUE_WORDS:
        queue = _QUEUE_WORDS[kind]
        if len(words) == 2 and words[0] == "percent":
            return f"queue {queue} bandwidth pct {words[1]}", ""
        if kind == "bandwidth" and words[:2] == ["remaining", "percent"] and len(words) == 3:
            return f"queue af bandwidth remaining-pct {words[2]}", ""
        if len(words) == 1 and words[0].isdigit():
            return f"queue {queue} bandwidth {words[0]}", ""
        return None, f"a {kind} queue without a rate has no VRP form"
    if kind == "shape-average":
        if len(words) == 2 and words[0] == "percent":
            return f"gts cir pct {words[1]}", ""
        if len(words) == 1 and words[0].isdigit() and int(words[0]) % 1000 == 0:
            return f"gts cir {int(words[0]) // 1000}", ""
        return None, "VRP shapes in whole kbit/s"
    if kind == "fair-queue" and not value:
        return "queue wfq", ""
    if kind == "queue-limit" and value.isdigit():
        return f"queue-length packets {value}", ""
    if kind == "service-policy" and value:
        return f"traffic-policy {value}", ""
    return None, f"QoS action {kind} {value} is not translated".rstrip()


def police_line(police: Police, vrp8: bool) -> tuple[str | None, str]:
    """`car ...` for a single-rate policer that transmits what conforms and drops the rest
    (VRP's defaults: green pass, red discard)."""
    if police.conform not in (None, "transmit") or police.exceed not in (None, "drop"):
        return None, "policer actions other than transmit/drop are not translated"
    if police.violate not in (None, "drop"):
        return None, "policer actions other than transmit/drop are not translated"
    if police.cir_percent is not None:
        if vrp8:
            return None, "CloudEngine polices at a rate, not a share of the port"
        return f"car cir pct {police.cir_percent}", ""
    if police.pir is not None:
        return None, "two-rate policers are not translated (VRP passes yellow traffic)"
    if police.cir is None or police.cir % 1000:
        return None, "VRP polices in whole kbit/s"
    words = [f"car cir {police.cir // 1000}"]
    if police.bc is not None:
        words.append(f"cbs {police.bc}")
        if police.be is not None:
            words.append(f"pbs {police.be}")
    elif police.be is not None:
        return None, "an excess burst without a committed burst has no VRP form"
    return " ".join(words), ""


def render_qos(config: DeviceConfig, w: Writer, acl_policies: dict[str, str]) -> None:
    services = config.services
    word = w.platform.classifier_operator
    vrp8 = w.platform.vpn_ipv4_family
    for cmap in services.class_maps.values():
        operator = "and" if cmap.match == "all" else "or"
        with w.view(f"traffic classifier {cmap.name} {word} {operator}", cmap, "", "name", "match"):
            for kind, value in cmap.matches:
                vrp = CLASS_MATCHES.get(kind)
                if vrp is None:
                    w.unsupported(
                        cmap, "matches", reason=f"classifier match {kind} is not translated"
                    )
                    continue
                text = f"if-match {vrp} {value}".rstrip()
                w.line(text, cmap, item_key("matches", (kind, value)))
        w.sep()
    for pmap in services.policy_maps.values():
        for entry in pmap.classes:
            if entry.actions or entry.police is not None:
                with w.view(f"traffic behavior {behavior_name(pmap.name, entry.class_name)}"):
                    _behavior(entry, w, vrp8)
                w.sep()
    for pmap in services.policy_maps.values():
        with w.view(f"traffic policy {pmap.name}", pmap, "", "name"):
            for entry in pmap.classes:
                if not (entry.actions or entry.police is not None):
                    w.unsupported(entry, reason="a traffic policy class needs a behavior")
                    continue
                behavior = behavior_name(pmap.name, entry.class_name)
                w.line(
                    f"classifier {entry.class_name} behavior {behavior}", entry, "", "class_name"
                )
        w.sep()
    for acl, policy in acl_policies.items():
        with w.view(f"traffic classifier {policy} {word} or"):
            w.line(f"if-match acl {acl}")
        w.sep()
        with w.view(f"traffic behavior {policy}"):
            w.line("permit")
        w.sep()
        with w.view(f"traffic policy {policy}"):
            w.line(f"classifier {policy} behavior {policy}")
        w.sep()


def _behavior(entry: PolicyClass, w: Writer, vrp8: bool) -> None:
    for kind, value in entry.actions:
        text, why = action_line(kind, value, vrp8)
        if text is None:
            w.unsupported(entry, "actions", reason=why)
        else:
            w.line(text, entry, item_key("actions", (kind, value)))
    police = entry.police
    if police is not None:
        text, why = police_line(police, vrp8)
        if text is None:
            w.unsupported(entry, "police", reason=why)
        else:
            fields = ("", "cir", "cir_percent", "bc", "be", "conform", "exceed", "violate")
            w.line(text, police, *fields)


def behavior_name(policy: str, class_name: str) -> str:
    return f"{policy}-{class_name}"[:31]


__all__ = ["CLASS_MATCHES", "DEFAULT_CLASS", "action_line", "behavior_name", "render_qos"]
