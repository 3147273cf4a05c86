"""Things that make a clean page look registered and scanned: seals, signatures, scan noise."""

from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from docmill_synth.feetable import load_font

STAMP_INKS = ((40, 60, 170), (110, 40, 150), (170, 30, 40), (30, 30, 30))
SEAL_WORDS = ("SUB-REGISTRAR", "REGISTERED", "GOVT. OF KARNATAKA", "SRO", "JOINT SUB REGISTRAR")


def draw_seal(
    page: Image.Image, *, rng: random.Random, center: tuple[int, int], radius: int
) -> None:
    """Stamp a round or rectangular seal, partly transparent, at `center`."""
    layer = Image.new("L", page.size, 0)
    draw = ImageDraw.Draw(layer)
    cx, cy = center
    width = max(2, radius // 18)
    if rng.random() < 0.6:
        draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], outline=255, width=width)
        inner = int(radius * 0.72)
        draw.ellipse([cx - inner, cy - inner, cx + inner, cy + inner], outline=255, width=width)
        font = load_font("DejaVuSans-Bold.ttf", max(8, radius // 6))
        text = rng.choice(SEAL_WORDS)
        for i, ch in enumerate(text):
            angle = math.pi * (1.15 + 0.7 * i / max(1, len(text) - 1))
            r = radius * 0.86
            draw.text(
                (cx + r * math.cos(angle), cy + r * math.sin(angle)),
                ch,
                fill=255,
                font=font,
                anchor="mm",
            )
    else:
        w, h = int(radius * 2.2), int(radius * 0.9)
        draw.rectangle(
            [cx - w // 2, cy - h // 2, cx + w // 2, cy + h // 2], outline=255, width=width
        )
        font = load_font("DejaVuSans-Bold.ttf", max(8, h // 3))
        draw.text((cx, cy), rng.choice(SEAL_WORDS), fill=255, font=font, anchor="mm")
    layer = layer.rotate(rng.uniform(-30, 30), center=center)
    alpha = layer.point(lambda v: int(v * rng.uniform(0.45, 0.85)))
    page.paste(Image.new("RGB", page.size, rng.choice(STAMP_INKS)), (0, 0), alpha)


def draw_signature(
    page: Image.Image, *, rng: random.Random, box: tuple[int, int, int, int]
) -> None:
    """Scribble a signature inside `box`."""
    x0, y0, x1, y1 = box
    draw = ImageDraw.Draw(page)
    points = []
    for i in range(rng.randint(12, 30)):
        t = i / 29
        points.append((x0 + (x1 - x0) * t + rng.uniform(-8, 8), rng.uniform(y0, y1)))
    ink = rng.choice(STAMP_INKS)
    draw.line(points, fill=ink, width=rng.randint(1, 3), joint="curve")


def scan(page: Image.Image, *, rng: random.Random, strength: float = 1.0) -> Image.Image:
    """Tint, blur, noise and speckle `page` as a cheap scanner would; keeps its size."""
    if rng.random() < 0.5 * strength:
        page = page.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.2)))
    arr = np.asarray(page, dtype=np.float32)
    base = rng.uniform(215, 255)
    paper = np.array([base, base - rng.uniform(0, 10), base - rng.uniform(0, 28)])
    arr = arr / 255.0 * paper  # paper tint multiplies: ink stays dark
    contrast = rng.uniform(0.8, 1.15)
    arr = (arr - 128) * contrast + 128 + rng.uniform(-15, 15)
    if rng.random() < 0.8 * strength:
        arr += np.random.default_rng(rng.randrange(2**32)).normal(
            0, rng.uniform(2, 12) * strength, arr.shape[:2]
        )[..., None]
    if rng.random() < 0.4 * strength:
        # Scanner shadow along one edge.
        h, w = arr.shape[:2]
        ramp = np.linspace(rng.uniform(0.55, 0.85), 1.0, max(2, w // 12))
        edge = np.ones(w)
        edge[: ramp.size] = ramp
        arr *= (edge if rng.random() < 0.5 else edge[::-1])[None, :, None]
    if rng.random() < 0.5 * strength:
        gen = np.random.default_rng(rng.randrange(2**32))
        h, w = arr.shape[:2]
        n = int(h * w * rng.uniform(0.0002, 0.002))
        arr[gen.integers(0, h, n), gen.integers(0, w, n)] = rng.uniform(0, 90)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    if rng.random() < 0.3 * strength:
        out = out.convert("L").convert("RGB")
    return out
