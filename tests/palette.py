"""Colour-vision simulation (Machado, Oliveira and Fernandes 2009, severity 1.0) and CIELAB distance."""

from __future__ import annotations

import itertools
import math

MACHADO = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}


def to_linear(hex_colour: str) -> tuple[float, float, float]:
    value = hex_colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    return tuple(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)


def simulate(linear: tuple[float, float, float], deficiency: str | None) -> tuple[float, float, float]:
    if deficiency is None:
        return linear
    matrix = MACHADO[deficiency]
    return tuple(min(max(sum(m * c for m, c in zip(row, linear, strict=True)), 0.0), 1.0) for row in matrix)


def to_lab(linear: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = linear
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def min_difference(colours: list[str], deficiency: str | None) -> tuple[float, tuple[str, str]]:
    """The smallest CIE76 colour difference between any two colours as seen with a deficiency."""
    labs = {c: to_lab(simulate(to_linear(c), deficiency)) for c in colours}
    return min((math.dist(labs[a], labs[b]), (a, b)) for a, b in itertools.combinations(colours, 2))
