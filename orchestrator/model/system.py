"""System settings: identity, name resolution, time, logging, SNMP, AAA, users, management lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from orchestrator.model.base import IFREF, Node, Secret


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


@dataclass(kw_only=True)
class Ntp(Node):
    servers: dict[str, Server] = field(default_factory=dict)
    source_interface: str | None = field(default=None, metadata=IFREF)
    authenticate: bool = False
    keys: dict[int, Secret] = field(default_factory=dict)  # key id -> md5 key
    trusted_keys: list[int] = field(default_factory=list)


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


@dataclass(kw_only=True)
class AaaServer(Node):
    """A TACACS+ or RADIUS server."""

    protocol: Literal["tacacs", "radius"]
    address: str
    key: Secret | None = None
    name: str | None = None
    port: int | None = None
    vrf: str | None = None


@dataclass(kw_only=True)
class AaaMethodList(Node):
    """`aaa authentication login default group tacacs+ local` and its kin."""

    service: Literal["login", "enable", "exec", "commands", "network", "accounting"]
    name: str = "default"
    methods: list[str] = field(default_factory=list)  # "group:tacacs", "local", "none", ...


@dataclass(kw_only=True)
class Aaa(Node):
    new_model: bool | None = None
    servers: list[AaaServer] = field(default_factory=list)
    groups: dict[str, list[str]] = field(default_factory=dict)  # group name -> server addresses
    method_lists: list[AaaMethodList] = field(default_factory=list)
    source_interface: str | None = field(default=None, metadata=IFREF)  # tacacs/radius


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
    stp_mode: Literal["stp", "rstp", "mstp", "pvst", "rapid-pvst"] | None = None
    stp_priority: dict[int, int] = field(default_factory=dict)  # vlan/instance -> priority
    ip_routing: bool | None = None
    ipv6_routing: bool | None = None
    scp_server: bool | None = None  # SCP file-transfer server (NX-OS `feature scp-server`)
