"""Reading config files: encodings, binary files, capture debris, line numbering."""

from __future__ import annotations

import pytest

from orchestrator.errors import ParseError
from orchestrator.syntax.text import build_tree, decode_config, split_lines


def test_crlf_and_lf_read_the_same() -> None:
    assert decode_config(b"hostname R1\r\ninterface Gi0/1\r\n").text == (
        "hostname R1\ninterface Gi0/1\n"
    )


def test_empty_file_is_refused_with_its_name() -> None:
    with pytest.raises(ParseError, match=r"cfg/empty.cfg: the file is empty"):
        decode_config(b"  \n\n", path="cfg/empty.cfg")


def test_binary_file_is_refused() -> None:
    data = bytes(range(256)) * 20
    with pytest.raises(ParseError, match="binary file"):
        decode_config(data, path="image.bin")


def test_gbk_comment_is_read_with_a_warning_naming_the_line() -> None:
    data = b"sysname HX-SW01\n#\n" + "# 核心交换机\n".encode("gbk") + b"vlan 10\n"
    decoded = decode_config(data, path="sw.cfg")
    assert "核心交换机" in decoded.text
    assert decoded.warnings == ["sw.cfg:3: not UTF-8; read as GBK (Chinese) text"]


def test_bytes_in_no_known_encoding_are_refused_naming_line_and_column() -> None:
    data = b"hostname R1\ninterface Gi0/1\n description caf\xff\xfe\n"
    with pytest.raises(ParseError) as info:
        decode_config(data, path="bad.cfg")
    assert info.value.line == 3
    assert "bad.cfg:3:" in str(info.value)
    assert "0xff at column 17" in str(info.value)
    assert info.value.exit_code == 2


def test_pager_remnants_and_ansi_codes_are_removed() -> None:
    lines = split_lines(
        " --More-- \x08\x08\x08\x08\x08\x08\x08\x08\x08 ip address 1.1.1.1 "
        "255.0.0.0\n\x1b[32mhostname R1\x1b[0m\n"
    )
    assert [line.text for line in lines] == ["ip address 1.1.1.1 255.0.0.0", "hostname R1"]


def test_tree_follows_indentation_and_keeps_line_numbers() -> None:
    lines = split_lines("interface Gi0/1\n description x\n  nested\nhostname R1\n")
    roots = build_tree(lines)
    assert [(r.n, r.text) for r in roots] == [(1, "interface Gi0/1"), (4, "hostname R1")]
    assert [c.n for c in roots[0].children] == [2]
    assert [c.n for c in roots[0].children[0].children] == [3]
