"""The inventory: who is where, what replaces what. Ansible YAML, read here into typed records.

An inventory is a folder holding `hosts.yaml` (Ansible's YAML inventory format) and optionally
`group_vars/` and `host_vars/`, merged the way Ansible merges them (`all`, then groups from the
shallowest to the deepest, then the host). Sites are the child groups of the group `sites`;
every host sits in exactly one. A host names its `platform` (netutils name or `manual`), its
management address (`ansible_host`, `ansible_port`) and, when it is cut over, a `replacement`
mapping: the new box's `hostname`, `platform`, management address, hardware `profile` and/or
`port_map`. Credentials never come from the inventory in clear (see `login`).

Anything wrong is ONE `InventoryError` naming the file, the line and the key, before anything
starts:

>>> load_inventory(Path("inventories/lab")).devices["a-wan1"].replacement.platform
'huawei_vrpv8'
"""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from orchestrator.ansible_inventory import (
    Group,
    Origin,
    Valued,
    Vaulted,
    host_vars,
    hosts_under,
    mapping,
    read_groups,
)
from orchestrator.errors import InputError, InventoryError, PortMapError
from orchestrator.portmap import Profile, canonical_port_map, load_port_map, profile
from orchestrator.secrets import load_secrets_file
from orchestrator.syntax import MODULES, TARGETS

MANUAL = "manual"
#: every platform an inventory may name: the syntax registry plus boxes with no automation
PLATFORMS: tuple[str, ...] = (*MODULES, MANUAL)
REPLACEMENT_PLATFORMS: tuple[str, ...] = (*TARGETS, MANUAL)
SITES_GROUP = "sites"
REPLACEMENT_KEYS = frozenset(
    {"hostname", "platform", "ansible_host", "ansible_port", "profile", "port_map", "model"}
    | {"description"}
)
#: keys that would hold a credential in clear (only an ansible-vault value is allowed there)
CREDENTIAL_KEYS = frozenset(
    {"password", "ansible_password", "ansible_ssh_pass", "ansible_become_password"}
    | {"ansible_become_pass", "cutover_password", "secret", "enable_secret"}
)
TEXT_KEYS = ("description", "site_description", "model")
_HOSTNAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62})")
# what a shell, a Jinja template or a device CLI would read as more than text
_METACHARS = re.compile(r"[`$;|&<>\\\"'\x00-\x1f\x7f]|\{\{|\}\}|\{%|%\}|\{#|#\}")


@dataclass(frozen=True)
class Replacement:
    """The new box that takes an old device's place."""

    hostname: str
    platform: str
    address: str
    port: int
    model: str = ""
    profile: str | None = None  # a hardware profile's model name (`cutover profiles`)
    port_map: Mapping[str, str] = field(default_factory=dict)  # old port → new port


@dataclass(frozen=True)
class Device:
    """One inventory host: a box that is there today."""

    name: str
    site: str
    platform: str
    address: str
    port: int
    model: str = ""
    description: str = ""
    replacement: Replacement | None = None
    vars: Mapping[str, object] = field(default_factory=dict, repr=False)


Role = Literal["old", "new", "stays"]


@dataclass(frozen=True)
class Box:
    """Anything with a management address: a device, or a device's replacement."""

    name: str
    site: str
    platform: str
    address: str
    port: int
    model: str
    role: Role
    counterpart: str | None = None  # the box this one replaces, or is replaced by

    @property
    def manual(self) -> bool:
        return self.platform == MANUAL


@dataclass(frozen=True)
class Site:
    name: str
    description: str
    devices: tuple[str, ...]


