"""Human-readable summaries of translation reports (the JSON form is `Translation.to_json`)."""

from __future__ import annotations

from orchestrator.translate import LineResult, Translation


def _line(entry: LineResult, width: int = 60) -> str:
    text = entry.text if len(entry.text) <= width else entry.text[: width - 3] + "..."
    return f"  {entry.n:>5}  {text}"


def human_summary(result: Translation, *, output: str | None = None, limit: int = 40) -> str:
    """A short summary, then the changed and unsupported lines (at most ``limit`` of each)."""
    counts = result.counts()
    how = "detected" if result.detected else "given"
    out = [
        f"{result.path}: {result.source_platform} ({how}) -> {result.target_platform}",
        f"  {result.source_lines} source lines: {counts['translated']} translated, "
        f"{counts['translated-with-change']} translated with a change, "
        f"{counts['unsupported']} unsupported, {counts['ignored']} ignored "
        f"(coverage {result.coverage():.1%})",
        "  round trip: "
        + (
            "ok"
            if result.roundtrip.ok
            else f"FAILED ({len(result.roundtrip.differences)} differences)"
        ),
    ]
    for difference in result.roundtrip.differences[:10]:
        out.append(f"    {difference}")
    if result.ports:
        shown = ", ".join(f"{k} -> {v}" for k, v in list(result.ports.items())[:8])
        more = f" (+{len(result.ports) - 8} more)" if len(result.ports) > 8 else ""
        out.append(f"  ports: {shown}{more}")
    if result.secrets:
        rekey = [s for s in result.secrets if s.rekey]
        out.append(
            f"  secrets: {len(result.secrets)} carried as references, filled in at push time"
            + (f"; {len(rekey)} are one-way hashes and need re-keying:" if rekey else "")
        )
        for ref in rekey[:limit]:
            out.append(f"    {ref.key}  (set {ref.env})")
    for warning in result.warnings:
        out.append(f"  warning: {warning}")
    for title, status in (("Changed", "translated-with-change"), ("Unsupported", "unsupported")):
        entries = [e for e in result.lines if e.status == status]
        if not entries:
            continue
        out.append(f"{title} ({len(entries)}):")
        for entry in entries[:limit]:
            out.append(_line(entry))
            if entry.reason:
                out.append(f"         {entry.reason}")
        if len(entries) > limit:
            out.append(f"  ... {len(entries) - limit} more (see --json)")
    if output:
        out.append(f"Target configuration written to {output}")
    else:
        out.append("Use -o FILE to write the target configuration, --json for every line.")
    return "\n".join(out) + "\n"
