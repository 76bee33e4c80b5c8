"""`cutover demo`: translate a bundled sample config to every target, then bring up the lab
inventory's emulated boxes and gather every one of them over SSH.

Planning and the dry run of a lab site join here once they exist (DESIGN.md's demo).
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import TextIO

from orchestrator.report import human_summary
from orchestrator.syntax import TARGETS
from orchestrator.translate import translate_text

SAMPLE = "branch-rtr.cfg"


def run_demo(workdir: Path, out: TextIO) -> int:
    text = (resources.files("orchestrator") / "samples" / SAMPLE).read_text(encoding="utf-8")
    folder = workdir / "demo"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / SAMPLE).write_text(text, encoding="utf-8")
    out.write(f"cutover demo: translating {SAMPLE} (a Cisco IOS-XE branch router)\n\n")
    header = (
        f"{'target':14s} {'lines':>5s} {'transl.':>7s} {'changed':>7s} {'unsupp.':>7s} "
        f"{'ignored':>7s} {'coverage':>8s}  round trip"
    )
    out.write(header + "\n" + "-" * len(header) + "\n")
    failures = 0
    results = []
    for target in (t for t in TARGETS if t != "cisco_ios"):
        result = translate_text(text, target, path=SAMPLE)
        results.append(result)
        counts = result.counts()
        out.write(
            f"{target:14s} {result.source_lines:5d} {counts['translated']:7d} "
            f"{counts['translated-with-change']:7d} {counts['unsupported']:7d} "
            f"{counts['ignored']:7d} {result.coverage():8.1%}  "
            f"{'ok' if result.roundtrip.ok else 'FAILED'}\n"
        )
        failures += not result.roundtrip.ok
        (folder / f"{target}.cfg").write_text(result.target_config, encoding="utf-8")
        (folder / f"{target}.json").write_text(
            json.dumps(result.to_json(), indent=2) + "\n", encoding="utf-8"
        )
    out.write("\n" + human_summary(results[0], output=str(folder / f"{TARGETS[0]}.cfg"), limit=12))
    out.write(f"\nEvery target's config and JSON report are in {folder}/\n")
    out.write("Try it on your own config:  cutover translate running.cfg --to huawei_vrp\n")
    inventory = LAB_INVENTORY
    if inventory.is_dir():
        failures += _lab_and_gather(inventory, folder, out)
    return 1 if failures else 0


#: the lab inventory of a source checkout (an installed wheel has none: the demo then stops)
LAB_INVENTORY = Path(__file__).resolve().parent.parent / "inventories" / "lab"


def _lab_and_gather(inventory_dir: Path, folder: Path, out: TextIO) -> int:
    """Start the lab inventory's boxes in this process, gather them all, stop; failures."""
    from orchestrator.gather import GatherOptions, gather
    from orchestrator.inventory import load_inventory
    from orchestrator.lab.lab import Lab
    from orchestrator.lab.run import credentials
    from orchestrator.lab.spec import lab_plan

    inventory = load_inventory(inventory_dir)
    plan = lab_plan(inventory)
    out.write(
        f"\nThe lab: {len(plan.spec.devices)} emulated boxes of {inventory_dir} on 127.0.0.1 "
        f"({len(plan.spec.cables)} cables; {len(plan.skipped)} not emulated: "
        f"{', '.join(s.box.name for s in plan.skipped)})\n"
    )
    with Lab(plan.spec, folder / "lab", credentials(inventory)) as lab:
        sessions = {
            name: sum(s.state == "Established" for s in lab.state.bgp(name)) for name in lab.devices
        }
        result = gather(inventory_dir, GatherOptions(folder, lab.known_hosts), workers=8)
    out.write(f"{'box':14s} {'platform':14s} {'site':8s} {'gather':8s} {'BGP up':>6s}  snapshot\n")
    for host in result.hosts:
        up = str(sessions.get(host.name, "-"))
        where = str(host.snapshot.relative_to(folder)) if host.snapshot else host.message
        out.write(
            f"{host.name:14s} {host.platform:14s} {host.site:8s} {host.status:8s} {up:>6s}  "
            f"{where}\n"
        )
    out.write(
        f"\n{sum(h.status == 'ok' for h in result.hosts)} boxes gathered over SSH by the "
        f"project's drivers, {len(result.failed)} failed; snapshots under {folder}/snapshots/\n"
        "Run the lab yourself:  cutover lab up --detach && cutover gather --inventory "
        "inventories/lab\n"
    )
    return 1 if result.failed else 0
