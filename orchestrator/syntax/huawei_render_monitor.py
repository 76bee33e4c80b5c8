"""VRP monitoring and housekeeping: NQA test instances (IP SLA probes), the configuration
archive and change log, and logging settings beyond hosts and channels.

An IP SLA probe becomes `nqa test-instance admin <id>`: VRP counts NQA timeouts in whole
seconds (`huawei_prepare` rounds the probe's up, with a note) and starts a test with
`start now`; a probe that is never scheduled is written without a start, as IOS keeps it.
"""

from __future__ import annotations

from orchestrator.model import DeviceConfig, IpSla, System
from orchestrator.syntax.huawei_common import severity_for_vrp
from orchestrator.syntax.huawei_render_base import Writer

#: model probe kinds → NQA test types
NQA_TYPES = {"icmp-echo": "icmp", "tcp-connect": "tcp", "udp-jitter": "jitter", "dns": "dns"}
#: the NQA administrator name the tests are created under
NQA_ADMIN = "admin"


def render_nqa(config: DeviceConfig, w: Writer) -> None:
    for probe in config.services.ip_slas.values():
        _probe(probe, w)


def _probe(probe: IpSla, w: Writer) -> None:
    test_type = NQA_TYPES.get(probe.kind)
    if test_type is None or not probe.target:
        w.unsupported(probe, reason=f"IP SLA {probe.kind} probes have no NQA test type here")
        return
    if probe.schedule_start not in (None, "now") or probe.schedule_life not in (None, "forever"):
        w.unsupported(
            probe,
            "schedule_start",
            "schedule_life",
            reason="NQA tests start now or are left stopped; timed starts are not translated",
        )
    with w.view(f"nqa test-instance {NQA_ADMIN} {probe.id}", probe, "", "id"):
        w.line(f"test-type {test_type}", probe, "kind")
        family = "ipv6" if ":" in probe.target else "ipv4"
        w.line(f"destination-address {family} {probe.target}", probe, "target")
        if probe.target_port is not None:
            w.line(f"destination-port {probe.target_port}", probe, "target_port")
        if probe.source_address is not None:
            w.line(f"source-address {family} {probe.source_address}", probe, "source_address")
        if probe.source_interface is not None:
            w.line(f"source-interface {probe.source_interface}", probe, "source_interface")
        if probe.vrf is not None:
            w.line(f"vpn-instance {probe.vrf}", probe, "vrf")
        if probe.frequency_s is not None:
            w.line(f"frequency {probe.frequency_s}", probe, "frequency_s")
        if probe.timeout_ms is not None:
            w.line(f"timeout {probe.timeout_ms // 1000}", probe, "timeout_ms")
        if probe.threshold_ms is not None:
            w.line(f"threshold rtd {probe.threshold_ms}", probe, "threshold_ms")
        if probe.tos is not None:
            w.line(f"tos {probe.tos}", probe, "tos")
        if probe.schedule_start == "now":
            w.line("start now", probe, "schedule_start", "schedule_life")
    w.sep()


def render_archive(system: System, w: Writer) -> None:
    """VRP has no configuration archive; its command log is on by default. Each setting is
    accounted on its own line, and the whole part is left out of the model VRP holds."""
    archive = system.config_archive
    if archive is None:
        return
    copies = "VRP keeps no archive of configuration copies (back up the saved file from outside)"
    missing = [f for f in ("path", "write_memory", "time_period", "maximum") if getattr(archive, f)]
    for field in missing:
        w.unsupported(archive, field, reason=copies)
    rules = {
        "log_enable": "VRP logs every configuration command (CMDRECORD) by default",
        "log_notify_syslog": "VRP sends its command log to the log hosts by default",
        "log_hidekeys": "VRP never logs passwords in clear text",
    }
    for field, rule in rules.items():
        if getattr(archive, field):
            w.ignore(archive, field, rule=rule)
    if archive.log_size is not None:
        missing.append("log_size")
        w.unsupported(archive, "log_size", reason="VRP keeps no separate configuration-change log")
    # the part's own line; every setting in it is accounted above
    if missing:
        w.unsupported(archive, "", reason=copies)
    else:
        w.ignore(archive, "", rule="the command log is VRP's default; nothing is archived")
    w.out.leave_out(system, "config_archive")


def render_logging_extras(system: System, w: Writer) -> None:
    logging = system.logging
    if logging.origin_id == "hostname":
        w.ignore(logging, "origin_id", rule="VRP messages carry the sysname")
    if logging.monitor_level is not None:
        level = severity_for_vrp(logging.monitor_level)
        if level is None:
            w.unsupported(logging, "monitor_level", reason="severity has no VRP name")
        else:
            w.line(
                f"info-center source default channel monitor log level {level}",
                logging,
                "monitor_level",
            )


__all__ = ["NQA_ADMIN", "NQA_TYPES", "render_archive", "render_logging_extras", "render_nqa"]
