"""One CLI session on an emulated box: modes, views, prompts and commands, without the wire.

`Persona` is what differs between operating systems, declared as class attributes and a few
override points (the aerleon habit): prompts, the words that enter and leave configuration,
the lines that open a view, the error texts, the exec commands. `Session` is the engine every
persona shares: it takes one entered line and answers with the text the box prints. The
terminal (`lab/terminal.py`) adds echo, line editing and paging; the SSH server carries bytes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import ClassVar, Literal, Protocol

from orchestrator.lab.configtree import Block, ConfigTree
from orchestrator.lab.device import LabDevice
from orchestrator.lab.state import LabState
from orchestrator.syntax import get_platform

Handler = Callable[["Session", re.Match[str]], str]
Answer = Callable[["Session", str], str]


class LabContext(Protocol):
    """What a session may ask of the lab it runs in."""

    @property
    def state(self) -> LabState:
        """What the box sees of the network."""
        ...

    def schedule(self, seconds: float, action: Callable[[], None]) -> Callable[[], None]:
        """Run ``action`` after ``seconds`` on the lab's loop; returns a cancel function."""
        ...

    def changed(self, device: LabDevice) -> None:
        """A box's running config changed: the topology recomputes what depends on it."""
        ...


@dataclass(frozen=True)
class Command:
    """An exec command: a case-insensitive full-match pattern and what answers it."""

    pattern: re.Pattern[str]
    handler: Handler


def command(pattern: str, handler: Handler) -> Command:
    return Command(re.compile(pattern, re.IGNORECASE), handler)


@dataclass(frozen=True)
class Section:
    """A config line that opens a view: ``kind`` names the view, ``prompt`` is its prompt
    part (`str.format` with the match groups, ``{0}`` the whole line), ``parents`` the view
    kinds it may be entered from (``""`` is the top configuration level)."""

    pattern: re.Pattern[str]
    kind: str
    prompt: str
    parents: tuple[str, ...] = ("",)


def section(pattern: str, kind: str, prompt: str, parents: tuple[str, ...] = ("",)) -> Section:
    return Section(re.compile(pattern, re.IGNORECASE), kind, prompt, parents)


@dataclass
class View:
    kind: str  # "" the top configuration level
    path: tuple[str, ...]  # header lines from the top of the config tree
    prompt: str  # the view's part of the prompt, e.g. "config-if" or "GigabitEthernet0/0/1"