@dataclass(frozen=True)
class Inventory:
    root: Path  # the inventory folder
    hosts_file: Path  # what Ansible is pointed at (`ansible-playbook -i`)
    devices: Mapping[str, Device]
    sites: Mapping[str, Site]
    credentials_file: Path | None = None
    lab_file: Path | None = None  # lab.yaml: the inventory can be emulated

    def select_sites(self, names: Sequence[str] | None) -> list[str]:
        """Site names from `--site` values (`all`, or none given: every site)."""
        if not names or "all" in names:
            return list(self.sites)
        unknown = [n for n in names if n not in self.sites]
        if unknown:
            raise InputError(
                f"{self.hosts_file}: no site {unknown[0]!r} in this inventory",
                hint=f"sites: {', '.join(self.sites)} (or `all`)",
            )
        return list(dict.fromkeys(names))

    def boxes(self, sites: Iterable[str] | None = None) -> list[Box]:
        """Every box of ``sites`` (default: all): each device, then its replacement."""
        chosen = set(self.sites if sites is None else sites)
        out: list[Box] = []
        for d in self.devices.values():
            if d.site not in chosen:
                continue
            r = d.replacement
            role: Role = "old" if r else "stays"
            out.append(
                Box(
                    d.name,
                    d.site,
                    d.platform,
                    d.address,
                    d.port,
                    d.model,
                    role,
                    r.hostname if r else None,
                )
            )
            if r is not None:
                out.append(
                    Box(r.hostname, d.site, r.platform, r.address, r.port, r.model, "new", d.name)
                )
        return out


@dataclass(frozen=True)
class Login:
    username: str
    password: str = field(repr=False)


def login(inventory: Inventory, environ: Mapping[str, str] | None = None) -> Login:
    """Credentials for every box: `CUTOVER_USERNAME` / `CUTOVER_PASSWORD`, else the ansible-vault
    file the inventory names (`cutover_credentials_file`, keys `username` and `password`), else,
    for a lab inventory only, the lab's own defaults."""
    env = os.environ if environ is None else environ
    username, password = env.get("CUTOVER_USERNAME"), env.get("CUTOVER_PASSWORD")
    if password is None and inventory.credentials_file is not None:
        found = load_secrets_file(inventory.credentials_file)
        username = username or found.get("username")
        password = found.get("password")
    if password is None and inventory.lab_file is not None:
        from orchestrator.lab.lab import Credentials

        lab = Credentials.from_env()
        username, password = username or lab.username, lab.password
    if password is None:
        raise InputError(
            f"{inventory.root}: no credentials for the devices",
            hint="set CUTOVER_USERNAME and CUTOVER_PASSWORD, or name an ansible-vault file "
            "with username/password in `cutover_credentials_file` (group_vars/all.yaml)",
        )
    return Login(username or "admin", password)


def load_inventory(path: Path) -> Inventory:
    """Read and check the inventory folder (or its `hosts.yaml`) at ``path``."""
    root = path if path.is_dir() else path.parent
    hosts_file: Path | None = path if path.is_file() else None
    for name in ("hosts.yaml", "hosts.yml"):
        if hosts_file is None and (root / name).is_file():
            hosts_file = root / name
    if hosts_file is None:
        raise InventoryError(
            f"{path}: no inventory here",
            hint="an inventory is a folder holding hosts.yaml (Ansible YAML format)",
        )
    groups = read_groups(hosts_file)
    if SITES_GROUP not in groups or not groups[SITES_GROUP].children:
        raise Origin(hosts_file, ("all",), 1).fail(
            "no sites", hint="put each site's group under `all.children.sites.children`"
        )
    return _build_inventory(root, hosts_file, groups)


