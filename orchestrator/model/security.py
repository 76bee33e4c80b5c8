"""Security services of a router: stateful inspection (firewall), IPS rules, IKE and IPsec.

Values are held explicitly: a parser fills in its platform's defaults for anything the source
leaves implicit (IOS hides `hash sha` in an ISAKMP policy, for example), so a renderer never has
to know another vendor's defaults.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from orchestrator.model.base import Node, Secret


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