class Persona:
    """An operating system as its CLI behaves. Subclasses set the class attributes and add
    exec commands in `exec_commands`."""

    #: the netutils platform name; the config is read by `orchestrator.syntax` of this name
    platform: ClassVar[str] = ""
    #: words (lowercase, whole line) that enter configuration mode from exec mode
    config_enter: ClassVar[tuple[str, ...]] = ("configure terminal",)
    #: words that leave configuration mode back to exec mode from any view
    config_end: ClassVar[tuple[str, ...]] = ("end",)
    #: words that go up one view (from the top configuration level: back to exec mode)
    config_up: ClassVar[tuple[str, ...]] = ("exit",)
    #: the negation word: `no` (Cisco, ZTE) or `undo` (Huawei, H3C)
    negation: ClassVar[str] = "no"
    #: prefix that runs an exec command in config mode (`do show ...`); None: Huawei-style,
    #: where `display` commands run in every view as they are
    exec_prefix: ClassVar[str | None] = "do "
    #: exec commands that also run as they are in config mode (Huawei `display ...`)
    exec_anywhere: ClassVar[re.Pattern[str] | None] = None
    #: lines that open views
    sections: ClassVar[tuple[Section, ...]] = ()
    #: patterns whose match is a line's identity (a new line with the same match replaces it)
    replace_keys: ClassVar[tuple[str, ...]] = (
        r"description ",
        r"hostname ",
        r"ip address (?=\S+ \S+$)",  # the primary address (not `... secondary`)
        r"mtu ",
        r"speed ",
        r"duplex ",
    )
    #: spaces per indentation level, and the separator line between top-level blocks
    indent: ClassVar[int] = 1
    separator: ClassVar[str | None] = "!"
    #: what the box prints for a line it does not know; {pad} puts the caret under the error
    invalid_input: ClassVar[str] = "{pad}^\n% Invalid input detected at '^' marker.\n"
    #: the pre-login banner (SSH auth banner) and the text printed once after login
    login_banner: ClassVar[str] = ""
    motd: ClassVar[str] = ""
    #: what the box stops at when a page is full, until a key is pressed
    more_prompt: ClassVar[str] = " --More-- "
    #: the hardware model and software version a box shows unless its spec names others
    default_model: ClassVar[str] = ""
    default_version: ClassVar[str] = ""

    def __init__(self) -> None:
        self._commands: list[Command] | None = None
        self._keys = tuple(re.compile(k) for k in self.replace_keys)

    # -- prompts --------------------------------------------------------------------------
    def exec_prompt(self, session: Session) -> str:
        return f"{session.device.hostname}#"

    def config_prompt(self, session: Session) -> str:
        view = session.views[-1].prompt if session.views else "config"
        return f"{session.device.hostname}({view})#"

    def top_view(self) -> str:
        """The prompt part of the top configuration level."""
        return "config"

    # -- config text ------------------------------------------------------------------------
    def tree(self, text: str) -> ConfigTree:
        return ConfigTree.from_text(text, self._keys)

    def config_text(self, tree: ConfigTree) -> str:
        """The running config as the box stores it (what the platform parser reads)."""
        return tree.text(self.indent, self.separator) + "end\n"

    def show_running(self, session: Session) -> str:
        """What `show running-config` prints (headers around the stored text)."""
        return session.device.running_text

    # -- commands ----------------------------------------------------------------------------
    def exec_commands(self) -> list[Command]:
        """The exec-mode commands; override and extend ``super().exec_commands()``."""
        return []

    def commands(self) -> list[Command]:
        if self._commands is None:
            self._commands = self.exec_commands()
        return self._commands

    def invalid(self, session: Session, line: str, position: int = 0) -> str:
        prompt_width = len(session.prompt())
        return self.invalid_input.format(pad=" " * (prompt_width + position), line=line)

    def validate(self, session: Session, tree: ConfigTree, block: Block) -> str | None:
        """None if the box accepts ``block`` (just added to ``tree``), else the error text.

        The platform's own parser is the grammar: a line it cannot read is refused."""
        text, n = _text_with_line(self, tree, block)
        report = get_platform(self.platform).parse(text, path=session.device.name).report
        outcome = report.lines.get(n)
        if outcome is None or outcome.outcome != "unsupported":
            return None
        return self.invalid(session, block.text)

    def commit(self, session: Session, tree: ConfigTree) -> None:
        """A config line was accepted: write it to the running config (immediate-apply OSes;
        the two-stage ones keep a candidate until `commit` instead)."""
        session.device.set_running(self.config_text(tree))
        session.lab.changed(session.device)

    def working_tree(self, session: Session) -> ConfigTree:
        """The tree config-mode lines edit: the running config, or a candidate."""
        return self.tree(session.device.running_text)


def validate_in_layout(
    persona: Persona, session: Session, layout: list[tuple[str, Block | None]], block: Block
) -> str | None:
    """None if the platform's parser reads ``block`` (one line of ``layout``, the stored
    configuration with it added), else the box's error text. Layouts that move a line by its
    text (sections, views) cannot find it by a placeholder, so the block is found by identity."""
    text = "".join(line + "\n" for line, _ in layout)
    number = next((i + 1 for i, (_, b) in enumerate(layout) if b is block), None)
    if number is None:
        return None
    report = get_platform(persona.platform).parse(text, path=session.device.name).report
    outcome = report.lines.get(number)
    if outcome is None or outcome.outcome != "unsupported":
        return None
    return persona.invalid(session, block.text)


def _text_with_line(persona: Persona, tree: ConfigTree, block: Block) -> tuple[str, int]:
    """The stored config text and the 1-based line number ``block`` is written on."""
    marker = "\x00cutover-marker\x00"
    original = block.text
    block.text = marker
    text = persona.config_text(tree)
    block.text = original
    before = text.split(marker, 1)[0]
    return text.replace(marker, original), before.count("\n") + 1


