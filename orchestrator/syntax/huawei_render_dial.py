"""VRP5 AR dial-up: PPP credentials and peer authentication, dialer bundles and dialer rules,
ATM PVCs of ADSL/G.SHDSL ports.

IOS draws a dialer's links from a dialer pool (`dialer pool N`); an AR dialer interface draws
them from a dial bundle (`dialer bundle N`) that PPPoE or ATM links join. IOS asks the peer to
authenticate only as told (`ppp authentication chap callin optional` asks on incoming calls and
accepts a refusal); an AR asks on every call once `ppp authentication-mode` is set, and not at
all otherwise.
"""

from __future__ import annotations

from orchestrator.model import AtmPvc, DeviceConfig, Interface, Ppp
from orchestrator.syntax.huawei_common import secret_text
from orchestrator.syntax.huawei_render_base import Writer

PEER_AUTH = ("chap", "pap")


def render_ppp(ifc: Interface, w: Writer) -> None:
    ppp = ifc.ppp
    if ppp is not None:
        _ppp(ppp, w)
    if ifc.dialer_pool is not None:
        w.line(f"dialer bundle {ifc.dialer_pool}", ifc, "dialer_pool")
        w.change(
            ifc,
            "dialer_pool",
            note=f"the links of dial bundle {ifc.dialer_pool} must join it on the AR "
            f"(`pppoe-client dial-bundle-number {ifc.dialer_pool}` on a PPPoE port)",
        )
    if ifc.dialer_group is not None:
        w.line(f"dialer-group {ifc.dialer_group}", ifc, "dialer_group")
    if ifc.dialer_idle_timeout is not None:
        w.line(f"dialer timer idle {ifc.dialer_idle_timeout}", ifc, "dialer_idle_timeout")


def _ppp(ppp: Ppp, w: Writer) -> None:
    if ppp.authentication:
        if ppp.auth_optional:
            w.ignore(
                ppp,
                "authentication",
                "auth_callin",
                "auth_optional",
                rule="the peer need not authenticate (`optional`), and an AR does not ask it",
            )
        elif all(m in PEER_AUTH for m in ppp.authentication):
            modes = " ".join(ppp.authentication)
            w.line(f"ppp authentication-mode {modes}", ppp, "authentication", "auth_callin")
            if ppp.auth_callin:
                w.change(ppp, "auth_callin", note="the AR asks on calls it places too")
        else:
            w.unsupported(ppp, "authentication", reason="PPP authentication other than CHAP/PAP")
    if ppp.chap_hostname is not None:
        w.line(f"ppp chap user {ppp.chap_hostname}", ppp, "chap_hostname")
    if ppp.chap_password is not None:
        w.line(f"ppp chap password cipher {secret_text(ppp.chap_password)}", ppp, "chap_password")
    if ppp.pap_username is not None and ppp.pap_password is not None:
        w.line(
            f"ppp pap local-user {ppp.pap_username} password cipher "
            f"{secret_text(ppp.pap_password)}",
            ppp,
            "pap_username",
            "pap_password",
        )


AAL5 = ("aal5snap", "aal5mux", "aal5nlpid")


def render_atm(ifc: Interface, w: Writer) -> None:
    """The PVC of an AR ADSL/G.SHDSL (sub)interface: service category and AAL5 framing."""
    pvc = ifc.atm_pvc
    if pvc is None:
        return
    w.mark(ifc, "atm_pvc")
    with w.view(f"pvc {pvc.vpi}/{pvc.vci}", pvc, "", "vpi", "vci"):
        _pvc(pvc, w)
    reason = (
        "an AR carries PPP over ATM through a virtual template (`map ppp Virtual-Template`), "
        "not through a dialer pool"
    )
    if pvc.protocol is not None or pvc.dialer_pool_member is not None:
        w.unsupported(pvc, "protocol", "dialer_pool_member", reason=reason)


def _pvc(pvc: AtmPvc, w: Writer) -> None:
    if pvc.vbr_nrt is not None and len(pvc.vbr_nrt) == 3:
        w.line(f"service vbr-nrt {' '.join(str(v) for v in pvc.vbr_nrt)}", pvc, "vbr_nrt")
    elif pvc.vbr_nrt is not None:
        w.unsupported(
            pvc,
            "vbr_nrt",
            reason="the AR's VBR-NRT service needs a maximum burst size, which IOS leaves to "
            "the hardware",
        )
    if pvc.ubr is not None:
        w.line(f"service ubr {pvc.ubr}", pvc, "ubr")
    if pvc.encapsulation in AAL5:
        w.line(f"encapsulation {pvc.encapsulation}", pvc, "encapsulation")
    elif pvc.encapsulation is not None:
        w.unsupported(pvc, "encapsulation", reason=f"AAL5 encapsulation {pvc.encapsulation}")


def render_dialer_rules(config: DeviceConfig, w: Writer) -> None:
    rules = config.services.dialer_lists
    if not rules:
        return
    if not w.platform.nat:  # dial-up is an AR router feature (VRP8 boxes have no dialers)
        w.unsupported(config.services, "dialer_lists", reason="no dialer interfaces on VRP8")
        return
    with w.view("dialer-rule"):
        for number, entries in sorted(rules.items()):
            for protocol, action in entries:
                w.line(f"dialer-rule {number} {protocol} {action}", config.services, "dialer_lists")
    w.sep()


__all__ = ["render_atm", "render_dialer_rules", "render_ppp"]
