"""Figures as people of each language write them: 61.5% / 61,5 %, 2.92 / 2,92, 1 h 5 min."""

from __future__ import annotations

from recall_cli.messages import Lang, text

SECONDS_PER_DAY = 86_400


def decimal(lang: Lang, value: float, digits: int = 2) -> str:
    shown = f"{value:.{digits}f}"
    return shown.replace(".", ",") if lang is Lang.RU else shown


def percent(lang: Lang, share: float, digits: int = 1) -> str:
    """A share (0.615) as a percentage: 61.5% in English, 61,5 % in Russian."""
    shown = decimal(lang, share * 100, digits)
    return f"{shown} %" if lang is Lang.RU else f"{shown}%"


def points(lang: Lang, share: float, digits: int = 1) -> str:
    """A difference of shares in percentage points: 2.1 pp / 2,1 п. п."""
    return text(lang, "unit.points", n=decimal(lang, share * 100, digits))


def duration(lang: Lang, seconds: float) -> str:
    """Seconds as the two largest units that matter: 2 d 4 h, 1 h 5 min, 3 min 20 s."""
    whole = round(seconds)
    sign = "−" if whole < 0 else ""
    whole = abs(whole)
    days, rest = divmod(whole, SECONDS_PER_DAY)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [
        ("unit.days", days),
        ("unit.hours", hours),
        ("unit.minutes", minutes),
        ("unit.seconds", secs),
    ]
    head = next((i for i, (_, n) in enumerate(parts) if n), len(parts) - 1)
    chosen = [parts[head], *(part for part in parts[head + 1 : head + 2] if part[1])]
    return sign + " ".join(text(lang, key, n=n) for key, n in chosen)
