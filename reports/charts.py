"""Charts drawn on the server as inline SVG: readable without JavaScript, printable, accessible.

Each chart has a <title> (read by screen readers through aria-labelledby) and a <title> per
shape, which browsers show as a tooltip. All text is escaped.
"""

from itertools import count

from django.utils.html import escape
from django.utils.safestring import mark_safe

# Distinguishable colours, in the order series are drawn (Okabe-Ito, colour-blind safe).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000"]
_ids = count(1)


def _color(index):
    return PALETTE[index % len(PALETTE)]


def stacked_bars(title, categories, series, *, label_width=190, bar_width=460, row=22):
    """Horizontal bars, one per category, stacked by series.

    categories: [label, ...]; series: [(name, [value per category]), ...].
    """
    if not categories or not series:
        return ""
    totals = [sum(values[i] or 0 for _name, values in series) for i in range(len(categories))]
    peak = max(totals) or 1
    legend_rows = (len(series) + 2) // 3
    top = 12 + legend_rows * 20
    height = top + len(categories) * row + 10
    width = label_width + bar_width + 60
    chart_id = f"chart-{next(_ids)}"
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-labelledby="{chart_id}" xmlns="http://www.w3.org/2000/svg" '
        f'font-family="system-ui, sans-serif" font-size="12">',
        f'<title id="{chart_id}">{escape(title)}</title>',
    ]
    for index, (name, _values) in enumerate(series):
        x = 10 + (index % 3) * 220
        y = 8 + (index // 3) * 20
        parts.append(
            f'<rect x="{x}" y="{y}" width="12" height="12" fill="{_color(index)}"/>'
            f'<text x="{x + 17}" y="{y + 10}">{escape(_short(name, 30))}</text>'
        )
    for position, label in enumerate(categories):
        y = top + position * row
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 14}" text-anchor="end">'
            f"{escape(_short(label, 28))}</text>"
        )
        x = label_width
        for index, (name, values) in enumerate(series):
            value = values[position] or 0
            if not value:
                continue
            length = value / peak * bar_width
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 3}" width="{length:.1f}" height="{row - 6}" '
                f'fill="{_color(index)}"><title>{escape(label)}, {escape(name)}: {value}'
                "</title></rect>"
            )
            x += length
        parts.append(f'<text x="{x + 5:.1f}" y="{y + 14}">{totals[position]}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))


def heatmap(title, labels, values, *, cell=22, label_width=150):
    """A symmetric country-by-country grid; values: {(i, j): number} with i < j."""
    if not labels or not values:
        return ""
    peak = max(values.values()) or 1
    size = len(labels)
    top = label_width
    # Room on the right for the last rotated column labels.
    width = label_width + size * cell + label_width // 2
    height = top + size * cell + 10
    chart_id = f"chart-{next(_ids)}"
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-labelledby="{chart_id}" xmlns="http://www.w3.org/2000/svg" '
        f'font-family="system-ui, sans-serif" font-size="11">',
        f'<title id="{chart_id}">{escape(title)}</title>',
    ]
    for index, label in enumerate(labels):
        text = escape(_short(label, 22))
        y = top + index * cell + cell * 0.7
        x = label_width + index * cell + cell * 0.7
        parts.append(f'<text x="{label_width - 6}" y="{y:.1f}" text-anchor="end">{text}</text>')
        parts.append(f'<text transform="translate({x:.1f} {top - 6}) rotate(-60)">{text}</text>')
    for i in range(size):
        for j in range(size):
            if i == j:
                continue
            value = values.get((min(i, j), max(i, j)), 0)
            x = label_width + j * cell
            y = top + i * cell
            opacity = 0.08 if not value else 0.25 + 0.75 * value / peak
            parts.append(
                f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" fill="#0072B2" '
                f'fill-opacity="{opacity:.2f}"><title>{escape(labels[i])} – {escape(labels[j])}'
                f": {value}</title></rect>"
            )
            if value:
                color = "#fff" if value / peak > 0.5 else "#000"
                parts.append(
                    f'<text x="{x + (cell - 2) / 2:.1f}" y="{y + cell * 0.65:.1f}" '
                    f'text-anchor="middle" fill="{color}" font-size="10">{value}</text>'
                )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def _short(text, length):
    text = str(text)
    return text if len(text) <= length else text[: length - 1] + "…"
