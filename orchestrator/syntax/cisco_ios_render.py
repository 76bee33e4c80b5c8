"""The Cisco IOS renderer: a `DeviceConfig` as IOS `running-config` text, with provenance.

Sections come in the order IOS itself writes them, so that what a statement refers to exists
before it (peer groups before their members, IP SLA operations before their schedules). Every
line is written in the form the `cisco_ios` parser reads back to the same model; the round trip
`parse(render(m)) == m` is checked on every translation. Whatever IOS cannot express is declared
unsupported with its reason, and `sweep` catches any field no rule writes.

>>> from orchestrator.model import DeviceConfig
>>> config = DeviceConfig()
>>> config.system.hostname = "r1"
>>> print(render_config(config).text.splitlines()[0])
hostname r1
"""

from __future__ import annotations

from itertools import count

from orchestrator.model import DeviceConfig
from orchestrator.syntax.base import Rendered
from orchestrator.syntax.cisco_render_aaa import (
    render_aaa,
    render_aaa_servers,
    render_lines,
    render_users,
)
from orchestrator.syntax.cisco_render_bgp import render_bgp
from orchestrator.syntax.cisco_render_common import Writer
from orchestrator.syntax.cisco_render_interfaces import (
    render_interfaces,
    render_vlans,
    render_vrfs,
)
from orchestrator.syntax.cisco_render_policy import (
    render_acls,
    render_community_lists,
    render_prefix_lists,
    render_route_maps,
)
from orchestrator.syntax.cisco_render_routing import render_ospf, render_static_routes
from orchestrator.syntax.cisco_render_security import render_security
from orchestrator.syntax.cisco_render_services import render_nat, render_qos, render_services
from orchestrator.syntax.cisco_render_system import (
    render_banners,
    render_identity,
    render_logging,
    render_ntp,
    render_snmp,
    render_system,
)
from orchestrator.syntax.sweep import sweep

#: the sections of a rendered config, in IOS's own order
SECTIONS = (
    render_identity,
    render_vrfs,
    render_logging,
    render_aaa,
    render_system,
    render_services,
    render_users,
    render_security,
    render_qos,
    render_vlans,
    render_interfaces,
    render_ospf,
    render_bgp,
    render_nat,
    render_static_routes,
    render_acls,
    render_prefix_lists,
    render_community_lists,
    render_route_maps,
    render_snmp,
    render_aaa_servers,
    render_banners,
    render_lines,
    render_ntp,
)


def number_ospfv3_processes(w: Writer, config: DeviceConfig) -> None:
    """IOS numbers its OSPFv3 processes: a named one (NX-OS `router ospfv3 UNDERLAY`) takes
    the lowest free number, everywhere it is referred to, with a change note.

    `adapt` numbers OSPFv2 processes for every target; OSPFv3 is an IOS matter so far. This
    is the one place the renderer changes the model it is given (the private copy `translate`
    makes for the target), so that the round trip compares like with like.
    """
    table = config.ospfv3
    used = {int(k) for k in table if k.isdigit()}
    renames: dict[str, str] = {}
    for name in table:
        if not (name.isdigit() and 0 < int(name) < 65536):
            number = next(i for i in count(1) if i not in used)
            used.add(number)
            renames[name] = str(number)
    if not renames:
        return
    renamed = {renames.get(k, k): v for k, v in table.items()}
    table.clear()
    table.update(renamed)
    for old, new in renames.items():
        table[new].process = new
        w.change(table[new], "", note=f"IOS numbers OSPFv3 processes: {old} is process {new}")
    for ifc in config.interfaces.values():
        if ifc.ospfv3 is not None and ifc.ospfv3.process in renames:
            ifc.ospfv3.process = renames[ifc.ospfv3.process]


def render_config(config: DeviceConfig) -> Rendered:
    """``config`` as IOS text; every non-default field is written or declared."""
    w = Writer("cisco_ios")
    number_ospfv3_processes(w, config)
    for section in SECTIONS:
        section(w, config)
    w.line("end")
    sweep(w.out, config)
    return w.out.result


__all__ = ["SECTIONS", "render_config"]
