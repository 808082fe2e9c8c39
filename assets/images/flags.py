#!/usr/bin/env python3
"""Draws the flags shown with the shipped timeline, as SVG, from simple
shapes: the successive flags of Cambodia (1948-, 1970, 1975, 1979, 1989)
and those of the USSR and Russia. The designs are public domain (state
flags); these drawings are Frise's own, simplified, and given to the public
domain (CC0). Usage: python3 flags.py OUTDIR  (then rsvg-convert makes PNGs:
see make-images.sh)."""
import math
import os
import sys

W, H = 600, 400
BLUE, RED, WHITE, YELLOW = "#032EA1", "#E00025", "#FFFFFF", "#FFD700"
SOVIET_RED, GOLD = "#CC0000", "#FFD700"


def tower(cx, base, w, h):
    """A lotus-bud tower: straight sides, then a curve to the point."""
    l, r, top = cx - w / 2, cx + w / 2, base - h
    return (f'M{l:.1f},{base:.1f} L{l:.1f},{base - h * 0.4:.1f} '
            f'Q{cx - w * 0.42:.1f},{base - h * 0.85:.1f} {cx:.1f},{top:.1f} '
            f'Q{cx + w * 0.42:.1f},{base - h * 0.85:.1f} {r:.1f},{base - h * 0.4:.1f} L{r:.1f},{base:.1f} Z')


def temple(cx, base, scale, towers, fill, line=None):
    """Angkor Wat, stylised: stepped terraces and 3 or 5 towers."""
    s = scale
    parts = []
    for i, (w, h) in enumerate([(260, 16), (220, 16), (180, 14)]):  # terraces, bottom up
        y = base - 16 * i - h
        parts.append(f'<rect x="{cx - w * s / 2:.1f}" y="{base - (16 * i + h) * s:.1f}" '
                     f'width="{w * s:.1f}" height="{h * s:.1f}" fill="{fill}"/>')
    top_of_terraces = base - 46 * s
    spots = [(-62, 44, 70), (62, 44, 70), (0, 56, 104)] if towers == 3 else \
            [(-96, 34, 52), (96, 34, 52), (-52, 42, 74), (52, 42, 74), (0, 54, 104)]
    for dx, w, h in spots:
        parts.append(f'<path d="{tower(cx + dx * s, top_of_terraces, w * s, h * s)}" fill="{fill}"/>')
    if line:  # tier lines, so a white temple reads on any band
        for dx, w, h in spots:
            for k in (0.25, 0.45):
                y = top_of_terraces - h * s * k
                parts.append(f'<line x1="{cx + (dx - w * 0.45) * s:.1f}" y1="{y:.1f}" x2="{cx + (dx + w * 0.45) * s:.1f}" '
                             f'y2="{y:.1f}" stroke="{line}" stroke-width="{1.6 * s:.1f}"/>')
    return "\n".join(parts)


def star(cx, cy, r, fill):
    pts = []
    for k in range(10):
        a = -math.pi / 2 + k * math.pi / 5
        rr = r if k % 2 == 0 else r * 0.38
        pts.append(f"{cx + rr * math.cos(a):.1f},{cy + rr * math.sin(a):.1f}")
    return f'<polygon points="{" ".join(pts)}" fill="{fill}"/>'


def svg(body):
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}">\n'
            f'{body}\n</svg>\n')


def band(y, h, colour):
    return f'<rect x="0" y="{y}" width="{W}" height="{h}" fill="{colour}"/>'


def kingdom():
    return svg("\n".join([band(0, H, BLUE), band(H / 4, H / 2, RED),
                          temple(W / 2, H * 0.7, 0.95, 3, WHITE, line="#000000")]))


def khmer_republic():
    cw, ch = W / 2, H / 2
    body = [band(0, H, BLUE), f'<rect x="0" y="0" width="{cw}" height="{ch}" fill="{RED}"/>',
            temple(cw / 2 - 20, ch * 0.86, 0.5, 3, WHITE, line=RED)]
    body += [star(cw - 36, 34 + 44 * i, 16, WHITE) for i in range(3)]
    return svg("\n".join(body))


def democratic_kampuchea():
    return svg("\n".join([band(0, H, "#DA251D"), temple(W / 2, H * 0.74, 1.0, 3, YELLOW)]))


def peoples_republic():
    return svg("\n".join([band(0, H, "#DA251D"), temple(W / 2, H * 0.74, 1.0, 5, YELLOW)]))


def state_of_cambodia():
    return svg("\n".join([band(0, H / 2, "#DA251D"), band(H / 2, H / 2, BLUE),
                          temple(W / 2, H * 0.74, 1.0, 5, YELLOW)]))


def hammer_and_sickle(x, y, s, fill):
    """The emblem in the canton, simplified: a sickle's blade and a hammer, crossed."""
    blade = (f'M{x + 4 * s:.1f},{y + 30 * s:.1f} A{24 * s:.1f},{24 * s:.1f} 0 1 0 {x + 30 * s:.1f},{y + 4 * s:.1f} '
             f'L{x + 26 * s:.1f},{y + 10 * s:.1f} A{18 * s:.1f},{18 * s:.1f} 0 1 1 {x + 9 * s:.1f},{y + 27 * s:.1f} Z')
    handle = f'<rect x="{x - 4 * s:.1f}" y="{y + 31 * s:.1f}" width="{10 * s:.1f}" height="{5 * s:.1f}" fill="{fill}" transform="rotate(-45 {x + s:.1f} {y + 33 * s:.1f})"/>'
    shaft = f'<rect x="{x + 4 * s:.1f}" y="{y + 18 * s:.1f}" width="{34 * s:.1f}" height="{4.5 * s:.1f}" fill="{fill}" transform="rotate(45 {x + 21 * s:.1f} {y + 20 * s:.1f})"/>'
    head = f'<rect x="{x + 2 * s:.1f}" y="{y + 2 * s:.1f}" width="{16 * s:.1f}" height="{8 * s:.1f}" fill="{fill}" transform="rotate(45 {x + 10 * s:.1f} {y + 6 * s:.1f})"/>'
    return f'<path d="{blade}" fill="{fill}"/>\n{handle}\n{shaft}\n{head}'


def ussr():
    star_outline = star(78, 40, 18, GOLD) + "\n" + star(78, 40, 13, SOVIET_RED)
    return svg("\n".join([band(0, H, SOVIET_RED), star_outline, hammer_and_sickle(50, 66, 1.6, GOLD)]))


def russia():
    return svg("\n".join([band(0, H / 3, WHITE), band(H / 3, H / 3, "#0039A6"), band(2 * H / 3, H / 3, "#D52B1E")]))


FLAGS = {
    "flag-cambodia-kingdom": kingdom,
    "flag-khmer-republic": khmer_republic,
    "flag-democratic-kampuchea": democratic_kampuchea,
    "flag-peoples-republic-kampuchea": peoples_republic,
    "flag-state-of-cambodia": state_of_cambodia,
    "flag-ussr": ussr,
    "flag-russia": russia,
}

if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    os.makedirs(out, exist_ok=True)
    for name, draw in FLAGS.items():
        with open(os.path.join(out, name + ".svg"), "w", encoding="utf-8") as f:
            f.write(draw())
