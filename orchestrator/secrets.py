"""Secrets found in configs: decode what can be decoded, ask for what cannot, never show any.

Translation replaces every secret in the target config with a reference (`{{secret:KEY}}`).
The clear text is looked up only when a config is pushed to a device (`resolve_references`): from
the environment (`CUTOVER_SECRET_<KEY>`), from a secrets file (YAML, optionally encrypted with
ansible-vault), or, for reversible forms (Cisco type 7, Junos $9$, clear text in the source),
from the source secret itself.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from orchestrator.errors import InputError
from orchestrator.model import HASHED_SECRET_KINDS, Secret

_CISCO7_KEY = "dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87"


def decode_cisco7(encoded: str) -> str:
    """Reverse Cisco's type 7 obfuscation.

    >>> decode_cisco7("0822455D0A16")
    'cisco'
    """
    if len(encoded) < 4 or len(encoded) % 2 or not re.fullmatch(r"[0-9A-Fa-f]+", encoded):
        raise ValueError("not a type 7 string")
    seed = int(encoded[:2])
    out = []
    for i in range(2, len(encoded), 2):
        byte = int(encoded[i : i + 2], 16)
        out.append(chr(byte ^ ord(_CISCO7_KEY[(seed + i // 2 - 1) % len(_CISCO7_KEY)])))
    return "".join(out)


_JUNOS9_FAMILY = [
    "QzF3n6/9CAtpu0O",
    "B1IREhcSyrleKvMW8LXx",
    "7N-dVbwsY2g4oaJZGUDj",
    "iHkq.mPf5T",
]
_JUNOS9_EXTRA = {c: 3 - i for i, fam in enumerate(_JUNOS9_FAMILY) for c in fam}
_JUNOS9_ALPHA = "".join(_JUNOS9_FAMILY)
_JUNOS9_NUM = {c: i for i, c in enumerate(_JUNOS9_ALPHA)}
_JUNOS9_ENCODING = [
    [1, 4, 32],
    [1, 16, 32],
    [1, 8, 32],
    [1, 64],
    [1, 32],
    [1, 4, 16, 128],
    [1, 32, 64],
]


def decode_junos9(encoded: str) -> str:
    """Reverse Junos's `$9$` obfuscation.

    >>> decode_junos9("$9$LbHX-wg4Z")
    'lc'
    """
    if not encoded.startswith("$9$"):
        raise ValueError("not a $9$ string")
    chars = list(encoded[3:])
    first = chars.pop(0)
    del chars[: _JUNOS9_EXTRA[first]]
    prev = first
    out: list[str] = []
    while chars:
        decode = _JUNOS9_ENCODING[len(out) % len(_JUNOS9_ENCODING)]
        nibble = [chars.pop(0) for _ in range(len(decode))]
        gaps: list[int] = []
        for c in nibble:
            gap = (_JUNOS9_NUM[c] - _JUNOS9_NUM[prev]) % len(_JUNOS9_ALPHA) - 1
            gaps.append(gap)
            prev = c
        out.append(chr(sum(g * d for g, d in zip(gaps, decode, strict=True))))
    return "".join(out)


def clear_text(secret: Secret) -> str | None:
    """The clear text of a reversible secret, or None for a hash or a reference."""
    try:
        if secret.kind == "plain":
            return secret.value
        if secret.kind == "cisco7":
            return decode_cisco7(secret.value)
        if secret.kind == "junos9":
            return decode_junos9(secret.value)
    except (ValueError, KeyError, IndexError):
        return None
    return None


def env_name(key: str) -> str:
    """The environment variable that supplies the secret ``key``.

    >>> env_name("system.users.admin.secret")
    'CUTOVER_SECRET_SYSTEM_USERS_ADMIN_SECRET'
    """
    return "CUTOVER_SECRET_" + re.sub(r"[^A-Za-z0-9]+", "_", key).upper().strip("_")


@dataclass(frozen=True)
class SecretRef:
    """One secret of a translated config: where it came from and how it will be filled in."""

    key: str
    source_kind: str
    source_lines: tuple[int, ...]
    rekey: bool  # a hash: the clear text must be supplied by the user

    @property
    def env(self) -> str:
        return env_name(self.key)


def needs_rekey(secret: Secret) -> bool:
    return secret.kind in HASHED_SECRET_KINDS or clear_text(secret) is None


_REFERENCE = re.compile(r"\{\{secret:([A-Za-z0-9._-]+)\}\}")


def resolve_references(
    text: str,
    originals: Mapping[str, Secret],
    *,
    supplied: Mapping[str, str] | None = None,
    environ: Mapping[str, str] | None = None,
) -> str:
    """Replace each `{{secret:KEY}}` in ``text`` with its clear text, for pushing to a device.

    Lookup order: ``supplied`` (a secrets file), the environment, then the source secret when it
    is reversible. A reference that cannot be filled is an `InputError` naming the variable.
    """
    env = os.environ if environ is None else environ
    given = supplied or {}
    missing: list[str] = []

    def fill(match: re.Match[str]) -> str:
        key = match.group(1)
        if key in given:
            return given[key]
        if env_name(key) in env:
            return env[env_name(key)]
        original = originals.get(key)
        value = clear_text(original) if original is not None else None
        if value is None:
            missing.append(key)
            return match.group(0)
        return value

    out = _REFERENCE.sub(fill, text)
    if missing:
        names = ", ".join(env_name(k) for k in missing)
        raise InputError(
            f"{len(missing)} secret(s) cannot be recovered from the source config (one-way hashes)",
            hint=f"set {names} in the environment or in the secrets file",
        )
    return out


VAULT_HEADER = b"$ANSIBLE_VAULT;"


def load_secrets_file(path: Path, *, vault_password: str | None = None) -> dict[str, str]:
    """Secret values by key from a YAML mapping, plain or encrypted with ansible-vault.

    The vault password comes from ``vault_password``, else `$CUTOVER_VAULT_PASSWORD`, else the
    file named by `$CUTOVER_VAULT_PASSWORD_FILE` (the same file `ansible-vault` would use).
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the secrets file ({exc.strerror})") from exc
    if data.startswith(VAULT_HEADER):
        data = _decrypt_vault(path, data, vault_password)
    try:
        loaded = yaml.safe_load(data.decode("utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: the secrets file is not a YAML mapping ({exc})") from exc
    if not isinstance(loaded, dict) or not all(
        isinstance(k, str) and isinstance(v, (str, int)) for k, v in loaded.items()
    ):
        raise InputError(
            f"{path}: the secrets file must map secret keys to values",
            hint="e.g. `system.enable_secret: <value>` (keys as `cutover translate` lists them)",
        )
    return {k: str(v) for k, v in loaded.items()}


def _decrypt_vault(path: Path, data: bytes, password: str | None) -> bytes:
    from ansible.constants import DEFAULT_VAULT_ID_MATCH
    from ansible.parsing.vault import AnsibleVaultError, VaultLib, VaultSecret

    if password is None:
        password = os.environ.get("CUTOVER_VAULT_PASSWORD")
    if password is None and os.environ.get("CUTOVER_VAULT_PASSWORD_FILE"):
        password_file = Path(os.environ["CUTOVER_VAULT_PASSWORD_FILE"])
        try:
            password = password_file.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise InputError(f"{password_file}: cannot read the vault password file") from exc
    if password is None:
        raise InputError(
            f"{path} is encrypted with ansible-vault and no vault password was given",
            hint="set CUTOVER_VAULT_PASSWORD or CUTOVER_VAULT_PASSWORD_FILE",
        )
    vault = VaultLib([(DEFAULT_VAULT_ID_MATCH, VaultSecret(password.encode("utf-8")))])
    try:
        plain: bytes = vault.decrypt(data)
    except AnsibleVaultError as exc:
        raise InputError(
            f"{path}: the vault password does not open this file",
            hint="check CUTOVER_VAULT_PASSWORD / CUTOVER_VAULT_PASSWORD_FILE",
        ) from exc
    return plain


def missing_secrets(
    refs: Sequence[SecretRef],
    supplied: Mapping[str, str] | None = None,
    environ: Mapping[str, str] | None = None,
) -> list[SecretRef]:
    """The re-key secrets that neither the secrets file nor the environment supplies."""
    env = os.environ if environ is None else environ
    given = supplied or {}
    return [r for r in refs if r.rekey and r.key not in given and r.env not in env]
