"""Security services of a router: stateful inspection (firewall), IPS rules, IKE and IPsec.

Values are held explicitly: a parser fills in its platform's defaults for anything the source
leaves implicit (IOS hides `hash sha` in an ISAKMP policy, for example), so a renderer never has
to know another vendor's defaults.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from ipaddress import IPv4Network, IPv6Network
from typing import Literal

from orchestrator.model.base import IFLIST, IFREF, Node, Secret


@dataclass(kw_only=True)
class InspectProtocol(Node):
    """One application a stateful-inspection policy tracks (IOS CBAC `ip inspect name P <app>`).

    Return traffic of a session the policy saw leave is let back in through the interface ACL.
    """

    protocol: str  # IOS application name: tcp, udp, icmp, ftp, http, smtp, sip, dns, ...
    alert: bool | None = None  # None: the global setting (`InspectSettings.alert`)
    audit_trail: bool | None = None  # log each session start/end; None: global setting
    timeout: int | None = None  # idle timeout of this application's sessions, seconds
    java_list: str | None = None  # http only: ACL of servers Java applets may come from


@dataclass(kw_only=True)
class InspectPolicy(Node):
    """A named stateful-inspection policy, applied per interface and direction."""

    name: str
    protocols: list[InspectProtocol] = field(default_factory=list)
    fragment_maximum: int | None = None  # fragment inspection: buffered fragments at most
    fragment_timeout: int | None = None  # seconds a fragment waits for the rest


@dataclass(kw_only=True)
class InspectSettings(Node):
    """Global session limits and timers of stateful inspection (half-open session DoS guard)."""

    alert: bool | None = None  # False: `ip inspect alert-off`
    audit_trail: bool | None = None  # True: `ip inspect audit-trail`
    max_incomplete_low: int | None = None  # half-open sessions: stop deleting below this
    max_incomplete_high: int | None = None  # half-open sessions: start deleting above this
    one_minute_low: int | None = None  # new sessions per minute: stop deleting below this
    one_minute_high: int | None = None  # new sessions per minute: start deleting above this
    dns_timeout: int | None = None  # seconds a DNS session stays open
    tcp_idle_time: int | None = None  # seconds an idle TCP session stays open
    tcp_finwait_time: int | None = None  # seconds a TCP session is kept after FIN exchange
    tcp_synwait_time: int | None = None  # seconds to wait for a TCP session to establish
    udp_idle_time: int | None = None  # seconds an idle UDP session stays open
    tcp_max_incomplete_host: int | None = None  # half-open TCP sessions per destination host
    tcp_block_time: int | None = None  # minutes new sessions to that host are blocked after


@dataclass(kw_only=True)
class IkePolicy(Node):
    """IKE phase 1 proposal (`crypto isakmp policy N`), fully explicit."""

    priority: int
    encryption: str = "des"  # des, 3des, aes-128, aes-192, aes-256
    hash: str = "sha1"  # md5, sha1, sha256, sha384, sha512
    authentication: str = "rsa-sig"  # pre-share, rsa-sig, rsa-encr
    group: int = 1  # Diffie-Hellman group
    lifetime: int = 86400  # seconds


@dataclass(kw_only=True)
class PreSharedKey(Node):
    """A pre-shared key for one peer address (or a subnet of peers)."""

    address: str  # peer address; "0.0.0.0" with mask "0.0.0.0" for any peer
    mask: str | None = None  # None: the single host
    key: Secret


@dataclass(kw_only=True)
class Keyring(Node):
    """A set of pre-shared keys, used by IKE profiles (`crypto keyring`)."""

    name: str
    vrf: str | None = None  # the VRF the peers are reached through
    local_address: str | None = None  # the local IKE endpoint address
    pre_shared_keys: list[PreSharedKey] = field(default_factory=list)


@dataclass(kw_only=True)
class IkeIdentity(Node):
    """A peer identity an IKE profile matches (`match identity address A M [vrf]`)."""

    address: str
    mask: str = "255.255.255.255"
    vrf: str | None = None


@dataclass(kw_only=True)
class IkeProfile(Node):
    """Which peers use which keys (`crypto isakmp profile`)."""

    name: str
    vrf: str | None = None  # the VRF of the protected traffic (IOS `vrf` in the profile)
    keyring: str | None = None
    identities: list[IkeIdentity] = field(default_factory=list)
    local_address: str | None = None
    keepalive: tuple[int, int] | None = None  # (interval, retry) seconds of DPD
    #: the IKE proposals (`Security.ike_policies` priorities) offered to and accepted from
    #: these peers, in preference order; empty: every proposal of the box (IOS behaviour).
    #: Junos `ike policy ... proposals [...]` / `proposal-set`, Huawei `ike-proposal` in an
    #: `ike peer`, Comware `proposal` in an `ike profile`.
    proposals: list[int] = field(default_factory=list)
    #: the interface whose address is the local IKE endpoint (Junos `external-interface`,
    #: IOS `local-address <interface>`, Huawei/Comware `local-address`/`local-interface`)
    local_interface: str | None = field(default=None, metadata=IFREF)
    #: IKEv1 phase 1 exchange mode; None: main mode, the default everywhere
    exchange_mode: Literal["main", "aggressive"] | None = None
    #: IKE version these peers must speak: 1 or 2; None: the platform default (IKEv1)
    version: int | None = None
    #: DPD: unanswered probes before the peer is declared dead (Junos `threshold`, Huawei
    #: `dpd retry-limit`); None: the platform default. Probe timing is in `keepalive`.
    dpd_retries: int | None = None


@dataclass(kw_only=True)
class TransformSet(Node):
    """An IPsec phase 2 proposal (`crypto ipsec transform-set`)."""

    name: str
    #: IOS transform names, one per entry, key size attached: "esp-aes", "esp-aes 256",
    #: "esp-3des", "esp-sha-hmac", "esp-sha256-hmac", "esp-md5-hmac", "ah-sha-hmac", ...
    transforms: list[str] = field(default_factory=list)
    mode: Literal["tunnel", "transport"] = "tunnel"


@dataclass(kw_only=True)
class IpsecProfile(Node):
    """What protects a tunnel interface (`crypto ipsec profile`, applied by tunnel protection)."""

    name: str
    transform_sets: list[str] = field(default_factory=list)
    pfs: str | None = None  # perfect forward secrecy DH group: "group2", "group14", ...
    lifetime_seconds: int | None = None
    lifetime_kilobytes: int | None = None
    ike_profile: str | None = None
    #: the ACL naming the traffic the profile protects (ZXROS `match acl A v4` in a static
    #: profile, which a profile must have); None: whatever the protected tunnel routes
    acl: str | None = None


@dataclass(kw_only=True)
class Security(Node):
    """Firewall inspection, IPS rules and the IKE/IPsec configuration of a router."""

    inspect: InspectSettings = field(default_factory=InspectSettings)
    inspect_policies: dict[str, InspectPolicy] = field(default_factory=dict)
    ips_rules: dict[str, str | None] = field(default_factory=dict)  # rule name -> ACL or None
    ike_policies: dict[int, IkePolicy] = field(default_factory=dict)
    ike_keepalive: tuple[int, int] | None = None  # global DPD: (interval, retry) seconds
    keyrings: dict[str, Keyring] = field(default_factory=dict)
    ike_profiles: dict[str, IkeProfile] = field(default_factory=dict)
    transform_sets: dict[str, TransformSet] = field(default_factory=dict)
    ipsec_profiles: dict[str, IpsecProfile] = field(default_factory=dict)
    ipsec_df_bit: Literal["clear", "set", "copy"] | None = None  # outer header DF bit
    ipsec_replay_window: int | None = None  # anti-replay window size, packets
    # --- zone-based firewall (Junos SRX, Huawei firewall zones, Comware security zones) ---
    zones: dict[str, SecurityZone] = field(default_factory=dict)  # by zone name
    #: the rules between zones, in evaluation order; within one (from_zone, to_zone) pair the
    #: first matching rule decides (see `ZonePolicy`)
    zone_policies: list[ZonePolicy] = field(default_factory=list)
    #: what happens to traffic between zones that no rule matches (Junos `default-policy
    #: deny-all|permit-all`, Junos default deny; Huawei/Comware default deny); None: no zones
    zone_default_action: Literal["permit", "deny"] | None = None
    addresses: dict[str, SecurityAddress] = field(default_factory=dict)  # address objects
    address_sets: dict[str, SecurityAddressSet] = field(default_factory=dict)
    applications: dict[str, SecurityApplication] = field(default_factory=dict)  # service objects
    application_sets: dict[str, SecurityApplicationSet] = field(default_factory=dict)
    screens: dict[str, Screen] = field(default_factory=dict)  # attack-defense profiles by name


# --- zone-based firewall -----------------------------------------------------------------------

#: Zone name standing for the box itself (Junos `junos-host`, Huawei `local`, Comware `Local`):
#: a `ZonePolicy` to or from it governs traffic the box sends or receives itself.
SELF_ZONE = "local"


@dataclass(kw_only=True)
class ZoneInterfaceInbound(Node):
    """Traffic to the box accepted on one interface of a zone, over the zone's own list
    (Junos `security-zone Z interfaces IF host-inbound-traffic ...`)."""

    interface: str = field(metadata=IFREF)
    services: list[str] = field(default_factory=list)  # same vocabulary as the zone's
    protocols: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class SecurityZone(Node):
    """A security zone: a set of interfaces the firewall treats alike.

    Junos SRX `security zones security-zone`, Huawei `firewall zone`, Comware `security-zone
    name`. Traffic between zones (on SRX also within one zone) passes only when a `ZonePolicy`
    permits it; traffic addressed to the box itself arriving on a zone's interfaces is accepted
    only for the services and protocols listed here (Junos host-inbound-traffic; on Huawei and
    Comware, rules from this zone to the `local` zone).
    """

    name: str
    interfaces: list[str] = field(default_factory=list, metadata=IFLIST)  # members, in order
    #: services the box answers on the zone's interfaces, Junos system-services names:
    #: "ping", "traceroute", "ssh", "telnet", "http", "https", "snmp", "snmp-trap", "ntp",
    #: "dns", "dhcp", "tftp", "ftp", "ike", "netconf", "xnm-ssl", "xnm-clear-text", ... and
    #: "all" (every service)
    host_inbound_services: list[str] = field(default_factory=list)
    #: routing and control protocols accepted from the zone, Junos names: "bgp", "ospf",
    #: "ospf3", "rip", "ripng", "bfd", "vrrp", "pim", "igmp", "ldp", "rsvp", "nhrp", "all"
    host_inbound_protocols: list[str] = field(default_factory=list)
    #: per-interface additions to the two lists above
    interface_inbound: list[ZoneInterfaceInbound] = field(default_factory=list)
    screen: str | None = None  # the `Screen` checking traffic that enters through the zone
    #: answer a TCP segment that opens no session and matches none (not a SYN) with a RST
    #: (Junos `tcp-rst`); False: drop it silently
    tcp_rst: bool = False
    description: str | None = None


@dataclass(kw_only=True)
class SecurityAddress(Node):
    """A named address object firewall rules and NAT rules match (Junos address book entry,
    Huawei `ip address-set`, Comware `object-group ip address`). Exactly one of ``prefix``,
    ``range`` and ``dns_name`` is set."""

    name: str
    prefix: IPv4Network | IPv6Network | None = None  # a host is a /32 (/128)
    range: tuple[str, str] | None = None  # first and last address, inclusive
    dns_name: str | None = None  # a name the box resolves (Junos `dns-name`)
    #: the zone whose address book holds it (Junos per-zone books and `attach zone`);
    #: None: global, usable in every rule
    zone: str | None = None
    description: str | None = None


@dataclass(kw_only=True)
class SecurityAddressSet(Node):
    """A named group of address objects (Junos `address-set`)."""

    name: str
    addresses: list[str] = field(default_factory=list)  # `SecurityAddress` names
    address_sets: list[str] = field(default_factory=list)  # nested `SecurityAddressSet` names
    zone: str | None = None  # as `SecurityAddress.zone`
    description: str | None = None


@dataclass(kw_only=True)
class ApplicationTerm(Node):
    """One protocol/port combination of a service object."""

    protocol: str | None = None  # "tcp", "udp", "icmp", "icmp6", "gre", "esp", "ah", "ospf",
    # ... or an IP protocol number as text; None: any protocol
    destination_ports: tuple[int, int] | None = None  # first, last (equal for one port); None: any
    source_ports: tuple[int, int] | None = None
    icmp_type: int | None = None  # None: any type
    icmp_code: int | None = None
    #: seconds an idle session of this term is kept; None: the protocol's default
    inactivity_timeout: int | None = None
    #: application-layer gateway that follows the control session and opens its related
    #: sessions: "ftp", "tftp", "sip", "pptp", "rtsp", "h323", "dns", ...; None: none
    alg: str | None = None


@dataclass(kw_only=True)
class SecurityApplication(Node):
    """A named service firewall rules match (Junos `applications application`, Huawei `ip
    service-set`, Comware `object-group service`): traffic matching any of its terms."""

    name: str
    terms: list[ApplicationTerm] = field(default_factory=list)
    #: True: a built-in object of the source platform (Junos `junos-http`, ...), written out
    #: here so that a target can use its own built-in equivalent or define it
    predefined: bool = False
    description: str | None = None


@dataclass(kw_only=True)
class SecurityApplicationSet(Node):
    """A named group of service objects (Junos `application-set`)."""

    name: str
    applications: list[str] = field(default_factory=list)  # `SecurityApplication` names
    application_sets: list[str] = field(default_factory=list)  # nested sets
    description: str | None = None


@dataclass(kw_only=True)
class ZonePolicy(Node):
    """One firewall rule for traffic entering ``from_zone`` and leaving through ``to_zone``.

    Junos `security policies from-zone A to-zone B policy P`, Huawei `security-policy` rule
    (or interzone packet filter), Comware object policy applied to a zone pair. A session that
    matches every list is permitted or dropped; return traffic of a permitted session passes
    (stateful).
    """

    from_zone: str  # `SELF_ZONE` for traffic the box itself sends
    to_zone: str  # `SELF_ZONE` for traffic to the box itself
    name: str
    source_addresses: list[str] = field(default_factory=list)  # object or set names; []: any
    destination_addresses: list[str] = field(default_factory=list)  # []: any
    #: match every address except the listed ones (Junos `source-address-excluded`)
    source_negate: bool = False
    destination_negate: bool = False
    applications: list[str] = field(default_factory=list)  # service or set names; []: any
    #: permit: let the session through; deny: drop silently; reject: drop and answer with a
    #: TCP RST (TCP) or ICMP unreachable (others)
    action: Literal["permit", "deny", "reject"] = "permit"
    log_init: bool = False  # log each session when it starts
    log_close: bool = False  # log each session when it ends
    count: bool = False  # keep per-rule hit counters
    description: str | None = None
    #: match by an ACL instead of the address and application lists (Huawei/Comware interzone
    #: packet filters): sessions its permit rules match get ``action``, its deny rules drop
    acl: str | None = None
    #: application-layer gateways following the sessions this rule lets through and opening
    #: their related sessions (IOS CBAC `ip inspect` applications, Huawei `detect aspf`):
    #: "ftp", "tftp", "rtsp", "sip", "h323", "pptp", ...
    algs: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class Screen(Node):
    """An attack-defense profile applied to traffic entering a zone (Junos `security screen
    ids-option`, Comware `attack-defense policy` applied to a zone, Huawei `firewall defend` /
    `anti-attack`)."""

    name: str
    #: single-packet checks that drop the offending packets, neutral names:
    #: "ping-of-death" (ICMP over 65535 bytes reassembled), "icmp-fragment", "icmp-large"
    #: (ICMP over 1024 bytes), "teardrop" (overlapping fragments), "ip-fragment" (every
    #: fragment), "ip-spoofing" (source not routed back through the receiving interface),
    #: "unknown-protocol" (IP protocol above 137), "ip-source-route" (any source route option),
    #: "ip-loose-source-route", "ip-strict-source-route", "ip-record-route", "ip-timestamp",
    #: "ip-security-option", "ip-stream-option", "ip-bad-option", "land" (SYN with source =
    #: destination), "winnuke", "syn-fin", "tcp-no-flag", "fin-no-ack", "syn-fragment"
    checks: list[str] = field(default_factory=list)
    #: flood thresholds, packets per second: "icmp", "udp", "syn" (SYNs to one destination
    #: before the box proxies or drops them: the attack threshold)
    floods: dict[str, int] = field(default_factory=dict)
    syn_alarm_threshold: int | None = None  # half-open sessions per second before an alarm
    syn_source_threshold: int | None = None  # SYNs per second from one source
    syn_destination_threshold: int | None = None  # SYNs per second to one destination
    syn_timeout: int | None = None  # seconds a half-open session waits in the proxy queue
