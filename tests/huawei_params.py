"""Parameter values in Huawei's command reference: what a `<name>` accepts (test support).

A parameter is one token. Its description (the page's `params`, cut at 300 characters by the
scraper) sometimes says more, and where it says so plainly the value is checked:
- an integer whose description gives only ranges must fall in one of them;
- an address described as dotted decimal (and not IPv6) must be an IPv4 address;
- interface types, names (`GE1/0/1`) and numbers (`1/0/1`) must look like VRP's;
- a description that says the value takes spaces (free text such as `description`) lets the
  parameter take the rest of the line.
Anything else accepts any token: a wrong value of another kind still matches (no over-fitting
to descriptions that differ from page to page).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable

from huawei_notation import Check, Param


def is_ipv4(token: str) -> bool:
    try:
        ipaddress.IPv4Address(token)
    except ValueError:
        return False
    return True


_ADDRESS_NAME = re.compile(r"ip|addr|mask|router-?id|next-?hop", re.IGNORECASE)
_NOT_IPV4_NAME = re.compile(r"ipv6|len|length|num|index|name|pool|type", re.IGNORECASE)
_RANGE = re.compile(r"from (-?\d+) to (-?\d+)")
#: an integer parameter described with another form too is not range-checked; a description
#: of the parts of a time or date ("HH specifies the hour, which is an integer ranging from 0
#: to 23. MM specifies the minute ...") describes an `HH:MM` value, not an integer
_OTHER_KINDS = re.compile(
    r"string|dotted|format|hexadecimal|x\.y|\bor (?:an? )?(?:ip|name|keyword)|"
    r"\b(?:hh|mm|ss|yyyy|dd) specifies"
)
_INTEGER = re.compile(r"-?\d+")
_FREE_TEXT = re.compile(r"(?:with |and )?spaces (?:are )?supported", re.IGNORECASE)


#: interface type words of VRP (lower case): what `<interface-type>` parameters take
INTERFACE_TYPES = frozenset(
    {
        "ge", "gigabitethernet", "10ge", "xgigabitethernet", "25ge", "40ge", "50ge", "100ge",
        "200ge", "400ge", "50|100ge", "ethernet", "eth-trunk", "ip-trunk", "vlanif", "vbdif",
        "loopback", "tunnel", "null", "meth", "nve", "pos", "serial", "virtual-template", "ve",
        "global-ve", "mp-group", "cpos", "e1", "t1", "atm", "trunk-serial", "flexe", "pw-ve",
        "cellular", "dialer", "ima-group", "pos-trunk", "cpos-trunk", "virtual-ethernet",
        "remote-ap", "gmpls-uni", "mtunnel", "vlanif-ex", "port-extension",
    }
)  # fmt: skip
_IF_TYPE = re.compile(r"(?:if|interface|port)[-_]?type", re.IGNORECASE)
_IF_NAME = re.compile(r"(?:if|interface|port)[-_]?name", re.IGNORECASE)
_IF_NUMBER = re.compile(r"(?:if|interface|port)[-_]?num", re.IGNORECASE)
_IF_SPELLING = re.compile(r"^(?P<type>\d*[A-Za-z][A-Za-z|-]*?)(?P<num>\d+(?:[/:.]\d+)*)$")
_NUMERIC_NAME = re.compile(r"^(\d+)(?:-(\d+))?$")
_NUMBERING = re.compile(r"^\d+(?:[/:.]\d+)*$")


def is_interface_name(token: str) -> bool:
    """`GE1/0/1`, `Eth-Trunk10`, `LoopBack0`: a known type word glued to its number."""
    match = _IF_SPELLING.match(token)
    return match is not None and match.group("type").lower() in INTERFACE_TYPES


def value_check(name: str, info: str) -> Check:
    """A check for the values of parameter ``name`` from its description, or None (any).

    >>> value_check("vlan-id", "The value is an integer ranging from 1 to 4094.")("4095")
    False
    >>> value_check("mask", "The value is in dotted decimal notation.")("24")
    False
    >>> value_check("description", "A string of 1 to 242 characters.") is None
    True
    >>> value_check("interface-type", "")("tunneq"), value_check("ifName", "")("10GE1/0/1")
    (False, True)
    >>> hhmm = "HH specifies the hour, which is an integer ranging from 0 to 23. MM specifies "
    >>> value_check("start-time", hhmm + "the minute, an integer ranging from 0 to 59.") is None
    True

    """
    low = info.lower()
    literal = _NUMERIC_NAME.match(name)
    if literal:  # `{ icmp | <1> }`, `<7-16>`: the number, or a number in the range
        lo, hi = int(literal.group(1)), int(literal.group(2) or literal.group(1))
        return lambda tok: tok.isdigit() and lo <= int(tok) <= hi
    if _IF_TYPE.search(name):
        return lambda tok: tok.lower() in INTERFACE_TYPES
    if _IF_NAME.search(name):
        return is_interface_name
    if _IF_NUMBER.search(name):
        return lambda tok: bool(_NUMBERING.match(tok))
    if (
        _ADDRESS_NAME.search(name)
        and not _NOT_IPV4_NAME.search(name)
        and "dotted decimal" in low
        and "ipv6" not in low
        and "x:x" not in low
    ):
        return is_ipv4
    if "is an integer" in low and not _OTHER_KINDS.search(low):
        ranges = [(int(a), int(b)) for a, b in _RANGE.findall(info)]
        if ranges:
            return lambda tok: (
                bool(_INTEGER.fullmatch(tok)) and any(a <= int(tok) <= b for a, b in ranges)
            )
    return None


def is_free_text(info: str) -> bool:
    """A parameter that takes spaces without quotes (`description`, banners)."""
    return any(
        _FREE_TEXT.search(sentence) and "quot" not in sentence and " not " not in sentence
        for sentence in info.split(".")
    )


def _param_name(entry_name: str) -> str:
    inner = re.search(r"<([^<>]+)>", entry_name)
    return (
        inner.group(1) if inner else entry_name.split()[-1] if entry_name.split() else ""
    ).lower()


def param_factory(params: Iterable[dict[str, str]]) -> dict[str, Param]:
    """Parameter nodes by (lower-case) name, with value checks from the descriptions."""
    out: dict[str, Param] = {}
    for entry in params:
        name, info = _param_name(entry.get("name", "")), entry.get("info", "")
        if name and name not in out:
            out[name] = Param(name, value_check(name, info), is_free_text(info))
    return out