def _build_inventory(root: Path, hosts_file: Path, groups: dict[str, Group]) -> Inventory:
    site_of: dict[str, str] = {}
    for site in groups[SITES_GROUP].children:
        for host, origin in hosts_under(site, groups).items():
            if site_of.get(host, site) != site:
                raise origin.fail(
                    f"device {host} is already in site {site_of[host]} (a duplicate device name)",
                    hint="every device sits in exactly one site",
                )
            site_of[host] = site
    listed = {h: o for g in groups.values() for h, o in g.hosts.items()}
    for host, origin in listed.items():
        if host not in site_of:
            raise origin.fail(f"device {host} is in no site", hint="list it under a site group")
    devices = {
        host: _device(host, site_of[host], host_vars(host, groups, root / "host_vars"), at, root)
        for host, at in listed.items()
    }
    _check_unique(devices, listed)
    sites = {
        name: Site(
            name,
            str(groups[name].vars.get("site_description", ("", None))[0] or ""),
            tuple(h for h in devices if site_of[h] == name),
        )
        for name in groups[SITES_GROUP].children
    }
    cred = groups["all"].vars.get("cutover_credentials_file")
    credentials = root / str(cred[0]) if cred and cred[0] else None
    lab_file = root / "lab.yaml"
    return Inventory(
        root, hosts_file, devices, sites, credentials, lab_file if lab_file.is_file() else None
    )


def _device(name: str, site: str, merged: dict[str, Valued], where: Origin, root: Path) -> Device:
    def get(var: str) -> Valued:
        return merged.get(var, (None, where.at(var)))

    for var, (value, origin) in merged.items():
        if var in CREDENTIAL_KEYS and not isinstance(value, Vaulted):
            raise origin.fail(
                "a credential in clear in the inventory",
                hint="use CUTOVER_USERNAME/CUTOVER_PASSWORD or an ansible-vault file",
            )
        if var in TEXT_KEYS and value is not None:
            _check_text(value, origin)
    if not hostname_ok(name):
        raise where.fail(f"device name {name!r} is not a plain hostname (letters, digits, . _ -)")
    platform = _platform(get("platform"), PLATFORMS, f"device {name}")
    address, port = _address(get("ansible_host"), get("ansible_port"), platform)
    replacement = None
    value, origin = get("replacement")
    if value is not None:
        replacement = _replacement(value, origin, platform, root)
    return Device(
        name,
        site,
        platform,
        address,
        port,
        model=str(get("model")[0] or ""),
        description=str(get("description")[0] or ""),
        replacement=replacement,
        vars={k: v for k, (v, _) in merged.items() if k not in CREDENTIAL_KEYS},
    )


def _replacement(value: object, origin: Origin, source: str, root: Path) -> Replacement:
    data = mapping(value, origin)

    def get(var: str) -> Valued:
        return data.get(var), origin.at(var)

    for var, item in data.items():
        where = get(var)[1]
        if var not in REPLACEMENT_KEYS:
            raise where.fail(
                "not a replacement key", hint=f"use {', '.join(sorted(REPLACEMENT_KEYS))}"
            )
        if var in TEXT_KEYS and item is not None:
            _check_text(item, where)
    hostname, where = get("hostname")
    if not isinstance(hostname, str) or not hostname_ok(hostname):
        raise where.fail(
            f"the new box needs a plain hostname (letters, digits, . _ -), got {hostname!r}"
        )
    platform = _platform(get("platform"), REPLACEMENT_PLATFORMS, f"the new box {hostname}")
    address, port = _address(get("ansible_host"), get("ansible_port"), platform)
    port_map: dict[str, str] = {}
    if data.get("port_map") is not None:
        port_map = read_port_map(data["port_map"], root, get("port_map")[1])
    model = str(data.get("model") or "")
    hardware = None
    if data.get("profile") is not None:
        hardware = check_profile(
            str(data["profile"]), platform, port_map, source, root, get("profile")[1]
        )
        model = model or hardware.model
    return Replacement(
        hostname, platform, address, port, model, hardware.model if hardware else None, port_map
    )


def _platform(item: Valued, known: Sequence[str], subject: str) -> str:
    value, origin = item
    if value is None:
        raise origin.fail(
            f"{subject} has no platform", hint=f"set `platform:` to one of: {', '.join(known)}"
        )
    if value not in known:
        raise origin.fail(f"unknown platform {value!r}", hint=f"use one of: {', '.join(known)}")
    return str(value)


