"""Inline SVG drawn at build time: an indicator chart and the organisation diagram.

Both functions are pure: model in, SVG text out, no I/O, same input -> same
string, typed :class:`Svg`. Every text from the data is XML-escaped by the helpers here. The SVG refers to nothing
outside itself (no fonts, images or scripts): text takes the page's font and
colour (`currentColor`), so it works in Material's light and dark scheme.

Colours: text, axes and lines use `currentColor` (the page's text colour, so
at least 4.5:1 on the page). Bars use one accent, ACCENT (#3b7dd8): 4.1:1 on
white and 3.9:1 on Material's slate background (#1e2129), above the 3:1 that
WCAG 2.1 AA asks of graphics. The dashed target line and the value labels
get a halo in the page's background colour (`--md-default-bg-color`), so they
stay readable where they cross a bar.

Sizes: both have their natural width and scale down to the width of their
container (max-width 100%). The organisation diagram is a vertical tree, one
gremium per row, indented per level, drawn for the width of a phone (at most
_ORG_WIDTH px), so that it fits every page without scrolling and its names stay
readable. The SVGs work without any stylesheet;
docs/stylesheets/agenda.css adds the layout and a visible hover and focus on
the links of the organisation diagram.

Put the SVG inside a block-level HTML element (a <figure> or <div>) on a
Markdown page, so that Markdown leaves it alone.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from agenda.dates import number_text
from agenda.indicators import DIRECTION, Period, meting_text, period_label, periods, with_unit
from agenda.model import ONBEKEND, Gremium, Indicator, Organisatie
from agenda.render.markup import Markup
from agenda.render.parts import kind_text

ACCENT = "#3b7dd8"
# The page background behind halos; white where Material's variable is missing.
_HALO = "stroke:var(--md-default-bg-color, #fff)"
_CHAR_WIDTH = 0.6  # average glyph width as a share of the font size (estimate)


# --- small SVG helpers ------------------------------------------------------


class Svg(Markup):
    """SVG that is safe as it is (a Markup, so a page takes it as it is).

    The helpers here escape a plain ``str`` as XML text or attribute value (as html.escape with
    quotes, without the page's rule against blank lines) and pass Svg through.
    """

    __slots__ = ()

    @staticmethod
    def _escape_text(text: str) -> str:
        return escape(text, quote=True)


_EMPTY = Svg("")


def _num(value: float) -> str:
    """A coordinate with at most one decimal."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _attrs(attrs: dict[str, object]) -> Svg:
    parts = []
    for key, value in attrs.items():
        if value is None:
            continue
        if isinstance(value, float):
            value = _num(value)
        name = key.rstrip("_").replace("_", "-")
        parts.append(f' {name}="{escape(str(value), quote=True)}"')
    return Svg("".join(parts))


def _tag(name: str, content: str | Svg = "", /, **attrs: object) -> Svg:
    """An element; plain text ``content`` is escaped."""
    if content:
        return Svg("<{0}{1}>{2}</{0}>").format(name, _attrs(attrs), content)
    return Svg("<{}{}/>").format(name, _attrs(attrs))


def _text(x: float, y: float, text: str, /, **attrs: object) -> Svg:
    return _tag("text", text, x=float(x), y=float(y), fill="currentColor", **attrs)


def _text_width(text: str, size: float) -> float:
    return len(text) * size * _CHAR_WIDTH


def _element_id(*parts: str) -> str:
    return "-".join(part for part in parts if part)


def _svg(
    body: Svg,
    *,
    width: float,
    height: float,
    css_class: str,
    role: str,
    title_id: str,
    desc_id: str,
) -> Svg:
    """The root element, as wide as its container up to its natural width."""
    width, height = math.ceil(width), math.ceil(height)
    # its natural width as an attribute, so that it keeps it also in a box as wide as its
    # content (Material's <figure>), where width 100% would give the default 300 px
    size: dict[str, object] = {"width": width, "style": "max-width:100%;height:auto"}
    return _tag(
        "svg",
        body,
        xmlns="http://www.w3.org/2000/svg",
        class_=css_class,
        role=role,
        aria_labelledby=title_id,
        aria_describedby=desc_id,
        viewBox=f"0 0 {width} {height}",
        **size,
    )


def _title_and_desc(title: str, desc: str, title_id: str, desc_id: str) -> Svg:
    return _tag("title", title, id=title_id) + _tag("desc", desc, id=desc_id)


def _dutch_list(items: Sequence[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " en " + items[-1]


# --- indicator chart --------------------------------------------------------


def _value(column: Period) -> float | None:
    """The value to draw as a bar; never the value of a suppressed meting."""
    if column.meting is None or column.meting.afgeschermd:
        return None
    return column.meting.waarde


def _chart_desc(indicator: Indicator, columns: Sequence[Period]) -> str:
    sentences = [DIRECTION[indicator.richting].capitalize() + "."] if indicator.richting in DIRECTION else []
    target_year = None
    for column in columns:
        if column.doel is not None and column.year != target_year:
            target_year = column.year
            value = with_unit(number_text(column.doel.waarde), indicator.eenheid)
            sentences.append(f"Streefwaarde {column.year}: {value}.")
        if column.meting is not None:
            label = " ".join(period_label(column.periode))
            sentences.append(f"Meting {label}: {meting_text(column.meting, indicator.eenheid)}.")
    return " ".join(sentences)


def _nice_step(span: float) -> float:
    """A round step (1, 2 or 5 times a power of ten) giving about four intervals."""
    raw = span / 4
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


# the finest step of the y-axis: number_text shows at most three decimals, so a finer step would
# give ticks with the same label (and a step of 1e-300 would round to nothing)
_FINEST_STEP = 0.001


def _ticks(values: Sequence[float]) -> list[float]:
    """Round values for the y-axis from 0 (or below) to the highest value.

    Without any value to show (all metingen suppressed, no targets) the scale
    runs to 10, the bound of "minder dan 10". Values closer to 0 than a thousandth
    get a scale in thousandths.
    """
    low, high = min([0.0, *values]), max([0.0, *values])
    if high == low:
        high = low + 10
    step = _nice_step(max(high - low, 4 * _FINEST_STEP))
    first, last = math.floor(low / step), math.ceil(high / step)
    return [round(i * step, 10) for i in range(first, last + 1)]


# chart geometry, in px of the viewBox
_FONT = 13
_SMALL = 12
_LINE = 15
_SLOT = 88  # minimum width of one column
_PLOT_MIN = 360
_PLOT_H = 200
_LEGEND_Y = 16
_UNIT_Y = 40  # the unit's row, below the legend
_PLOT_TOP = 64  # moves up by a row when there is no unit
_PAD = 8


_TARGET_STROKE: dict[str, object] = {
    "stroke": "currentColor",
    "stroke_width": 2.5,
    "stroke_dasharray": "6 4",
}


def _legend(has_bars: bool, has_targets: bool) -> tuple[str, float]:
    """The legend row and its right edge."""
    x, parts = float(_PAD), []
    if has_bars:
        parts.append(_tag("rect", x=x, y=float(_LEGEND_Y - 11), width=14, height=14, fill=ACCENT))
        parts.append(_text(x + 20, _LEGEND_Y, "Meting", font_size=_FONT))
        x += 20 + _text_width("Meting", _FONT) + 24
    if has_targets:
        parts.append(_tag("path", d=f"M{_num(x)} {_LEGEND_Y - 4}h24", **_TARGET_STROKE))
        parts.append(_text(x + 30, _LEGEND_Y, "Streefwaarde", font_size=_FONT))
        x += 30 + _text_width("Streefwaarde", _FONT)
    return _tag("g", _EMPTY.join(parts), class_="sa-legend"), x


def _label(x: float, y: float, text: str) -> Svg:
    """A value label with a halo, so it stays readable on top of a line."""
    halo = {"stroke_width": 4, "stroke_linejoin": "round", "paint_order": "stroke", "style": _HALO}
    return _text(x, y, text, font_size=_SMALL, text_anchor="middle", **halo)


def _lines(x: float, y: float, lines: Sequence[str]) -> Svg:
    """Centred text over several lines, the first baseline at y."""
    spans = _EMPTY.join(
        _tag("tspan", line, x=x, dy=0 if n == 0 else _LINE)
        for n, line in enumerate(lines)
    )
    attrs = {"fill": "currentColor", "font_size": _SMALL, "text_anchor": "middle"}
    return _tag("text", spans, x=x, y=y, **attrs)


@dataclass(frozen=True)
class _Plot:
    """Where the columns go: the value scale and the slot of each column."""

    columns: Sequence[Period]
    ticks: Sequence[float]
    left: float
    top: float

    @property
    def slot(self) -> float:
        return max(_SLOT, _PLOT_MIN / len(self.columns))

    @property
    def right(self) -> float:
        return self.left + self.slot * len(self.columns)

    @property
    def bottom(self) -> float:
        return self.top + _PLOT_H

    def y(self, value: float) -> float:
        low, high = self.ticks[0], self.ticks[-1]
        return self.bottom - (value - low) / (high - low) * _PLOT_H

    def grid(self) -> tuple[str, str]:
        """The grid lines with their tick labels, and the axes (drawn over the bars)."""
        lines, labels = [], []
        for tick in self.ticks:
            y = self.y(tick)
            lines.append(_tag("path", d=f"M{_num(self.left)} {_num(y)}H{_num(self.right)}"))
            label = _text(self.left - _PAD, y + 4, number_text(tick), font_size=_SMALL,
                          text_anchor="end")
            labels.append(label)
        axes = (
            f"M{_num(self.left)} {_num(self.top)}V{_num(self.bottom)}"
            f"M{_num(self.left)} {_num(self.y(0))}H{_num(self.right)}"
        )
        return (
            _tag("g", _EMPTY.join(lines), class_="sa-grid", stroke="currentColor", stroke_opacity=0.2)
            + _tag("g", _EMPTY.join(labels), class_="sa-ticks"),
            _tag("path", class_="sa-axes", d=axes, stroke="currentColor", fill="none"),
        )

    def marks(self) -> tuple[str, str]:
        """The bars and gaps of the metingen, and their value labels."""
        marks, labels = [], []
        zero, width = self.y(0), self.slot / 2
        for i, column in enumerate(self.columns):
            if column.meting is None:
                continue
            centre = self.left + (i + 0.5) * self.slot
            value = _value(column)
            if value is None:
                gap = f"M{_num(centre - width / 2)} {_num(zero)}h{_num(width)}"
                marks.append(_tag("path", d=gap, class_="sa-gap", stroke=ACCENT, stroke_width=3,
                                  stroke_dasharray="4 3"))
                words = ("minder", "dan 10") if column.meting.afgeschermd else (ONBEKEND,)
                for n, word in enumerate(reversed(words)):
                    labels.append(_label(centre, zero - 8 - n * _LINE, word))
                continue
            end = self.y(value)
            marks.append(_tag("rect", class_="sa-bar", x=centre - width / 2, y=min(end, zero),
                              width=width, height=abs(end - zero), fill=ACCENT))
            labels.append(_label(centre, end - 6 if value >= 0 else end + _SMALL + 4,
                                 number_text(value)))
        return (
            _tag("g", _EMPTY.join(marks), class_="sa-bars"),
            _tag("g", _EMPTY.join(labels), class_="sa-labels"),
        )

    def targets(self) -> Svg:
        """The targets as one dashed step line, with a halo; "" without targets."""
        path, previous = [], None
        for i, column in enumerate(self.columns):
            if column.doel is not None:
                x, y = self.left + i * self.slot, _num(self.y(column.doel.waarde))
                path.append(f"V{y}" if previous else f"M{_num(x)} {y}")
                path.append(f"H{_num(x + self.slot)}")
            previous = column.doel
        if not path:
            return _EMPTY
        d = "".join(path)
        return _tag(
            "g",
            _tag("path", d=d, stroke_width=5, style=_HALO) + _tag("path", d=d, **_TARGET_STROKE),
            class_="sa-target",
            fill="none",
        )

    def periods(self) -> tuple[str, float]:
        """The labels below the x-axis (period, and target if any) and their lowest baseline."""
        texts, lowest = [], self.bottom
        for i, column in enumerate(self.columns):
            lines = list(period_label(column.periode))
            if column.doel is not None:
                lines.append(f"doel {number_text(column.doel.waarde)}")
            y = self.bottom + 18
            texts.append(_lines(self.left + (i + 0.5) * self.slot, y, lines))
            lowest = max(lowest, y + (len(lines) - 1) * _LINE)
        return _tag("g", _EMPTY.join(texts), class_="sa-periods"), lowest


def indicator_chart(indicator: Indicator, *, id_prefix: str = "") -> Svg:
    """The indicator's metingen as bars and its targets as a dashed line, as inline SVG.

    Returns "" when there is nothing to draw (no metingen and no doelen).
    A suppressed meting (afgeschermd) is a marked gap labelled "minder dan 10";
    a meting without a value is a gap labelled "onbekend". `id_prefix` keeps
    the ids unique when charts of several pilots share a page.
    """
    columns = periods(indicator)
    if not columns:
        return _EMPTY
    base = _element_id("sa-chart", id_prefix, indicator.id)
    title_id, desc_id = f"{base}-title", f"{base}-desc"
    eenheid = indicator.eenheid or ""

    values = [v for c in columns if (v := _value(c)) is not None]
    values += [c.doel.waarde for c in columns if c.doel is not None]
    ticks = _ticks(values)
    left = _PAD * 2 + max(_text_width(number_text(t), _SMALL) for t in ticks)
    plot = _Plot(columns, ticks, left, _PLOT_TOP if eenheid else _PLOT_TOP - (_UNIT_Y - _LEGEND_Y))

    legend, legend_right = _legend(
        any(c.meting is not None for c in columns), any(c.doel is not None for c in columns)
    )
    grid, axes = plot.grid()
    bars, labels = plot.marks()
    below_axis, lowest = plot.periods()
    body = _EMPTY.join(
        [
            _title_and_desc(indicator.naam, _chart_desc(indicator, columns), title_id, desc_id),
            legend,
            _text(_PAD, _UNIT_Y, eenheid, font_size=_SMALL) if eenheid else "",
            grid,
            bars,
            axes,
            plot.targets(),
            labels,
            below_axis,
        ]
    )
    width = max(plot.right, legend_right, _text_width(eenheid, _SMALL)) + _PAD * 2
    return _svg(body, width=width, height=lowest + _PAD * 2, css_class="sa-chart", role="img",
                title_id=title_id, desc_id=desc_id)


# --- organisation diagram ---------------------------------------------------

_ORG_WIDTH = 320  # the natural width: a phone of 360 px shows it whole, at its own size
_INDENT = 24  # per level
_MIN_BOX_W = 160  # the narrowest box, however deep the tree
_BOX_PAD = 10
_NAME_SIZE = 14
_NAME_LINE = 18
_KIND_LINE = 16
_ROW_GAP = 12  # between two rows
_MARGIN = 8
_ORG_TITLE = "Organisatie: de gremia en hoe ze samenhangen"


def _wrap(text: str, size: float, width: float) -> list[str]:
    chars = int((width - 2 * _BOX_PAD) / (size * _CHAR_WIDTH))
    return textwrap.wrap(text, chars, break_long_words=False) or [""]


def _named(gremium: Gremium) -> str:
    return f"{gremium.naam} ({kind_text(gremium.soort)})"


@dataclass(frozen=True)
class _Placed:
    gremium: Gremium
    level: int
    parent: int | None  # the index of the parent's box


@dataclass(frozen=True)
class _Tree:
    """The gremia with their children, in the order of the data."""

    roots: list[Gremium]
    children: dict[str, list[Gremium]]

    @classmethod
    def of(cls, gremia: Sequence[Gremium]) -> _Tree:
        children = {g.id: [c for c in gremia if c.valt_onder == g.id] for g in gremia}
        return cls([g for g in gremia if g.valt_onder is None], children)

    def rows(self) -> list[_Placed]:
        """The gremia in pre-order (a parent before its children): the rows top down, and the
        order of the links for the keyboard."""
        found: list[_Placed] = []

        def walk(gremium: Gremium, level: int, parent: int | None) -> None:
            index = len(found)
            found.append(_Placed(gremium, level, parent))
            for kid in self.children[gremium.id]:
                walk(kid, level + 1, index)

        for root in self.roots:
            walk(root, 0, None)
        return found

    def description(self) -> str:
        """The hierarchy in words, top down."""
        verb = "staat" if len(self.roots) == 1 else "staan"
        sentences = [f"Bovenaan {verb} {_dutch_list([_named(g) for g in self.roots])}."]

        def walk(gremium: Gremium) -> None:
            kids = self.children[gremium.id]
            if kids:
                verb = "valt" if len(kids) == 1 else "vallen"
                names = _dutch_list([_named(k) for k in kids])
                sentences.append(f"Onder {gremium.naam} {verb} {names}.")
            for kid in kids:
                walk(kid)

        for root in self.roots:
            walk(root)
        return " ".join(sentences)


def _box_content_height(gremium: Gremium, width: float) -> float:
    return (
        len(_wrap(gremium.naam, _NAME_SIZE, width)) * _NAME_LINE
        + len(_wrap(kind_text(gremium.soort), _SMALL, width)) * _KIND_LINE
    )


def _box(gremium: Gremium, left: float, top: float, width: float, link: str) -> Svg:
    """One gremium: a box with its name and kind, the whole box a link.

    The link is named by its visible text (no aria-label): a label that differs from what is
    shown, if only by punctuation, breaks WCAG 2.5.3 for people who steer by speech.
    """
    x = left + _BOX_PAD
    y = top + _BOX_PAD + _NAME_SIZE
    texts = []
    names = _wrap(gremium.naam, _NAME_SIZE, width)
    for n, line in enumerate(names):
        texts.append(_text(x, y + n * _NAME_LINE, line, class_="sa-naam",
                           font_size=_NAME_SIZE, font_weight="bold"))
    y += (len(names) - 1) * _NAME_LINE + _KIND_LINE + 1
    for n, line in enumerate(_wrap(kind_text(gremium.soort), _SMALL, width)):
        texts.append(_text(x, y + n * _KIND_LINE, line, class_="sa-soort", font_size=_SMALL))
    height = 2 * _BOX_PAD + _box_content_height(gremium, width)
    rect = _tag("rect", class_="sa-box", x=float(left), y=float(top), width=float(width),
                height=float(height), rx=6, fill="currentColor", fill_opacity=0.07,
                stroke="currentColor", stroke_width=2)
    return _tag("a", rect + _EMPTY.join(texts), href=link)


def organisation_diagram(
    organisatie: Organisatie, href: Callable[[Gremium], str], *, id_prefix: str = ""
) -> Svg:
    """The gremia as a vertical tree by `valt_onder`, each box a link to `href(gremium)`, as
    inline SVG.

    One gremium per row, in the order of the data, each below its parent and indented one
    level, with a line from the parent to each child. Gremia without `valt_onder` are roots, at
    the left. Returns "" when there are no gremia.
    """
    if not organisatie.gremia:
        return _EMPTY
    tree = _Tree.of(organisatie.gremia)
    base = _element_id("sa-org", id_prefix)
    title_id, desc_id = f"{base}-title", f"{base}-desc"

    rows = tree.rows()
    deepest = max(row.level for row in rows)
    width = max(_ORG_WIDTH, 2 * _MARGIN + deepest * _INDENT + _MIN_BOX_W)
    boxes, tops, bottoms = [], [], []
    y = float(_MARGIN)
    for row in rows:
        left = _MARGIN + row.level * _INDENT
        box_w = width - _MARGIN - left
        boxes.append(_box(row.gremium, left, y, box_w, href(row.gremium)))
        tops.append(y)
        y += 2 * _BOX_PAD + _box_content_height(row.gremium, box_w)
        bottoms.append(y)
        y += _ROW_GAP
    # from below the parent's box, a little in from its left edge, down and right to the child
    connectors = _EMPTY.join(
        _tag("path", d=f"M{_num(_MARGIN + rows[row.parent].level * _INDENT + _INDENT / 2)} "
                       f"{_num(bottoms[row.parent])}V{_num(tops[index] + _BOX_PAD + _NAME_SIZE / 2)}"
                       f"H{_num(_MARGIN + row.level * _INDENT)}")
        for index, row in enumerate(rows)
        if row.parent is not None
    )
    lines = {"fill": "none", "stroke": "currentColor", "stroke_width": 1.5}
    body = (
        _title_and_desc(_ORG_TITLE, tree.description(), title_id, desc_id)
        + _tag("g", connectors, class_="sa-lines", **lines)
        + _EMPTY.join(boxes)
    )
    return _svg(body, width=width, height=y - _ROW_GAP + _MARGIN, css_class="sa-org", role="group",
                title_id=title_id, desc_id=desc_id)
