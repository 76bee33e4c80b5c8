"""Which platform a config file is: detected from its text, or checked against what was given."""

from __future__ import annotations

from orchestrator.errors import PlatformError
from orchestrator.syntax import MODULES, get_platform

#: this many fingerprint hits make a file clearly the given platform
_CONFIDENT = 8


def detection_scores(text: str) -> dict[str, int]:
    """Fingerprint hits per platform, highest first."""
    sample = text[:200_000]
    scores = {name: get_platform(name).detect_score(sample) for name in MODULES}
    return dict(sorted(scores.items(), key=lambda kv: kv[1], reverse=True))


def detect_platform(text: str, *, path: str = "<input>") -> str:
    """The platform ``text`` most looks like; a clear error when nothing matches."""
    scores = detection_scores(text)
    best, score = next(iter(scores.items()))
    if score == 0:
        raise PlatformError(
            f"{path}: cannot tell which platform this configuration is from",
            hint=f"pass --from with one of: {', '.join(MODULES)}",
        )
    return best


def resolve_platform(text: str, given: str, *, path: str = "<input>") -> tuple[str, bool]:
    """(platform, detected): detect when ``given`` is "auto", else check the text agrees.

    A file whose vendor family differs from the given platform's, and that matches another
    family clearly, is refused with the platform it looks like.
    """
    if given == "auto":
        return detect_platform(text, path=path), True
    platform = get_platform(given)
    if platform.detect_score(text[:200_000]) >= _CONFIDENT:
        return given, False  # the text clearly is what the user says: no need to look further
    scores = detection_scores(text)
    best, best_score = next(iter(scores.items()))
    own = scores.get(given, 0)
    other = get_platform(best)
    if (
        best != given
        and other.family != platform.family
        and best_score >= 3
        and own * 4 < best_score
    ):
        raise PlatformError(
            f"{path}: this looks like a {best} configuration, not {given}",
            hint=f"pass --from {best} (or --from auto)",
        )
    return given, False
