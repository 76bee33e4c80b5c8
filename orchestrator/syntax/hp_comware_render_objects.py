"""Render the objects a Comware 7 zone-based firewall uses: attack-defense policies (from
screens), address object groups and service object groups (see `hp_comware_zones`)."""

from __future__ import annotations

from orchestrator.model import Screen, SecurityAddress, SecurityApplication, item_key
from orchestrator.syntax.base import Emitter

#: the model's screen checks → Comware single-packet attack signatures
SIGNATURES: dict[str, tuple[str, ...]] = {
    "ping-of-death": ("ping-of-death",),
    "teardrop": ("teardrop",),
    "land": ("land",),
    "winnuke": ("winnuke",),
    "syn-fin": ("tcp-syn-fin",),
    "tcp-no-flag": ("tcp-null-flag",),
    "ip-fragment": ("fragment",),
    "icmp-large": ("large-icmp",),
    "ip-source-route": ("ip-option loose-source-routing", "ip-option strict-source-routing"),
    "ip-loose-source-route": ("ip-option loose-source-routing",),
    "ip-strict-source-route": ("ip-option strict-source-routing",),
    "ip-record-route": ("ip-option record-route",),
    "ip-timestamp": ("ip-option timestamp",),
    "ip-security-option": ("ip-option security",),
    "ip-stream-option": ("ip-option stream-id",),
}
#: Junos sends a large-ICMP alarm above 1024 bytes; Comware's default limit is 4000
LARGE_ICMP = 1024


def render_screen(screen: Screen, out: Emitter) -> None:
    out.plain("#")
    with out.view(f"attack-defense policy {screen.name}", screen):
        for check in screen.checks:
            texts = [
                f" signature detect {s} action drop logging" for s in SIGNATURES.get(check, ())
            ]
            if check == "icmp-large":
                texts.append(f" signature large-icmp max-length {LARGE_ICMP}")
            for text in texts:
                out.emit(text, screen, item_key("checks", check))
            if not texts:
                out.unsupported(screen, "checks", reason=f"screen check {check}: no signature")
        for kind, threshold in screen.floods.items():
            if kind not in ("syn", "icmp", "udp"):
                continue
            flood = item_key("floods", kind)
            out.emit(f" {kind}-flood detect non-specific", screen, flood)
            out.emit(f" {kind}-flood threshold {threshold}", screen, flood)
            out.emit(f" {kind}-flood action drop logging", screen, flood)
        if "syn" in screen.floods:
            out.change(
                screen,
                "floods",
                note="above the SYN threshold Comware drops new SYNs to the destination; the "
                "SRX proxies them",
            )
    if any(k not in ("syn", "icmp", "udp") for k in screen.floods):
        out.unsupported(screen, "floods", reason="only SYN, ICMP and UDP floods are translated")
    for name in (
        "syn_alarm_threshold",
        "syn_source_threshold",
        "syn_destination_threshold",
        "syn_timeout",
    ):
        if getattr(screen, name) is not None:
            out.unsupported(
                screen, name, reason="Comware has one SYN threshold, per destination address"
            )


def render_address(address: SecurityAddress, out: Emitter) -> None:
    family = "ipv6" if address.prefix is not None and address.prefix.version == 6 else "ip"
    out.plain("#")
    with out.view(f"object-group {family} address {address.name}", address):
        if address.prefix is not None:
            if address.prefix.prefixlen == address.prefix.max_prefixlen:
                term = f"host address {address.prefix.network_address}"
            elif family == "ip":
                term = f"subnet {address.prefix.network_address} {address.prefix.netmask}"
            else:
                term = f"subnet {address.prefix.network_address} {address.prefix.prefixlen}"
            out.emit(f" 0 network {term}", address, "prefix")
        elif address.range is not None:
            out.emit(f" 0 network range {address.range[0]} {address.range[1]}", address, "range")
        elif address.dns_name is not None:
            out.emit(f" 0 network host name {address.dns_name}", address, "dns_name")
    if address.zone is not None:
        out.ignore(address, "zone", rule="Comware address objects are usable in every zone")


def service_term(protocol: str | None, ports: tuple[int, int] | None, word: str) -> str:
    """`tcp destination eq 80`, `udp destination range 67 68`, `tcp`: one service term."""
    text = protocol or ""
    if ports is not None:
        low, high = ports
        text += f" {word} eq {low}" if low == high else f" {word} range {low} {high}"
    return text


#: what a service object line writes of a term
_TERM_FIELDS = ("protocol", "source_ports", "destination_ports", "icmp_type", "icmp_code")


def render_application(app: SecurityApplication, out: Emitter) -> None:
    out.plain("#")
    with out.view(f"object-group service {app.name}", app):
        for i, term in enumerate(app.terms):
            if not (
                term.protocol in ("tcp", "udp", "icmp", "icmp6")
                or (term.protocol is not None and term.protocol.isdigit())
            ):
                out.unsupported(term, reason=f"service protocol {term.protocol} is not written")
                continue
            if term.protocol not in ("tcp", "udp"):
                if term.source_ports or term.destination_ports:
                    out.unsupported(term, reason="ports on a protocol without ports")
                    continue
                text = term.protocol
                if term.icmp_type is not None:
                    text += f" {term.icmp_type}"
                    if term.icmp_code is not None:
                        text += f" {term.icmp_code}"
            else:
                text = service_term(term.protocol, term.source_ports, "source")
                if term.destination_ports is not None:
                    text += service_term(None, term.destination_ports, "destination")
            out.emit(f" {i * 10} service {text}", term)
            out.mark(term, *_TERM_FIELDS)
            if term.alg is not None:
                out.ignore(term, "alg", rule="Comware runs its ALGs for every session")
            if term.inactivity_timeout is not None:
                out.unsupported(
                    term, "inactivity_timeout", reason="per-service session aging is not written"
                )
    if app.predefined:
        out.ignore(app, "predefined", rule="the built-in service is written out as an object")
