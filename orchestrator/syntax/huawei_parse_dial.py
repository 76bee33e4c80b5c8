"""VRP5 AR dial-up: PPP credentials and peer authentication, dialer bundles, dialer rules,
ATM PVCs (see `huawei_render_dial` for how they map onto the model)."""

from __future__ import annotations

import re
from typing import Any

from orchestrator.model import AtmPvc, Interface, Ppp
from orchestrator.syntax.huawei_common import read_secret
from orchestrator.syntax.rules import Ctx
from orchestrator.syntax.text import Line


def _ppp(ifc: Interface, line: Line) -> Ppp:
    if ifc.ppp is None:
        ifc.ppp = Ppp()
        ifc.ppp.at(line.n)
        ifc.at(line.n, "ppp")
    return ifc.ppp


def i_ppp(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    words = line.words[1:]
    ppp = _ppp(ifc, line)
    if words[0] == "authentication-mode" and len(words) >= 2:
        ppp.authentication = words[1:]
        ppp.at(line.n, "authentication")
    elif words[:2] == ["chap", "user"] and len(words) == 3:
        ppp.chap_hostname = words[2]
        ppp.at(line.n, "chap_hostname")
    elif words[:2] == ["chap", "password"] and len(words) in (3, 4):
        form = words[2] if len(words) == 4 else None
        ppp.chap_password = read_secret(ctx, line, words[-1], form)
        ppp.at(line.n, "chap_password")
    elif words[:2] == ["pap", "local-user"] and len(words) in (5, 6) and words[3] == "password":
        ppp.pap_username = words[2]
        form = words[4] if len(words) == 6 else None
        ppp.pap_password = read_secret(ctx, line, words[-1], form)
        ppp.at(line.n, "pap_username", "pap_password")
    else:
        ctx.report.unsupported(line, "PPP setting not translated")


def i_dialer(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    words = line.words
    if words[:2] == ["dialer", "bundle"] and len(words) == 3:
        ifc.dialer_pool = int(words[2])
        ifc.at(line.n, "dialer_pool")
    elif words[0] == "dialer-group" and len(words) == 2:
        ifc.dialer_group = int(words[1])
        ifc.at(line.n, "dialer_group")
    elif words[:3] == ["dialer", "timer", "idle"] and len(words) == 4:
        ifc.dialer_idle_timeout = int(words[3])
        ifc.at(line.n, "dialer_idle_timeout")
    else:
        ctx.report.unsupported(line, "dialer setting not translated")


def i_pvc(ctx: Ctx, line: Line, m: re.Match[str], ifc: Interface) -> None:
    """`pvc VPI/VCI` and its service category and AAL5 framing."""
    pvc = AtmPvc(vpi=int(m.group(1)), vci=int(m.group(2)))
    pvc.at(line.n)
    ifc.atm_pvc = pvc
    ifc.at(line.n, "atm_pvc")
    for child in line.children:
        words = child.words
        if words[:2] == ["service", "vbr-nrt"] and len(words) == 5:
            pvc.vbr_nrt = tuple(int(w) for w in words[2:])
            pvc.at(child.n, "vbr_nrt")
        elif words[:2] == ["service", "ubr"] and len(words) == 3:
            pvc.ubr = int(words[2])
            pvc.at(child.n, "ubr")
        elif words[0] == "encapsulation" and len(words) == 2:
            pvc.encapsulation = words[1]
            pvc.at(child.n, "encapsulation")
        else:
            ctx.report.unsupported(child, "PVC setting not translated")
            continue
        ctx.report.parsed(child)


def p_dialer_rule(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    services = ctx.config.services
    for child in line.children:
        found = re.fullmatch(r"dialer-rule (\d+) (\S+) (permit|deny)", child.text)
        if found is None:
            ctx.report.unsupported(child, "dialer rule form not translated")
            continue
        number = int(found.group(1))
        services.dialer_lists.setdefault(number, []).append((found.group(2), found.group(3)))
        services.at(child.n, "dialer_lists")
        ctx.report.parsed(child)
    ctx.report.block(line)


__all__ = ["i_dialer", "i_ppp", "i_pvc", "p_dialer_rule"]
