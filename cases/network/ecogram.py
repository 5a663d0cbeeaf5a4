"""The ecogram on the netwerk tab: a server-rendered SVG with the household in
the middle and the current network around it, grouped by kind. No script; the
list next to it is the text alternative."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from cases.network.constants import NetworkKind

WIDTH, HEIGHT = 720, 520
CX, CY = WIDTH / 2, HEIGHT / 2
RADII = (165, 215)  # two rings, alternating, so neighbouring labels do not collide
# Colours with at least 4.5:1 contrast on white (labels are drawn in them too).
COLOURS = {
    NetworkKind.PROFESSIONAL: "#0b5394",
    NetworkKind.FAMILIE: "#a61c00",
    NetworkKind.BUREN: "#38761d",
    NetworkKind.VRIENDEN: "#7f4f00",
    NetworkKind.VRIJWILLIGER: "#6a1b9a",
    NetworkKind.SLEUTELFIGUUR: "#005f5f",
}
LABEL_LENGTH = 22


@dataclass
class Node:
    x: float
    y: float
    lx: float
    ly: float
    anchor: str
    label: str
    colour: str
    dashed: bool
    title: str


def _short(text: str) -> str:
    return text if len(text) <= LABEL_LENGTH else text[: LABEL_LENGTH - 1] + "…"


def layout(entries) -> dict:
    """Positions for the current entries: each kind present gets a sector of the
    circle in proportion to its size, professionals on top."""
    order = list(NetworkKind.values)
    entries = sorted(entries, key=lambda e: (order.index(e.kind), e.name.lower()))
    counts = Counter(e.kind for e in entries)
    total = len(entries)
    nodes: list[Node] = []
    for index, entry in enumerate(entries):
        # Start at the top (-90°), clockwise; half a step in so none sits at 12:00.
        angle = math.radians(-90 + 360 * (index + 0.5) / max(total, 1))
        radius = RADII[index % 2] if total > 10 else RADII[0]
        x, y = CX + radius * math.cos(angle), CY + radius * math.sin(angle)
        cos = math.cos(angle)
        anchor = "start" if cos > 0.2 else "end" if cos < -0.2 else "middle"
        dx = 14 if anchor == "start" else -14 if anchor == "end" else 0
        dy = 5 if anchor != "middle" else (22 if math.sin(angle) > 0 else -14)
        role = entry.organisation or entry.relation
        nodes.append(
            Node(
                x=round(x, 1),
                y=round(y, 1),
                lx=round(x + dx, 1),
                ly=round(y + dy, 1),
                anchor=anchor,
                label=_short(entry.name),
                colour=COLOURS[entry.kind],
                dashed=entry.kind != NetworkKind.PROFESSIONAL,
                title=f"{entry.name} — {entry.get_kind_display()}"
                + (f", {role}" if role else ""),
            )
        )
    legend = [
        {"label": NetworkKind(kind).label, "colour": COLOURS[kind], "count": n}
        for kind in order
        if (n := counts.get(kind))
    ]
    summary = ", ".join(f"{item['count']} {item['label'].lower()}" for item in legend)
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "cx": CX,
        "cy": CY,
        "nodes": nodes,
        "legend": legend,
        "summary": summary or "nog niemand",
    }
