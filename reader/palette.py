"""The label colours: nine highlight backgrounds a coder tells apart at a glance.

The old defaults were terminal colour names (yellow, green, magenta, cyan, orange1, red):
a terminal theme maps those as it likes, so opinion (magenta) and question (red) drew the
same background in the default theme, and claim's yellow and frame's orange sat next to
the orange of quotations and headlines. Here every label key 1-9 has a fixed true colour
taken from colour-blind-safe palettes (Okabe & Ito 2008; Paul Tol's "bright" and "light"
schemes), light enough for black text, chosen so that (by CIEDE2000):

* any two labels differ by ΔE00 >= LABEL_MIN_DELTA,
* each label differs from the marks' colours (quotations and headlines: the theme's
  orange; terms; the dimmed boilerplate; the cursor line and the selection) and from the
  light and dark theme backgrounds by ΔE00 >= MARK_MIN_DELTA,
* black text on each has a WCAG contrast of at least MIN_CONTRAST (it is readable on
  either theme, since the highlight brings its own background and text colour).

`tests/flow/test_label_colours.py` checks these distances on the colours as rendered.
The codebook's colour names keep working: the old names map onto this palette, a `#hex`
colour (`#rgb` or `#rrggbb`) is used as written, and any other name falls back to the
label key's colour (adding a label with an unknown colour is refused: `known_colour`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

LABEL_MIN_DELTA = 15.0
MARK_MIN_DELTA = 12.0
MIN_CONTRAST = 4.5  # WCAG AA for black text

# key -> (name, hex); names are what `codebook.toml` may say. The nine are the best of
# 24 Okabe-Ito and Tol colours with contrast >= 4.5 and >= 10 from the marks, by the
# smallest pairwise CIEDE2000 (an exhaustive search over the 9-subsets: 15.1).
PALETTE: tuple[tuple[str, str], ...] = (
    ("yellow", "#F0E442"),  # Okabe-Ito yellow
    ("green", "#44BB99"),  # Tol light: mint
    ("purple", "#CC79A7"),  # Okabe-Ito reddish purple
    ("cyan", "#66CCEE"),  # Tol bright: cyan
    ("orange", "#EE8866"),  # Tol light: orange (a salmon, well away from the quote orange)
    ("red", "#D55E00"),  # Okabe-Ito vermillion
    ("pink", "#FFAABB"),  # Tol light: pink
    ("forest", "#228833"),  # Tol bright: green
    ("olive", "#AAAA00"),  # Tol light: olive
)

# names the codebook used before, and common ones, onto the palette
ALIASES = {
    "magenta": "purple",
    "violet": "purple",
    "blue": "cyan",
    "sky": "cyan",
    "orange1": "orange",
    "vermillion": "red",
    "mint": "green",
    "teal": "green",
    "lime": "olive",
    "dark-green": "forest",
}

_BY_NAME = dict(PALETTE)


_HEX = re.compile(r"#(?:[0-9a-f]{3}){1,2}")


def _hex6(name: str) -> str | None:
    """`#RRGGBB` for a `#rgb` or `#rrggbb` colour, else None (`#abc` and `#zzzzzz` were
    passed on as written, and the terminal library's colour parser stopped the app the
    moment a highlight with that label was drawn)."""
    if not _HEX.fullmatch(name):
        return None
    digits = name[1:] if len(name) == 7 else "".join(c * 2 for c in name[1:])
    return "#" + digits.upper()


def known_colour(colour: str) -> bool:
    """Whether a codebook colour names one: a palette name, an alias, or `#hex`."""
    name = (colour or "").strip().lower()
    return _hex6(name) is not None or ALIASES.get(name, name) in _BY_NAME


def colour_names() -> str:
    """The names a codebook colour may take, for messages."""
    return ", ".join(name for name, _ in PALETTE) + " or #RRGGBB"


def label_colour(colour: str, key: str = "") -> str:
    """The hex background for a label's codebook colour (and key 1-9 as the fallback)."""
    name = (colour or "").strip().lower()
    if name.startswith("#") and (hex6 := _hex6(name)) is not None:
        return hex6
    name = ALIASES.get(name, name)
    if name in _BY_NAME:
        return _BY_NAME[name]
    if key.isdigit() and 1 <= int(key) <= len(PALETTE):
        return PALETTE[int(key) - 1][1]
    return PALETTE[0][1]


