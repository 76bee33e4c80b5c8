"""Secrets: decoding reversible forms, references, and never showing a secret in clear."""

from __future__ import annotations

from pathlib import Path

import pytest

from orchestrator.errors import InputError
from orchestrator.model import Secret
from orchestrator.secrets import (
    SecretRef,
    decode_cisco7,
    decode_junos9,
    env_name,
    load_secrets_file,
    missing_secrets,
    resolve_references,
)


def test_cisco_type7_known_vectors() -> None:
    # vectors from Cisco's own documentation and widely published examples
    assert decode_cisco7("0822455D0A16") == "cisco"
    assert decode_cisco7("02050D480809") == "cisco"
    assert decode_cisco7("045802150C2E") == "cisco"


def test_junos9_published_vector() -> None:
    # the example in the documentation of Crypt::Juniper (CPAN)
    assert decode_junos9("$9$LbHX-wg4Z") == "lc"


def _encode_junos9(plain: str, salt: str = "d", rand: str = "xyz") -> str:
    """Reference encoder (the algorithm published with Juniper's $9$ format) for round trips."""
    from orchestrator import secrets as s

    alpha = s._JUNOS9_ALPHA
    num = s._JUNOS9_NUM
    out = "$9$" + salt + rand[: s._JUNOS9_EXTRA[salt]]
    prev = salt  # the random characters after the salt play no part in the chain
    for i, ch in enumerate(plain):
        enc = s._JUNOS9_ENCODING[i % len(s._JUNOS9_ENCODING)]
        value = ord(ch)
        gaps: list[int] = []
        for d in reversed(enc):
            gaps.insert(0, value // d)
            value %= d
        for gap in gaps:
            c = alpha[(num[prev] + gap + 1) % len(alpha)]
            out += c
            prev = c
    return out


@pytest.mark.parametrize("plain", ["lab123", "Juniper!", "a", "long secret with spaces"])
def test_junos9_round_trip(plain: str) -> None:
    assert decode_junos9(_encode_junos9(plain)) == plain


def test_env_names_are_shell_safe() -> None:
    assert env_name("system.users.admin.secret") == "CUTOVER_SECRET_SYSTEM_USERS_ADMIN_SECRET"
    assert env_name("bgp.neighbors.10.0.0.1.password") == (
        "CUTOVER_SECRET_BGP_NEIGHBORS_10_0_0_1_PASSWORD"
    )


def test_references_resolve_from_supplied_env_and_source_in_that_order() -> None:
    text = "a {{secret:k1}} b {{secret:k2}} c {{secret:k3}}\n"
    originals = {
        "k1": Secret("cisco7", "0822455D0A16"),
        "k2": Secret("cisco5", "$1$x$y"),
        "k3": Secret("plain", "p3"),
    }
    out = resolve_references(
        text,
        originals,
        supplied={"k3": "given"},
        environ={"CUTOVER_SECRET_K2": "from-env"},
    )
    assert out == "a cisco b from-env c given\n"


def test_a_hash_with_no_supplied_value_names_the_variable() -> None:
    with pytest.raises(InputError, match="CUTOVER_SECRET_K2"):
        resolve_references("{{secret:k2}}", {"k2": Secret("cisco5", "$1$x$y")}, environ={})


def test_secret_repr_and_str_never_show_the_value() -> None:
    secret = Secret("plain", "hunter2")
    assert "hunter2" not in repr(secret)
    assert "hunter2" not in str(secret)
    assert "hunter2" not in f"{secret}"


def test_secrets_file_plain_and_vault(tmp_path: Path) -> None:
    from ansible.constants import DEFAULT_VAULT_ID_MATCH
    from ansible.parsing.vault import VaultLib, VaultSecret

    plain = tmp_path / "secrets.yaml"
    plain.write_text("system.enable_secret: S3cret!\nbgp.neighbors.10.0.0.1.password: 42\n")
    assert load_secrets_file(plain) == {
        "system.enable_secret": "S3cret!",
        "bgp.neighbors.10.0.0.1.password": "42",
    }
    vault = VaultLib([(DEFAULT_VAULT_ID_MATCH, VaultSecret(b"correct horse"))])
    locked = tmp_path / "secrets.vault"
    locked.write_bytes(vault.encrypt(plain.read_bytes()))
    assert b"S3cret" not in locked.read_bytes()
    assert load_secrets_file(locked, vault_password="correct horse")["system.enable_secret"] == (
        "S3cret!"
    )
    with pytest.raises(InputError, match="vault password does not open"):
        load_secrets_file(locked, vault_password="wrong")


def test_a_vault_file_without_a_password_says_how_to_give_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CUTOVER_VAULT_PASSWORD", raising=False)
    monkeypatch.delenv("CUTOVER_VAULT_PASSWORD_FILE", raising=False)
    locked = tmp_path / "s.vault"
    locked.write_bytes(b"$ANSIBLE_VAULT;1.1;AES256\n6162\n")
    with pytest.raises(InputError, match="CUTOVER_VAULT_PASSWORD"):
        load_secrets_file(locked)


def test_missing_secrets_are_the_unsupplied_hashes() -> None:
    refs = [
        SecretRef("a", "cisco5", (1,), rekey=True),
        SecretRef("b", "cisco5", (2,), rekey=True),
        SecretRef("c", "cisco7", (3,), rekey=False),
    ]
    missing = missing_secrets(refs, {"a": "x"}, environ={})
    assert [r.key for r in missing] == ["b"]
    assert missing_secrets(refs, {"a": "x"}, environ={"CUTOVER_SECRET_B": "y"}) == []
