"""Cisco IOS lines that mean nothing on another vendor's box, each with the reason it is
ignored, and the known constructs no target of ours can take, each with the reason it is not
translated. Kept apart from the statements that fill the model so both lists stay readable."""

from __future__ import annotations

import re
from typing import Any

from orchestrator.syntax.rules import Ctx, Rule, rule
from orchestrator.syntax.text import Line


def s_empty_or_unsupported(reason_empty: str, reason_used: str) -> Any:
    """A block that means nothing while it is empty (or holds only `shutdown`)."""

    def handler(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
        if all(child.text == "shutdown" for child in line.children):
            ctx.report.ignore_tree(line, reason_empty)
        else:
            ctx.report.unsupported_tree(line, reason_used)

    return handler


HOUSEKEEPING_TOP: list[Rule] = [
    # meaningful only on the source box (the lead's first list)
    rule(r"version \S+", ignore="software version of the source; the target runs its own"),
    rule(
        r"(?:no )?service .+",
        ignore="IOS service flags (timestamps, password-encryption, "
        "pad, tcp-keepalives) are IOS-internal or target defaults",
    ),
    rule(r"boot-(?:start|end)-marker", ignore="IOS boot image markers"),
    rule(r"boot (?:system|host|network|config) .+", ignore="boot image of the source hardware"),
    rule(r"end", ignore="end of the IOS configuration"),
    rule(r"Building configuration\.\.\.", ignore="header line of a `show running-config` capture"),
    rule(
        r"Current configuration : \d+ bytes",
        ignore="header line of a `show running-config` capture",
    ),
    rule(r"ip cef", ignore="CEF is IOS's forwarding path; targets always forward in hardware"),
    rule(r"ip classless", ignore="classless routing is the only behaviour on the targets"),
    rule(r"ip subnet-zero", ignore="subnet zero is always usable on the targets"),
    rule(r"(?:no )?ip source-route", ignore="source routing is off on the targets by default"),
    rule(r"(?:no )?ip gratuitous-arps", ignore="gratuitous ARP handling is a target default"),
    rule(r"(?:no )?ip bootp server", ignore="BOOTP server is off on the targets by default"),
    rule(r"ip forward-protocol nd", ignore="IOS default for ND protocol forwarding"),
    rule(r"control-plane", ignore="IOS control-plane policing anchor (empty)", tree=False),
    rule(r"multilink bundle-name authenticated", ignore="IOS default PPP multilink naming"),
    rule(r"license udi .+", ignore="source hardware licence"),
    rule(r"(?:no )?license .+", ignore="source hardware licence"),
    rule(r"memory-size .+", ignore="source hardware memory tuning"),
    rule(
        r"redundancy",
        ignore="supervisor redundancy of the source chassis (IOS anchor, mode and sync settings)",
        tree=True,
    ),
    rule(r"diagnostic bootup level .+", ignore="source hardware self-test"),
    rule(r"(?:no )?platform .+", ignore="IOS-XE platform tuning for the source hardware"),
    rule(
        r"spanning-tree extend system-id", ignore="extended system ID is always used on the targets"
    ),
    rule(r"vtp mode (?:transparent|off)", ignore="VTP is Cisco-only; targets keep VLANs locally"),
    rule(r"(?:no )?mmi .+", ignore="IOS MIB polling tuning"),
    rule(r"no network-clock-participate .+", ignore="source hardware clocking"),
    rule(
        r"ip tcp (?:synwait-time|selective-ack|timestamp|window-size|queuemax|path-mtu-discovery)"
        r"(?: .*)?",
        ignore="IOS TCP stack tuning; the targets tune their own stack",
    ),
    rule(r"subscriber templating", ignore="IOS-XE subscriber feature anchor (unused)"),
    rule(r"memory statistics history table \d+", ignore="IOS memory statistics depth"),
    rule(r"aaa session-id .+", ignore="IOS accounting session-id scope"),
    rule(r"(?:no )?scheduler .+", ignore="IOS process scheduler tuning"),
    # lines of async (modem / terminal server) ports: `line 33 48`
    rule(
        r"line \d+(?: \d+)?",
        unsupported="asynchronous tty lines (modem or terminal-server "
        "ports of the source hardware) are not translated",
        tree=True,
    ),
    # lines that mean nothing on another vendor's box
    rule(r"spd headroom \d+", ignore="IOS selective-packet-discard input queue tuning"),
    rule(r"ip cef accounting .+", ignore="CEF traffic statistics for IOS show commands"),
    rule(
        r"no ip cef|(?:no )?ipv6 cef(?: .*)?",
        ignore="IOS switching path (CEF or process "
        "switching); the targets always forward in hardware",
    ),
    rule(
        r"ip bgp-community new-format",
        ignore="display format of communities (AA:NN rather "
        "than one number); the targets always show AA:NN",
    ),
    rule(r"ip ospf name-lookup", ignore="DNS names for OSPF router IDs in IOS show output"),
    rule(
        r"ntp clock-period \d+",
        ignore="IOS's own clock-drift calibration, written by its "
        "NTP process; the target calibrates its own clock",
    ),
    rule(
        r"memory free low-watermark .+", ignore="IOS memory alarm threshold of the source hardware"
    ),
    rule(
        r"virtual-service \S+",
        ignore="IOS-XE guest container (CSR management service) of the source platform",
        tree=True,
    ),
    rule(r"call-home", ignore="Cisco Smart Call Home: diagnostics reported to Cisco", tree=True),
    rule(r"alias exec .+", ignore="IOS shell command alias; the target's CLI is different"),
    rule(
        r"ip ssh rsa keypair-name \S+",
        ignore="names the IOS box's own SSH host key; the target generates its own",
    ),
    rule(
        r"no ipv6 source-route",
        ignore="type-0 routing headers are deprecated (RFC 5095) and dropped by the targets",
    ),
    rule(
        r"dial-peer cor custom",
        s_empty_or_unsupported(
            "empty voice class-of-restriction list",
            "voice class-of-restriction lists are not translated",
        ),
    ),
    rule(r"voice-card \d+", ignore="voice DSP card of the source hardware", tree=True),
    rule(
        r"mgcp profile default",
        ignore="IOS's built-in MGCP profile, present on every voice image",
        tree=True,
    ),
    rule(
        r"gatekeeper",
        s_empty_or_unsupported(
            "H.323 gatekeeper that is shut down", "H.323 gatekeepers are not translated"
        ),
    ),
    rule(
        r"nls resp-timeout \d+|cpd cr-id \d+",
        ignore="IOS voice-image defaults (NLS response timeout, call-progress detection ID)",
    ),
    rule(
        r"bba-group pppoe \S+",
        s_empty_or_unsupported(
            "PPPoE server group without a virtual template: it serves no sessions",
            "PPPoE server groups are not translated",
        ),
    ),
    rule(
        r"logging esm config",
        ignore="Embedded Syslog Manager with no filter modules: messages pass unchanged",
    ),
    rule(r"logging queue-limit \d+", ignore="IOS internal logging queue depth"),
    rule(r"no logging console guaranteed", ignore="IOS console-logging buffering"),
    rule(
        r"no cdp log mismatch duplex",
        ignore="CDP duplex-mismatch log messages; LLDP on the targets sends no such message",
    ),
    rule(
        r"snmp-server trap link ietf",
        ignore="RFC 2863 linkUp/linkDown variable bindings, which the targets always send",
    ),
    rule(r"ip http help-path .+", ignore="help page link of the IOS web interface"),
    rule(
        r"mls qos statistics-export (?:interval|delimiter) .+",
        ignore="format of Catalyst QoS statistics export, which is not enabled",
    ),
    rule(
        r"no mls ip multicast (?:aggregate|non-rpf cef)",
        ignore="Catalyst 6500 (PFC) multicast hardware-switching tuning",
    ),
    rule(r"dot11 .+", unsupported="802.11 radio settings: the target platforms have no radios"),
    rule(
        r"wlccp .+",
        unsupported="Cisco wireless domain services (WLCCP) have no equivalent on the targets",
    ),
    rule(r"ipv6 ioam timestamp", unsupported="in-situ OAM timestamping is not translated"),
]

__all__ = ["HOUSEKEEPING_TOP"]
