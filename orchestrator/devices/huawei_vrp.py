"""The Huawei VRP5 driver (AR routers, S-series switches).

VRP5 applies every config line at once and keeps no commit history, so:

- the candidate lives in the driver; `compare_config` is a diff against the running config;
  `commit_config` enters the candidate (merge: its lines; replace: the difference from the
  running config, `undo` first) and `save`s;
- before each commit the running config is saved on the box as ``flash:/cutover-rollback.cfg``
  (`save <file>`, which leaves the next-startup file alone), so `rollback` works from a new
  session too (``native_rollback``): it reads the file back (`more`), enters the difference and
  saves. VRP5 has no command that loads a file into the running config without a reboot;
- there is no commit-confirm timer on VRP5: `commit_config(revert_in=...)` and
  `confirm_commit` raise `UnsupportedOperation`.
"""

from __future__ import annotations

from typing import ClassVar

from orchestrator.devices.base import Capability
from orchestrator.devices.huawei_common import HuaweiDriver
from orchestrator.errors import DeviceError

ROLLBACK_FILE = "cutover-rollback.cfg"


class HuaweiVrpDriver(HuaweiDriver):
    platform: ClassVar[str] = "huawei_vrp"
    netmiko_device_type: ClassVar[str] = "huawei"
    capabilities: ClassVar[frozenset[Capability]] = frozenset(
        {"candidate", "replace", "native_rollback"}
    )

    def save(self) -> str:
        """`save`, answering its question; the box says when it is done."""
        output = self._exchange("save", self.exec_prompt)
        if "successfully" not in output:
            raise DeviceError(self.hostname, f"saving the config failed: {output.strip()}")
        return output

    def backup_running(self) -> str:
        """The running config, also saved on the box as `ROLLBACK_FILE` for `rollback`."""
        text = self.running_config()
        output = self._exchange(f"save {ROLLBACK_FILE}", self.exec_prompt)
        if "successfully" not in output:
            raise DeviceError(
                self.hostname, f"could not save flash:/{ROLLBACK_FILE}: {output.strip()}"
            )
        return text

    def rollback(self) -> None:
        """Back to the config saved before the last commit (this object's, or the file's)."""
        if self._backup is None:
            output = self._exchange(f"more {ROLLBACK_FILE}", self.exec_prompt)
            if self.error_in(output) is not None or not output.strip():
                raise DeviceError(
                    self.hostname,
                    f"nothing to roll back: flash:/{ROLLBACK_FILE} is not on the box",
                    hint="a commit through this driver saves it first",
                )
            self._backup = output
        super().rollback()
        self._exchange(f"delete {ROLLBACK_FILE}", self.exec_prompt)
