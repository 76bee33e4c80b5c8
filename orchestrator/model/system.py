"""System settings: identity, name resolution, time, logging, SNMP, AAA, users, management lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from orchestrator.model.base import IFREF, Node, Secret

StpMode = Literal["stp", "rstp", "mstp", "pvst", "rapid-pvst"]


@dataclass(kw_only=True)
class Server(Node):
    """A server the box talks to (DNS, NTP, syslog): address plus optional VRF and options."""

    address: str
    vrf: str | None = None
    prefer: bool = False  # NTP
    key_id: int | None = None  # NTP authentication key
    port: int | None = None  # syslog
    level: str | None = None  # syslog severity name (emergencies .. debugging)
    facility: str | None = None  # syslog facility (local0 .. local7)


@dataclass(kw_only=True)
class Logging(Node):
    hosts: dict[str, Server] = field(default_factory=dict)
    source_interface: str | None = field(default=None, metadata=IFREF)
    buffered_size: int | None = None
    buffered_level: str | None = None
    console_level: str | None = None  # "disable" when turned off
    trap_level: str | None = None  # severity sent to syslog hosts
    enabled: bool | None = None  # False when logging is switched off globally
    facility: str | None = None  # syslog facility of every message sent (local0 .. local7)
    rate_limit: int | None = None  # messages per second at most
    snmp_authfail: bool | None = None  # log SNMP requests with a wrong community
    history_size: int | None = None  # messages kept in the SNMP syslog history table
    history_level: str | None = None  # severity kept in that table
    origin_id: str | None = None  # sender tag in each message: "hostname", "ip", "string X"
    userinfo: bool | None = None  # log privilege-level changes of users
    monitor_level: str | None = None  # severity sent to terminal monitor sessions


@dataclass(kw_only=True)
class Ntp(Node):
    servers: dict[str, Server] = field(default_factory=dict)
    source_interface: str | None = field(default=None, metadata=IFREF)
    authenticate: bool = False
    keys: dict[int, Secret] = field(default_factory=dict)  # key id -> md5 key
    trusted_keys: list[int] = field(default_factory=list)
    master: bool = False  # serve time from the local clock when no server is reachable
    master_stratum: int | None = None  # stratum it then claims (IOS default 8)


@dataclass(kw_only=True)
class SnmpCommunity(Node):
    name: Secret
    access: Literal["ro", "rw"] = "ro"
    acl: str | None = None
    view: str | None = None


@dataclass(kw_only=True)
class SnmpHost(Node):
    address: str
    community: Secret
    version: Literal["1", "2c", "3"] = "2c"
    vrf: str | None = None
    kind: Literal["traps", "informs"] = "traps"


@dataclass(kw_only=True)
class SnmpUser(Node):
    name: str
    group: str | None = None
    auth: Literal["md5", "sha"] | None = None
    auth_key: Secret | None = None
    priv: Literal["des", "aes128"] | None = None
    priv_key: Secret | None = None


@dataclass(kw_only=True)
class Snmp(Node):
    communities: list[SnmpCommunity] = field(default_factory=list)
    hosts: list[SnmpHost] = field(default_factory=list)
    users: dict[str, SnmpUser] = field(default_factory=dict)
    location: str | None = None
    contact: str | None = None
    traps_enabled: bool = False  # any `snmp-server enable traps ...`
    source_interface: str | None = field(default=None, metadata=IFREF)  # trap source
    ifindex_persist: bool | None = None  # interface indexes survive reboots
    #: MIB views: name -> [(OID subtree as written, e.g. "iso" or "1.3.6.1", included?)]
    views: dict[str, list[tuple[str, bool]]] = field(default_factory=dict)
    chassis_id: str | None = None  # the chassis serial number string SNMP reports
    engine_id: str | None = None  # local SNMPv3 engine ID (hex); v3 user keys depend on it


@dataclass(kw_only=True)
class AaaServer(Node):
    """A TACACS+ or RADIUS server."""

    protocol: Literal["tacacs", "radius"]
    address: str
    key: Secret | None = None
    name: str | None = None
    port: int | None = None
    vrf: str | None = None
    acct_port: int | None = None  # RADIUS accounting port
    timeout: int | None = None  # seconds to wait for this server


@dataclass(kw_only=True)
class AaaMethodList(Node):
    """`aaa authentication login default group tacacs+ local` and its kin."""

    service: Literal["login", "enable", "exec", "commands", "network", "accounting"]
    name: str = "default"
    methods: list[str] = field(default_factory=list)  # "group:tacacs", "local", "none", ...
    #: what an accounting list records or a commands list covers: "exec", "network",
    #: "commands 15", "connection", "system"; None for the other services
    scope: str | None = None


@dataclass(kw_only=True)
class Aaa(Node):
    new_model: bool | None = None
    servers: list[AaaServer] = field(default_factory=list)
    groups: dict[str, list[str]] = field(default_factory=dict)  # group name -> server addresses
    method_lists: list[AaaMethodList] = field(default_factory=list)
    source_interface: str | None = field(default=None, metadata=IFREF)  # tacacs/radius
    authorization_console: bool | None = None  # authorize console sessions too
    radius_source_interface: str | None = field(default=None, metadata=IFREF)
    tacacs_source_interface: str | None = field(default=None, metadata=IFREF)
    radius_deadtime: int | None = None  # minutes a dead RADIUS server is skipped
    radius_retransmit: int | None = None  # tries per RADIUS server
    radius_timeout: int | None = None  # seconds to wait for a RADIUS answer
    radius_vsa_send: list[str] = field(default_factory=list)  # "accounting", "authentication"
    #: NAS-Identifier (attribute 32) sent in access requests, IOS format: %h hostname,
    #: %d domain name, %i IP address
    radius_nas_identifier: str | None = None
    #: accept RADIUS answers without a Service-Type attribute
    radius_permit_missing_service_type: bool | None = None
    #: the protocol ("tacacs" / "radius") of each server group whose members do not tell it:
    #: empty groups, groups of servers defined nowhere else. No entry: its servers' protocol,
    #: or TACACS+ when no member is a known server.
    group_protocols: dict[str, Literal["tacacs", "radius"]] = field(default_factory=dict)


@dataclass(kw_only=True)
class LocalUser(Node):
    name: str
    secret: Secret | None = None
    privilege: int | None = None
    role: str | None = None  # NX-OS role / Junos class, kept for the report


@dataclass(kw_only=True)
class MgmtLine(Node):
    """Console, aux or a range of vty lines (`user-interface` on VRP/Comware)."""

    kind: Literal["console", "aux", "vty"]
    first: int = 0
    last: int | None = None
    exec_timeout: int | None = None  # seconds; 0 disables
    transport_input: list[str] = field(default_factory=list)  # ssh, telnet; ["none"] for none
    acl_in: str | None = None
    login: Literal["local", "password", "aaa", "none"] | None = None
    password: Secret | None = None
    privilege: int | None = None
    login_list: str | None = None  # AAA login method list name when login is "aaa"
    authorization_exec: str | None = None  # AAA exec authorization method list name
    exec: bool | None = None  # False: no shell on this line (reverse telnet / modem only)
    ipv6_acl_in: str | None = None  # IPv6 ACL on incoming sessions
    max_sessions: int | None = None  # concurrent sessions allowed on these lines (vty)


@dataclass(kw_only=True)
class SummerTime(Node):
    """Daylight saving time (`clock summer-time` / `clock daylight-saving-time`).

    Recurring rules: start/end are (week, weekday, month, "hh:mm") with week "1".."4" or
    "last", weekday "Sun".."Sat", month "Jan".."Dec". Date rules: (day, month, year, "hh:mm").
    """

    zone: str
    mode: Literal["recurring", "date"] = "recurring"
    start: tuple[str, str, str, str]
    end: tuple[str, str, str, str]
    offset: int = 60  # minutes added while in effect


@dataclass(kw_only=True)
class ConfigArchive(Node):
    """Configuration archive and change log (IOS `archive`)."""

    path: str | None = None  # where copies go ("ftp://host/dir/name", "flash:archive")
    write_memory: bool = False  # archive on every save
    time_period: int | None = None  # minutes between automatic copies
    maximum: int | None = None  # copies kept
    log_enable: bool = False  # keep a log of configuration commands entered
    log_hidekeys: bool = False  # keep passwords out of that log
    log_notify_syslog: bool = False  # also send each change to syslog
    log_size: int | None = None  # entries kept


@dataclass(kw_only=True)
class System(Node):
    hostname: str | None = None
    domain_name: str | None = None
    domain_lookup: bool | None = None
    domain_search: list[str] = field(default_factory=list)
    dns_servers: list[Server] = field(default_factory=list)
    dns_source_interface: str | None = field(default=None, metadata=IFREF)
    timezone: tuple[str, int, int] | None = None  # (name, hours, minutes) offset from UTC
    ntp: Ntp = field(default_factory=Ntp)
    logging: Logging = field(default_factory=Logging)
    snmp: Snmp = field(default_factory=Snmp)
    aaa: Aaa = field(default_factory=Aaa)
    users: dict[str, LocalUser] = field(default_factory=dict)
    enable_secret: Secret | None = None
    banners: dict[str, str] = field(default_factory=dict)  # motd/login/exec/incoming -> text
    lines: list[MgmtLine] = field(default_factory=list)
    ssh_server: bool | None = None
    ssh_version: int | None = None
    ssh_timeout: int | None = None
    telnet_server: bool | None = None
    http_server: bool | None = None
    https_server: bool | None = None
    lldp: bool | None = None
    cdp: bool | None = None
    stp_mode: StpMode | None = None
    stp_priority: dict[int, int] = field(default_factory=dict)  # vlan/instance -> priority
    ip_routing: bool | None = None
    ipv6_routing: bool | None = None
    summer_time: SummerTime | None = None
    default_gateway: str | None = None  # gateway used while IP routing is off
    #: brute-force guard: (block seconds, failed attempts, within seconds)
    login_block: tuple[int, int, int] | None = None
    login_success_log: bool | None = None  # log successful logins
    login_failure_log: bool | None = None  # log failed logins
    password_min_length: int | None = None
    auth_failure_rate: int | None = None  # log when failed logins per minute exceed this
    config_archive: ConfigArchive | None = None
    netconf: bool | None = None
    restconf: bool | None = None
    http_authentication: str | None = None  # "local", "aaa", "enable"
    http_access_class: str | None = None  # ACL of web clients
    ftp_username: str | None = None  # the box's own FTP client login (archive, copy)
    ftp_password: Secret | None = None
    telnet_tos: str | None = None  # TOS byte (hex) of the box's own telnet packets
    icmp_unreachable_rate: int | None = None  # ms between unreachables; 0: no limit
    ipv6_icmp_error_interval: tuple[int, int] | None = None  # (ms between, bucket size)
    vpdn: bool | None = None  # virtual private dial-up (PPPoE client/L2TP) enabled
    scp_server: bool | None = None  # SCP file-transfer server (NX-OS `feature scp-server`)
    ip_hosts: dict[str, list[str]] = field(default_factory=dict)  # static name -> addresses
    password_strength_check: bool | None = None  # False: weak local passwords are accepted
    errdisable_recovery_causes: list[str] = field(default_factory=list)  # "all" or cause names
    errdisable_recovery_interval: int | None = None  # seconds before an err-disabled port retries
    #: IGMP snooping on every VLAN (a VLAN may say otherwise in `Vlan.igmp_snooping`); None:
    #: the platform default (IOS on, Huawei and Comware off)
    igmp_snooping: bool | None = None
