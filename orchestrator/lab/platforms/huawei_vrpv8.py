"""Huawei VRP8 (CloudEngine switches, NetEngine routers): VRP5 with two-stage configuration.

Lines entered in system view go to a candidate (`[*HOST]` while it differs from the running
configuration, `[~HOST]` when it does not); `commit` makes it running and records a rollback
point (commit ids from 1000000001). The safety net, as the real OS has it:

- `commit trial [<seconds>]`: the change runs on trial and is taken back after the time unless
  a `commit` confirms it (`abort trial` takes it back at once; `display configuration trial
  status` shows the time left);
- `rollback configuration to commit-id <id>` / `last <n>` / `to file <file>` (user view): back to
  the configuration as it was when rollback point <id> was made;
- `display configuration candidate [merge|changes]`, `clear configuration candidate`,
  `display configuration commit list [verbose]`, `display configuration commit changes at <id>`,
  `load configuration file <file> replace|merge`;
- `return`/`quit` with uncommitted changes ask whether to commit them first (Y/N/C).

The candidate is the session's own (`CandidateTree`); the trial timer belongs to the box.
"""

from __future__ import annotations

import re
import time
from typing import ClassVar

from orchestrator.lab.configtree import ConfigTree
from orchestrator.lab.device import LabDevice
from orchestrator.lab.platforms import huawei_files as files
from orchestrator.lab.platforms import huawei_vrpv8_commands as two
from orchestrator.lab.platforms.huawei_show import Family
from orchestrator.lab.platforms.huawei_vrp import HuaweiVrp
from orchestrator.lab.platforms.huawei_vrpv8_state import HISTORY, CandidateTree, commits
from orchestrator.lab.session import Handler, Session

SAVE_WORDS = files.Words(
    save_all="Warning: The current configuration will be written to the device. Continue? [Y/N]:",
    save_file="Warning: Are you sure to save the configuration to {path}? [Y/N]:",
    saved=(
        "Now saving the current configuration to the slot 1 .\n"
        "Info: Save the configuration successfully.\n"
    ),
)


class HuaweiVrpV8(HuaweiVrp):
    platform: ClassVar[str] = "huawei_vrpv8"
    family: ClassVar[Family] = "vrp8"
    config_end: ClassVar[tuple[str, ...]] = ()
    config_up: ClassVar[tuple[str, ...]] = ()
    # the two-stage words run as commands in every view (they act on the candidate)
    exec_anywhere: ClassVar[re.Pattern[str] | None] = re.compile(
        r"dis(p(l(ay?)?)?)?\s|commit(\s|$)|abort\s+trial|clear\s+configuration\s+candidate"
        r"|load\s+configuration\s|return$|quit$|(undo\s+)?(shutdown|synchronization)\s*$",
        re.I,
    )
    # NE40E shows `undo shutdown` on every port it brings up
    shown_undo: ClassVar[frozenset[str]] = frozenset({"shutdown", "synchronization"})
    default_model: ClassVar[str] = "NE40E-M2K"
    default_version: ClassVar[str] = "8.200 (NE40E V800R012C10SPC300)"
    image: ClassVar[str] = "NE40E-V800R012C10SPC300.cc"
    save_words: ClassVar[files.Words] = SAVE_WORDS

    # -- the candidate --------------------------------------------------------------------------
    def working_tree(self, session: Session) -> ConfigTree:
        return self._fresh(session.device)

    def _fresh(self, device: LabDevice) -> CandidateTree:
        parsed = self.tree(without_header(device.running_text))
        return CandidateTree(
            root=parsed.root,
            replace_keys=parsed.replace_keys,
            base_text=self.config_text(parsed),
            base_version=device.config_version,
        )

    def candidate(self, session: Session) -> CandidateTree:
        """The session's candidate, brought up to date if it holds no change of its own and
        the running configuration moved (another session committed, a trial ran out)."""
        tree = session.tree
        assert isinstance(tree, CandidateTree)
        if tree.base_version != session.device.config_version and not self.dirty(tree):
            fresh = self._fresh(session.device)
            tree.root, tree.base_text, tree.base_version = (
                fresh.root,
                fresh.base_text,
                fresh.base_version,
            )
        return tree

    def dirty(self, tree: CandidateTree) -> bool:
        return self.config_text(tree) != tree.base_text

    def commit(self, session: Session, tree: ConfigTree) -> None:
        """Accepted lines stay in the candidate until `commit`."""

    def show_running(self, session: Session) -> str:
        """The running config under VRP8's header: software version and last change."""
        device = session.device
        points = commits(device)
        when = points[-1].at if points else device.boot_time
        who = points[-1].user if points else "SYSTEM"
        version = device.version.split("(")[-1].rstrip(")").split()[-1]
        stamp = time.strftime("%Y-%m-%d %H:%M:%S+00:00", time.gmtime(when))
        return (
            f"!Software Version {version}\n"
            f"!Last configuration was updated at {stamp} by {who}\n"
            + without_header(device.running_text)
        )

    def config_prompt(self, session: Session) -> str:
        view = self.view_prompt(session)
        pending = self.dirty(self.candidate(session)) or HISTORY(session.device).trial.active
        host = f"{'*' if pending else '~'}{session.device.hostname}"
        return f"[{host}-{view}]" if view else f"[{host}]"

    # -- commands -------------------------------------------------------------------------------
    def syntaxes(self) -> list[tuple[str, Handler]]:
        mine: dict[str, Handler] = {
            **dict(super().syntaxes()),
            "quit": two.quit_view,
            "return": two.leave_system_view,
            "commit": two.commit,
            "commit description <text...>": two.commit,
            "commit label <label> [description <text...>]": two.commit,
            "commit trial [<seconds:int>]": two.commit_trial,
            "commit trial [<seconds:int>] description <text...>": two.commit_trial,
        }
        return [
            *mine.items(),
            ("abort trial", two.abort_trial),
            ("display configuration trial status", two.trial_status),
            ("display configuration candidate", two.show_candidate),
            ("display configuration candidate merge", two.show_candidate_merge),
            ("display configuration candidate changes", two.show_candidate_changes),
            ("clear configuration candidate", two.clear_candidate),
            ("display configuration commit list [<count:int>]", two.commit_list),
            ("display configuration commit list verbose [<count:int>]", two.commit_list_verbose),
            ("display configuration commit changes at <id:int>", two.show_commit_changes),
            ("rollback configuration to commit-id <id:int>", two.rollback_to),
            ("rollback configuration last <count:int>", two.rollback_last),
            ("rollback configuration to file <file:file>", two.rollback_file),
            ("load configuration file <file:file> replace", two.load_replace),
            ("load configuration file <file:file> merge", two.load_merge),
        ]


def without_header(text: str) -> str:
    """The config without the `!...` header lines a saved VRP8 file starts with (the box
    writes its own above the running config)."""
    return "".join(line for line in text.splitlines(keepends=True) if not line.startswith("!"))