def _address(host: Valued, port: Valued, platform: str) -> tuple[str, int]:
    value, origin = host
    if value is None and platform == MANUAL:
        value = ""
    elif not isinstance(value, str) or not address_ok(value):
        raise origin.fail(
            f"not a management address: {value!r}", hint="an IP address or a hostname"
        )
    number, where = port
    if number is None:
        number = 22
    if isinstance(number, bool) or not isinstance(number, int) or not 0 < number < 65536:
        raise where.fail(f"not a TCP port: {number!r}")
    return value, number


def _check_text(value: object, origin: Origin) -> None:
    if not isinstance(value, str) or not text_ok(value):
        raise origin.fail(
            f"{value!r} carries shell or template metacharacters",
            hint="use plain text: no ` $ ; | & < > \\ quotes, {{ }} or {% %}",
        )


def _check_unique(devices: Mapping[str, Device], where: Mapping[str, Origin]) -> None:
    names: dict[str, str] = {}
    addresses: dict[tuple[str, int], str] = {}
    for device in devices.values():
        origin = where[device.name]
        boxes = [(device.name, device.address, device.port, origin)]
        r = device.replacement
        if r is not None:
            boxes.append((r.hostname, r.address, r.port, origin.at("replacement", "hostname")))
        for name, address, port, at in boxes:
            if name in names or (name in devices and name != device.name):
                other = names.get(name, name)
                raise at.fail(f"{name} is already the name of {other} (a duplicate device name)")
            names[name] = name if name == device.name else f"{device.name}'s replacement"
            if address and (address, port) in addresses:
                owner = addresses[(address, port)]
                raise at.fail(
                    f"management address {address} port {port} is already {owner}'s",
                    hint="every box needs its own management address (or port)",
                )
            if address:
                addresses[(address, port)] = name


def text_ok(value: str) -> bool:
    """Whether a hostname-free text field is safe to put in a config line, a shell or a template.

    >>> text_ok("access switch, room 0.12"), text_ok("x; reload"), text_ok("{{ evil }}")
    (True, False, False)
    """
    return _METACHARS.search(value) is None


def hostname_ok(value: str) -> bool:
    """Whether ``value`` is a plain hostname: letters, digits, dots, underscores and dashes.

    >>> hostname_ok("a-wan1.site-a"), hostname_ok("a wan1"), hostname_ok("$(reboot)")
    (True, False, False)
    """
    return _HOSTNAME.fullmatch(value) is not None


def address_ok(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return all(hostname_ok(part) for part in value.split(".")) and bool(value)
    return True


def check_profile(
    name: str, platform: str, port_map: Mapping[str, str], source: str, root: Path, origin: Origin
) -> Profile:
    spec = str(root / name) if name.endswith((".yaml", ".yml")) else name
    try:
        hardware = profile(spec)
    except PortMapError as exc:
        raise origin.fail(exc.message, hint=exc.hint) from exc
    if hardware.platform != platform:
        raise origin.fail(
            f"the {hardware.model} is a {hardware.platform} box, not {platform}",
            hint="choose a profile of the replacement's platform (see `cutover profiles`)",
        )
    names = hardware.names()
    for src, dst in canonical_port_map(port_map, source, platform).items():
        if dst not in names:
            raise origin.fail(
                f"the port map sends {src} to {dst}, which the {hardware.model} does not have",
                hint=f"the {hardware.model}'s ports: {_ranges(hardware)}",
            )
    return hardware


def read_port_map(value: object, root: Path, origin: Origin) -> dict[str, str]:
    if isinstance(value, str):
        try:
            return load_port_map(root / value)
        except PortMapError as exc:
            raise origin.fail(exc.message, hint=exc.hint) from exc
    pairs = mapping(value, origin)
    for key, item in pairs.items():
        if not isinstance(item, str):
            raise origin.at(key).fail("a port map maps an old port name to a new port name")
    return {str(k): str(v) for k, v in pairs.items()}


def _ranges(hardware: Profile) -> str:
    names = [p.name for p in hardware.ports]
    return f"{names[0]} … {names[-1]}" + (f", {hardware.management}" if hardware.management else "")