@dataclass
class Session:
    """One logged-in user on one box."""

    lab: LabContext
    device: LabDevice
    persona: Persona
    user: str
    mode: Literal["exec", "config"] = "exec"
    views: list[View] = field(default_factory=list)
    paging: bool = True
    page_length: int = 24
    width: int = 80
    pending: Answer | None = None  # a question the box asked; the next line answers it
    closed: bool = False
    _tree: ConfigTree | None = None

    def prompt(self) -> str:
        if self.mode == "config":
            return self.persona.config_prompt(self)
        return self.persona.exec_prompt(self)

    def ask(self, question: str, answer: Answer) -> str:
        """Print ``question`` and take the next entered line as its answer."""
        self.pending = answer
        return question

    def handle(self, line: str) -> str:
        """The box's answer to one entered line (without the prompt that follows it)."""
        if self.pending is not None:
            answer, self.pending = self.pending, None
            return answer(self, line.strip())
        text = line.strip()
        if not text:
            return ""
        if self.mode == "config":
            return self.config_line(text)
        return self.exec_line(text)

    def exec_line(self, text: str) -> str:
        if text.lower() in self.persona.config_enter:
            self.enter_config()
            return ""
        for cmd in self.persona.commands():
            m = cmd.pattern.fullmatch(text)
            if m:
                return cmd.handler(self, m)
        return self.persona.invalid(self, text)

    def enter_config(self) -> None:
        self.mode = "config"
        self.views = [View("", (), self.persona.top_view())]
        self._tree = self.persona.working_tree(self)

    def leave_config(self) -> None:
        self.mode = "exec"
        self.views = []
        self._tree = None

    @property
    def tree(self) -> ConfigTree:
        if self._tree is None:
            self._tree = self.persona.working_tree(self)
        return self._tree

    def config_line(self, text: str) -> str:
        persona = self.persona
        lower = text.lower()
        prefix = persona.exec_prefix
        if prefix is not None and lower.startswith(prefix):
            return self.exec_line(text[len(prefix) :].strip())
        if persona.exec_anywhere is not None and persona.exec_anywhere.match(text):
            return self.exec_line(text)
        if lower in persona.config_end:
            self.leave_config()
            return ""
        if lower in persona.config_up:
            self.views.pop()
            if not self.views:
                self.leave_config()
            return ""
        view = self.views[-1]
        negation = persona.negation + " "
        if lower.startswith(negation):
            if not self.tree.remove(view.path, text[len(negation) :].strip()):
                # some negations are configuration in their own right (VRP `undo
                # synchronization`, IOS `no ip address`): the box keeps those its parser reads
                block = self.tree.add(view.path, text)
                if persona.validate(self, self.tree, block) is not None:
                    self.tree.remove(view.path, text)
            persona.commit(self, self.tree)
            return ""
        opened = self._open_section(text)
        if opened is not None:
            return opened
        self.tree.remove(view.path, negation + text)  # `shutdown` replaces `undo shutdown`
        block = self.tree.add(view.path, text)
        error = persona.validate(self, self.tree, block)
        if error is not None:
            self.tree.remove(view.path, text)
            return error
        persona.commit(self, self.tree)
        return ""

    def _open_section(self, text: str) -> str | None:
        """Enter the view ``text`` opens, here or (as the real CLIs do) from the top level."""
        for depth in range(len(self.views) - 1, -1, -1):
            view = self.views[depth]
            for sec in self.persona.sections:
                if view.kind not in sec.parents:
                    continue
                m = sec.pattern.fullmatch(text)
                if m is None:
                    continue
                del self.views[depth + 1 :]
                self.tree.add(view.path, text)
                self.views.append(
                    View(sec.kind, (*view.path, text), sec.prompt.format(text, *m.groups()))
                )
                self.persona.commit(self, self.tree)
                return ""
        return None

    def run(self, lines: Sequence[str]) -> str:
        """Answer several lines in turn (tests and one-shot SSH exec requests)."""
        return "".join(self.handle(line) for line in lines)
