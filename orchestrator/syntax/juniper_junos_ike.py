"""SRX IKE (`security ike`) and the collection of every IKE/IPsec object, for
`juniper_junos_ipsec` to settle once the file is read.

Junos names every piece and wires them by name: an IKE *proposal* (phase 1 algorithms), an IKE
*policy* (proposals, mode, pre-shared key) and a *gateway* (peer address, external interface,
the policy). In the model:

* every IKE proposal becomes an `IkePolicy`, numbered 1, 2, ... in the order the file
  defines them (predefined `proposal-set` members after the custom ones); the targets number
  their proposals too;
* every gateway becomes an `IkeProfile` of the same name, offering the proposals of its IKE
  policy (`IkeProfile.proposals`), with a `Keyring` of the same name holding the policy's
  pre-shared key for the peer address. An IKE policy no gateway uses configures nothing.

The Junos default IKE SA lifetime (28800 s) is written out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from ipaddress import ip_address

from orchestrator.model import (
    IkeIdentity,
    IkePolicy,
    IkeProfile,
    Keyring,
    PreSharedKey,
    Secret,
)
from orchestrator.syntax.juniper_junos_index import claim_line, junos, secret_kind
from orchestrator.syntax.juniper_junos_text import Stmt, unquote, values
from orchestrator.syntax.rules import Ctx
from orchestrator.syntax.text import Line

IKE_LIFETIME = 28800  # Junos default IKE SA lifetime, seconds

IKE_ENCRYPTION = {
    "des-cbc": "des",
    "3des-cbc": "3des",
    "aes-128-cbc": "aes-128",
    "aes-192-cbc": "aes-192",
    "aes-256-cbc": "aes-256",
}
IKE_HASH = {"md5": "md5", "sha1": "sha1", "sha-256": "sha256", "sha-384": "sha384"}
IKE_METHOD = {"pre-shared-keys": "pre-share", "rsa-signatures": "rsa-sig"}
#: Junos predefined IKE proposal sets: (member name, encryption, hash, DH group), all with
#: pre-shared keys and the default lifetime
IKE_SETS: dict[str, list[tuple[str, str, str, int]]] = {
    "basic": [("pre-g1-des-sha", "des", "sha1", 1), ("pre-g1-des-md5", "des", "md5", 1)],
    "compatible": [
        ("pre-g2-3des-sha", "3des", "sha1", 2),
        ("pre-g2-3des-md5", "3des", "md5", 2),
        ("pre-g2-des-sha", "des", "sha1", 2),
        ("pre-g2-des-md5", "des", "md5", 2),
    ],
    "standard": [
        ("pre-g2-aes128-sha", "aes-128", "sha1", 2),
        ("pre-g2-3des-sha", "3des", "sha1", 2),
    ],
}


@dataclass
class Part:
    """One named Junos object as written: its settings with the line of each, its headers."""

    values: dict[str, tuple[str, int]] = field(default_factory=dict)
    lines: list[int] = field(default_factory=list)
    headers: list[int] = field(default_factory=list)
    bad: str | None = None

    def get(self, key: str) -> str | None:
        found = self.values.get(key)
        return found[0] if found else None

    def line(self, key: str) -> int:
        found = self.values.get(key)
        return found[1] if found else (self.lines[0] if self.lines else 0)


#: what each object kind accepts: setting keyword → how many words its value has (-1: rest)
_KEYS: dict[str, dict[str, int]] = {
    "ike proposal": {
        "authentication-method": 1,
        "dh-group": 1,
        "authentication-algorithm": 1,
        "encryption-algorithm": 1,
        "lifetime-seconds": 1,
        "description": -1,
    },
    "ike policy": {
        "mode": 1,
        "proposals": -1,
        "proposal-set": 1,
        "pre-shared-key ascii-text": 1,
        "description": -1,
    },
    "ike gateway": {
        "ike-policy": 1,
        "address": -1,
        "external-interface": 1,
        "local-address": 1,
        "version": 1,
        "dead-peer-detection interval": 1,
        "dead-peer-detection threshold": 1,
        "dead-peer-detection": 0,
        "dead-peer-detection optimized": 0,
    },
    "ipsec proposal": {
        "protocol": 1,
        "authentication-algorithm": 1,
        "encryption-algorithm": 1,
        "lifetime-seconds": 1,
        "description": -1,
    },
    "ipsec policy": {
        "perfect-forward-secrecy keys": 1,
        "proposals": -1,
        "proposal-set": 1,
        "description": -1,
    },
    "ipsec vpn": {
        "bind-interface": 1,
        "ike gateway": 1,
        "ike ipsec-policy": 1,
    },
}
_IGNORED = {
    "description": "descriptions of IKE/IPsec objects have no counterpart on the targets",
}


def h_ipsec(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    kind = f"{m.group(1)} {m.group(2)}"
    name, rest = unquote(m.group(3)), m.group(4) or ""
    parts: dict[str, Part] = junos(ctx).bucket(kind)
    part = parts.setdefault(name, Part())
    part.lines.append(line.n)
    header = stmt.opener(4)
    if header is not None and header.n not in part.headers:
        part.headers.append(header.n)
    if not rest:
        return
    for key, count in sorted(_KEYS[kind].items(), key=lambda kv: -len(kv[0])):
        if rest == key and count == 0:
            part.values[key] = ("", line.n)
            return
        if count and rest.startswith(key + " "):
            value = rest[len(key) + 1 :]
            if count == 1 and len(value.split()) != 1:
                break
            if key == "description":
                part.lines.remove(line.n)
                ctx.report.ignored(line, _IGNORED[key])
                return
            part.values[key] = (value, line.n)
            if key == "pre-shared-key ascii-text":
                part.values[key] = ("", line.n)
                junos(ctx).bucket("ike psk")[name] = ctx.secret(
                    line, secret_kind(unquote(value)), unquote(value)
                )
            return
    part.lines.remove(line.n)
    ctx.report.unsupported(line, f"`{rest}` of {kind} {name} is not translated")
    if part.bad is None:
        part.bad = f"`{rest}` (line {line.n}) is not translated"


# --- settling --------------------------------------------------------------------------------


def finish_ike(ctx: Ctx) -> None:
    """IKE proposals, policies and gateways → `IkePolicy`, `IkeProfile`, `Keyring`."""
    state = junos(ctx)
    numbers = _ike_proposals(ctx)
    ike_policies: dict[str, Part] = state.bucket("ike policy")
    policy_numbers = {
        name: _ike_policy(ctx, name, part, numbers) for name, part in ike_policies.items()
    }
    used: set[str] = set()
    for name, part in state.bucket("ike gateway").items():
        try:
            _gateway(ctx, name, part, ike_policies, policy_numbers, used)
        except ValueError as exc:
            ctx.config.security.ike_profiles.pop(name, None)
            ctx.config.security.keyrings.pop(name, None)
            fail(ctx, part, f"IKE gateway {name}: a value is not understood ({exc})")
            junos(ctx).bucket("bad gateways")[name] = str(exc)
    for name, part in ike_policies.items():
        if name not in used and not part.bad:
            for n in part.lines + part.headers:
                ctx.report.ignored(n, f"IKE policy {name} is used by no gateway")


def fail(ctx: Ctx, part: Part, reason: str) -> None:
    """Every line of ``part`` is unsupported for ``reason``."""
    for n in part.lines + part.headers:
        ctx.report.unsupported(n, reason)


def _ike_proposals(ctx: Ctx) -> dict[str, int]:
    """Custom IKE proposals as numbered `IkePolicy` entries; name → number."""
    security = ctx.config.security
    numbers: dict[str, int] = {}
    for name, part in junos(ctx).bucket("ike proposal").items():
        if part.bad:
            fail(ctx, part, f"IKE proposal {name}: {part.bad}")
            continue
        try:
            policy = IkePolicy(
                priority=len(security.ike_policies) + 1,
                encryption=IKE_ENCRYPTION[part.get("encryption-algorithm") or ""],
                hash=IKE_HASH[part.get("authentication-algorithm") or ""],
                authentication=IKE_METHOD[part.get("authentication-method") or ""],
                group=int((part.get("dh-group") or "").removeprefix("group")),
                lifetime=int(part.get("lifetime-seconds") or IKE_LIFETIME),
            )
        except (KeyError, ValueError):
            fail(
                ctx,
                part,
                f"IKE proposal {name}: an algorithm the targets do not share, or one left to "
                "a Junos default (encryption, authentication algorithm and method, DH group "
                "must be written)",
            )
            continue
        _place(ctx, policy, part, name)
        numbers[name] = policy.priority
    return numbers


def _place(ctx: Ctx, policy: IkePolicy, part: Part, name: str) -> None:
    security = ctx.config.security
    security.ike_policies[policy.priority] = policy
    for key, model in (
        ("encryption-algorithm", "encryption"),
        ("authentication-algorithm", "hash"),
        ("authentication-method", "authentication"),
        ("dh-group", "group"),
        ("lifetime-seconds", "lifetime"),
    ):
        if key in part.values:
            policy.at(part.line(key), model)
    for n in part.lines:
        policy.at(n)
        security.at(n, "ike_policies")
    for n in part.headers:
        claim_line(ctx, n, policy)
    if "lifetime-seconds" not in part.values:
        policy.at(part.lines[0] if part.lines else 0, "lifetime")


def _ike_policy(ctx: Ctx, name: str, part: Part, numbers: dict[str, int]) -> list[int]:
    """The proposal numbers an IKE policy offers (predefined sets made on first use)."""
    security = ctx.config.security
    chosen: list[int] = []
    if part.get("proposals") is not None:
        for proposal in values(part.get("proposals") or ""):
            if proposal not in numbers:
                part.bad = part.bad or f"proposal {proposal} is not translated or not defined"
            else:
                chosen.append(numbers[proposal])
    set_name = part.get("proposal-set")
    if set_name is not None:
        if set_name not in IKE_SETS:
            part.bad = part.bad or f"proposal set {set_name} is not known to cutover"
        for member, encryption, hash_, group in IKE_SETS.get(set_name, []):
            if member not in numbers:
                policy = IkePolicy(
                    priority=len(security.ike_policies) + 1,
                    encryption=encryption,
                    hash=hash_,
                    authentication="pre-share",
                    group=group,
                    lifetime=IKE_LIFETIME,
                )
                numbers[member] = policy.priority
                security.ike_policies[policy.priority] = policy
            found = security.ike_policies[numbers[member]]
            found.at(part.line("proposal-set"), "", "encryption", "hash", "authentication")
            found.at(part.line("proposal-set"), "group", "lifetime")
            security.at(part.line("proposal-set"), "ike_policies")
            chosen.append(numbers[member])
    if part.bad:
        fail(ctx, part, f"IKE policy {name}: {part.bad}")
    return chosen


def _gateway(
    ctx: Ctx,
    name: str,
    part: Part,
    policies: dict[str, Part],
    numbers: dict[str, list[int]],
    used: set[str],
) -> None:
    security = ctx.config.security
    policy_name = part.get("ike-policy") or ""
    policy = policies.get(policy_name)
    addresses = values(part.get("address") or "")
    if part.bad is None and (policy is None or policy.bad):
        part.bad = f"its IKE policy {policy_name or '(none)'} is not translated"
    if part.bad is None and (len(addresses) != 1 or not _is_address(addresses[0])):
        part.bad = "one peer IP address is translated (no names, backup or dynamic peers)"
    if part.bad is not None or policy is None:
        fail(ctx, part, f"IKE gateway {name}: {part.bad}")
        junos(ctx).bucket("bad gateways")[name] = part.bad
        return
    used.add(policy_name)
    profile = IkeProfile(name=name, proposals=list(numbers[policy_name]))
    profile.identities.append(IkeIdentity(address=addresses[0]))
    profile.identities[0].at(part.line("address"))
    profile.at(part.line("address"), "identities")
    # every proposal comes from the gateway's policy and the policy's list of proposals
    sources = [part.line("ike-policy")]
    sources += [policy.line(key) for key in ("proposals", "proposal-set") if key in policy.values]
    for number in profile.proposals:
        for n in sources:
            profile.at_item(n, "proposals", number)
    for n in sources:
        profile.at(n, "proposals")
    mode = policy.get("mode")
    if mode == "aggressive":
        profile.exchange_mode = "aggressive"
        profile.at(policy.line("mode"), "exchange_mode")
    elif mode == "main":
        ctx.report.parsed(policy.line("mode"))
        profile.at(policy.line("mode"))
    psk_key: Secret | None = junos(ctx).bucket("ike psk").get(policy_name)
    if psk_key is not None:
        keyring = Keyring(name=name)
        psk = PreSharedKey(address=addresses[0], key=psk_key)
        psk.at(policy.line("pre-shared-key ascii-text"))
        psk.at(part.line("address"))
        keyring.pre_shared_keys.append(psk)
        keyring.at(policy.line("pre-shared-key ascii-text"), "pre_shared_keys")
        keyring.at(part.line("ike-policy"))
        security.keyrings[name] = keyring
        security.at(part.line("ike-policy"), "keyrings")
        profile.keyring = name
        profile.at(part.line("ike-policy"), "keyring")
    _gateway_options(ctx, part, profile)
    for n in part.lines:
        profile.at(n)
        security.at(n, "ike_profiles")
    for n in part.headers:
        claim_line(ctx, n, profile)
    for n in policy.lines + policy.headers:
        profile.at(n)
        if n in policy.headers:
            claim_line(ctx, n, profile)
    security.ike_profiles[name] = profile


def _is_address(text: str) -> bool:
    try:
        ip_address(text)
    except ValueError:
        return False
    return True


def _gateway_options(ctx: Ctx, part: Part, profile: IkeProfile) -> None:
    idx = junos(ctx).index
    external = part.get("external-interface")
    if external is not None:
        profile.local_interface = idx.ifname(external)
        profile.at(part.line("external-interface"), "local_interface")
    local = part.get("local-address")
    if local is not None:
        profile.local_address = local
        profile.at(part.line("local-address"), "local_address")
    version = part.get("version")
    if version is not None:
        profile.version = 2 if version == "v2-only" else 1
        profile.at(part.line("version"), "version")
    dpd = [k for k in part.values if k.startswith("dead-peer-detection")]
    if dpd:
        # Junos probes every `interval` seconds (default 10) and gives up after `threshold`
        # unanswered probes (default 5); retries go out at the same interval
        interval = int(part.get("dead-peer-detection interval") or 10)
        profile.keepalive = (interval, interval)
        profile.dpd_retries = int(part.get("dead-peer-detection threshold") or 5)
        for k in dpd:
            profile.at(part.line(k), "keepalive", "dpd_retries")
