"""The Huawei VRP8 driver (CloudEngine switches, NetEngine routers), on VRP8's own two-stage
configuration:

- `compare_config` enters the candidate into the box's candidate (merge: its lines; replace:
  the difference from the running config) and reads `display configuration candidate
  changes`, then `clear configuration candidate`: the box says what would change;
- `commit_config` enters it again and runs `commit description cutover ...`; a line the box
  refuses clears the candidate, so nothing of a failed commit is applied;
- ``revert_in``: `commit trial <seconds>` (VRP8 takes 60 to 65535 s; less is raised to 60),
  the box takes the change back by itself unless `confirm_commit` (`commit`) comes first;
  `has_pending_commit` reads `display configuration trial status`;
- `rollback`: back to the rollback point before the last commit cutover made (found by its
  description in `display configuration commit list verbose`): `rollback configuration to
  commit-id <id>`, or `rollback configuration last <n>` when that commit is the box's oldest.
  It works from any session (``native_rollback``).

The config is saved (`save`) after a plain commit and after a confirmation, never while a
trial runs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from orchestrator.devices.base import Capability
from orchestrator.devices.huawei_common import HuaweiDriver
from orchestrator.errors import DeviceError

#: the description cutover's commits carry, so `rollback` finds them in the box's history
COMMIT_TAG = "cutover"
MIN_TRIAL, MAX_TRIAL = 60, 65535


class HuaweiVrpv8Driver(HuaweiDriver):
    platform: ClassVar[str] = "huawei_vrpv8"
    netmiko_device_type: ClassVar[str] = "huawei_vrpv8"
    capabilities: ClassVar[frozenset[Capability]] = frozenset(
        {"candidate", "replace", "commit_confirm", "native_rollback"}
    )
    #: `[~HOST]` with nothing uncommitted, `[*HOST]` with changes, `[..-view]` in a view
    config_prompt: ClassVar[str] = r"^\[[~*][^\[\]\s]+\]\s*$"

    def save(self) -> str:
        output = self._exchange("save", self.exec_prompt)
        if "successfully" not in output:
            raise DeviceError(self.hostname, f"saving the config failed: {output.strip()}")
        return output

    # -- the candidate on the box ---------------------------------------------------------------
    def candidate_commands(self) -> list[str]:
        """The lines that make the box's candidate what the loaded candidate asks for."""
        if self._candidate is None:
            raise DeviceError(self.hostname, "nothing to commit", hint="load a candidate first")
        candidate = self.dialect.tree(self._candidate)
        if self._replace:
            running = self.dialect.tree(self.running_config())
            return self.dialect.replace_commands(running, candidate)
        return self.dialect.merge_commands(candidate)

    def push(self, lines: Sequence[str]) -> str:
        """As `CutoverDriver.push`, on VRP8's two-stage config: the lines go into the box's
        candidate and are committed before leaving (`return` would otherwise ask its Y/N/C
        question); a refused line clears the candidate, so nothing of it applies."""
        return "".join(self.in_candidate(lines, ["commit"]))

    def in_candidate(self, lines: Sequence[str], finish: Sequence[str]) -> list[str]:
        """Enter system view and ``lines`` (into the box's candidate), then the ``finish``
        commands (a commit, or a look at the candidate); always leave with a clean candidate.
        The outputs of the ``finish`` commands; `DeviceError` naming the first refused line
        (the candidate is cleared)."""
        self._exchange(self.config_enter, self.config_prompt)
        outputs: list[str] = []
        try:
            for n, line in enumerate(lines, 1):
                output = self._exchange(line, self.config_prompt)
                error = self.error_in(output)
                if error is not None:
                    raise DeviceError(
                        self.hostname,
                        f"the box refused config line {n} of {len(lines)}, `{line}`: {error}",
                        hint="nothing was committed: the candidate was cleared",
                    )
            for command in finish:
                output = self._exchange(command, self.config_prompt)
                outputs.append(output)
                error = self.error_in(output)
                if error is not None:
                    raise DeviceError(self.hostname, f"`{command}` was refused: {error}")
        finally:
            # whatever is left uncommitted goes, so `return` asks no question
            self._exchange("clear configuration candidate", self.config_prompt)
            self._exchange(self.config_exit, self.exec_prompt)
        return outputs

    # -- the config life cycle ------------------------------------------------------------------
    def compare_config(self) -> str:
        """`display configuration candidate changes` of the loaded candidate; "" if none."""
        self.require("candidate", "compare a candidate")
        if self._candidate is None:
            return ""
        lines = self.candidate_commands()
        if not lines:
            return ""
        (shown,) = self.in_candidate(lines, ["display configuration candidate changes"])
        changes = [line for line in shown.splitlines() if re.match(r"[+\-] ", line)]
        return shown.strip("\n") + "\n" if changes else ""

    def commit_config(self, message: str = "", revert_in: int | None = None) -> None:
        self.require("candidate", "commit a candidate")
        if revert_in is not None:
            self.require("commit_confirm", f"commit with an automatic revert ({revert_in} s)")
        lines = self.candidate_commands()
        self._backup = None  # the box keeps the history: rollback reads it there
        note = f"{COMMIT_TAG} {message}".strip()[:60]
        if revert_in is None:
            command = f"commit description {note}"
        else:
            seconds = min(max(int(revert_in), MIN_TRIAL), MAX_TRIAL)
            command = f"commit trial {seconds} description {note}"
        if lines:
            self.in_candidate(lines, [command])
        self._candidate = None
        if revert_in is None and lines:
            self.save()

    def has_pending_commit(self) -> bool:
        status = self.send("display configuration trial status")
        return bool(re.search(r"Trial status:\s*ACTIVE", status))

    def confirm_commit(self) -> None:
        self.require("commit_confirm", "confirm a commit")
        if not self.has_pending_commit():
            raise DeviceError(self.hostname, "no commit is waiting for confirmation")
        self.in_candidate([], ["commit"])
        self.save()

    def rollback(self) -> None:
        """Back to the point before cutover's last commit (a running trial is aborted)."""
        if self.has_pending_commit():
            self.in_candidate([], ["abort trial"])
            return
        points = commit_points(self.send("display configuration commit list verbose"))
        ours = next((i for i, (_, note) in enumerate(points) if note.startswith(COMMIT_TAG)), None)
        if ours is None:
            raise DeviceError(
                self.hostname,
                "nothing to roll back: no commit made by cutover in the box's commit history",
                hint="see `display configuration commit list verbose`",
            )
        if ours + 1 < len(points):
            command = f"rollback configuration to commit-id {points[ours + 1][0]}"
        else:
            command = f"rollback configuration last {ours + 1}"
        output = self._exchange(command, self.exec_prompt)
        error = self.error_in(output)
        if error is not None:
            raise DeviceError(self.hostname, f"`{command}` was refused: {error}")
        self.save()


def commit_points(listing: str) -> list[tuple[str, str]]:
    """(commit id, description) of each rollback point, newest first, from `display
    configuration commit list verbose`."""
    points: list[tuple[str, str]] = []
    for block in re.split(r"^\s*\d+\) ", listing, flags=re.M)[1:]:
        ident = re.search(r"CommitId:\s*(\d+)", block)
        note = re.search(r"Description:[ \t]*(.*)", block)
        if ident:
            points.append((ident.group(1), note.group(1).strip() if note else ""))
    return points