# -- colour science (sRGB -> CIELAB, CIEDE2000, WCAG contrast) ------------------------------


def hex_rgb(colour: str) -> tuple[int, int, int]:
    h = colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def _linear(c: float) -> float:
    c /= 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(rgb: tuple[int, int, int]) -> float:
    r, g, b = (_linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def lab(rgb: tuple[int, int, int]) -> tuple[float, float, float]:
    r, g, b = (_linear(c) for c in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def delta_e(c1: tuple[int, int, int], c2: tuple[int, int, int]) -> float:
    """CIEDE2000 colour difference of two sRGB colours."""
    return delta_e_lab(lab(c1), lab(c2))


def delta_e_lab(
    lab1: tuple[float, float, float], lab2: tuple[float, float, float]
) -> float:
    """CIEDE2000 of two CIELAB colours (Sharma, Wu & Dalal 2005)."""
    l1, a1, b1 = lab1
    l2, a2, b2 = lab2
    cbar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(cbar**7 / (cbar**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0
    dl, dc = l2 - l1, c2p - c1p
    if c1p * c2p == 0:
        dh = 0.0
    elif abs(h2p - h1p) <= 180:
        dh = h2p - h1p
    else:
        dh = h2p - h1p - 360 if h2p > h1p else h2p - h1p + 360
    dH = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    lbar, cpbar = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        hbar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hbar = (h1p + h2p) / 2
    else:
        hbar = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(hbar - 30)) + 0.24 * math.cos(math.radians(2 * hbar))
         + 0.32 * math.cos(math.radians(3 * hbar + 6))
         - 0.20 * math.cos(math.radians(4 * hbar - 63)))
    dtheta = 30 * math.exp(-(((hbar - 275) / 25) ** 2))
    rc = 2 * math.sqrt(cpbar**7 / (cpbar**7 + 25**7))
    sl = 1 + 0.015 * (lbar - 50) ** 2 / math.sqrt(20 + (lbar - 50) ** 2)
    sc = 1 + 0.045 * cpbar
    sh = 1 + 0.015 * cpbar * t
    rt = -math.sin(math.radians(2 * dtheta)) * rc
    return math.sqrt((dl / sl) ** 2 + (dc / sc) ** 2 + (dH / sh) ** 2
                     + rt * (dc / sc) * (dH / sh))


def assign_colours(labels: Sequence[tuple[str, str]]) -> list[str]:
    """Backgrounds for a codebook's (colour, key) labels, never the same one twice.

    A label with no colour of its own (the codebook's default is "yellow") or one an
    earlier label already uses gets its key's palette colour, else the first one free:
    two labels that look alike on screen would defeat the point of labels.
    """
    used: set[str] = set()
    out: list[str] = []
    free = [hex_ for _, hex_ in PALETTE]
    for colour, key in labels:
        chosen = label_colour(colour, key)
        if chosen in used:
            by_key = label_colour("", key) if key.isdigit() else ""
            spare = [c for c in free if c not in used]
            chosen = by_key if by_key and by_key not in used else (spare[0] if spare else chosen)
        used.add(chosen)
        out.append(chosen)
    return out


def colour_map(labels: Sequence[object]) -> dict[str, str]:
    """label name -> its background, for a codebook's labels (anything with name, colour,
    key): what the article shows, so every screen's swatch matches the highlights."""
    names = [str(getattr(lab, "name", "")) for lab in labels]
    pairs = [(str(getattr(lab, "colour", "") or ""), str(getattr(lab, "key", "") or ""))
             for lab in labels]
    return dict(zip(names, assign_colours(pairs), strict=True))
