"""The picture of every stretch: its pose drawn with Pillow, once, and kept on disk.

`render(pose)` draws the `bot.pose.Scene` of a pose in the one fixed style: a warm light
background, the floor, props in wood and wall tones, the figure in solid slate limbs (the far
side lighter), the stretched area in orange-red and the movement as a blue arrow. Shapes are
drawn three times larger and scaled down, which smooths their edges.

`Pictures(folder)` is the cache: a picture's file name is a hash of its pose and of this
style (`STYLE_VERSION`), so a changed pose gets a new picture and an unchanged one is never
drawn twice, across restarts too. Files are written whole (a temporary file, then a rename),
so two processes sharing the folder never see half a picture. `contact_sheet` draws every
stretch on one sheet for review (`stretchbot figures --sheet FILE.png`).
"""

from __future__ import annotations

import hashlib
import io
import math
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from bot.pose import FRAME_HEIGHT, FRAME_WIDTH, SIDES, Mark, Pose, Scene, Shape, layout

#: bumped when the drawing style changes, so every cached picture is drawn again
STYLE_VERSION = 1
#: the picture's size in pixels (FRAME_WIDTH x FRAME_HEIGHT figure heights)
WIDTH, HEIGHT = 800, 500
SCALE = WIDTH / FRAME_WIDTH  # pixels per figure height
#: shapes are drawn this many times larger, then scaled down (smooth edges)
SUPERSAMPLE = 3
DEFAULT_FOLDER = Path(".cache") / "pictures"

BACKGROUND = (247, 244, 237)
FLOOR = (226, 219, 205)
FLOOR_LINE = (176, 166, 148)
NEAR = (46, 58, 71)
FAR = (128, 142, 156)
HIGHLIGHT = (232, 86, 52)
ARROW = (38, 120, 220)
PROP_COLOURS = {
    "wall": ((214, 221, 228), (150, 163, 176)),
    "door": ((196, 170, 134), (140, 114, 84)),
    "furniture": ((190, 160, 122), (133, 104, 72)),
    "mat": ((133, 182, 166), (96, 146, 130)),
    "towel": ((230, 180, 62), (186, 138, 30)),
}
#: the gap drawn around every part, so a limb in front of the trunk stays visible
HALO = 0.009


def picture_key(pose: Pose) -> str:
    """The picture's name: a hash of the pose and of the drawing style."""
    text = f"{pose.canonical()}|style{STYLE_VERSION}|{WIDTH}x{HEIGHT}"
    return hashlib.sha256(text.encode()).hexdigest()[:20]


class _Canvas:
    """Drawing in figure heights (y up) on a supersampled image."""

    def __init__(self, width: int, height: int, scale: float) -> None:
        self.image = Image.new("RGB", (width, height), BACKGROUND)
        self.draw = ImageDraw.Draw(self.image)
        self.scale = scale
        self.height = height

    def xy(self, p: tuple[float, float]) -> tuple[float, float]:
        return (p[0] * self.scale, self.height - p[1] * self.scale)

    def polygon(self, points: Sequence[tuple[float, float]], fill: tuple[int, int, int]) -> None:
        self.draw.polygon([self.xy(p) for p in points], fill=fill)

    def circle(self, c: tuple[float, float], r: float, fill: tuple[int, int, int]) -> None:
        x, y = self.xy(c)
        rr = r * self.scale
        self.draw.ellipse((x - rr, y - rr, x + rr, y + rr), fill=fill)

    def capsule(
        self, a: tuple[float, float], b: tuple[float, float], r: float, fill: tuple[int, int, int]
    ) -> None:
        """A segment with round ends, `r` thick on each side."""
        ax, ay = self.xy(a)
        bx, by = self.xy(b)
        rr = r * self.scale
        length = math.hypot(bx - ax, by - ay)
        if length > 1e-6:
            nx, ny = -(by - ay) / length * rr, (bx - ax) / length * rr
            self.draw.polygon(
                [(ax + nx, ay + ny), (bx + nx, by + ny), (bx - nx, by - ny), (ax - nx, ay - ny)],
                fill=fill,
            )
        for x, y in ((ax, ay), (bx, by)):
            self.draw.ellipse((x - rr, y - rr, x + rr, y + rr), fill=fill)

    def line(
        self, points: Sequence[tuple[float, float]], width: float, fill: tuple[int, int, int]
    ) -> None:
        for a, b in zip(points, points[1:], strict=False):
            self.capsule(a, b, width / 2, fill)


def _hull(points: Iterable[tuple[float, float]]) -> list[tuple[float, float]]:
    """The convex hull (monotone chain), counter-clockwise."""
    pts = sorted(set(points))
    if len(pts) < 3:
        return pts

    def cross(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[tuple[float, float]] = []
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def _circle_hull(shape: Shape, grow: float) -> list[tuple[float, float]]:
    samples = []
    for (x, y), r in zip(shape.points, shape.radii, strict=True):
        for i in range(32):
            t = 2 * math.pi * i / 32
            samples.append((x + (r + grow) * math.cos(t), y + (r + grow) * math.sin(t)))
    return _hull(samples)


def _draw_shape(canvas: _Canvas, shape: Shape, colour: tuple[int, int, int], grow: float) -> None:
    if shape.radii:
        canvas.polygon(_circle_hull(shape, grow), colour)
    elif len(shape.points) == 1:
        canvas.circle(shape.points[0], shape.radius + grow, colour)
    else:
        canvas.capsule(shape.points[0], shape.points[1], shape.radius + grow, colour)


def draw(scene: Scene, scale: float = SCALE) -> Image.Image:
    """The scene as an RGB image of FRAME_WIDTH x FRAME_HEIGHT figure heights at `scale`
    pixels per figure height, supersampled."""
    big = scale * SUPERSAMPLE
    width, height = round(FRAME_WIDTH * big), round(FRAME_HEIGHT * big)
    canvas = _Canvas(width, height, big)
    if scene.floor is not None:
        canvas.polygon(
            [(0, 0), (FRAME_WIDTH, 0), (FRAME_WIDTH, scene.floor), (0, scene.floor)], FLOOR
        )
        canvas.line([(0, scene.floor), (FRAME_WIDTH, scene.floor)], 0.006, FLOOR_LINE)
    else:
        canvas.polygon(
            [(0, 0), (FRAME_WIDTH, 0), (FRAME_WIDTH, FRAME_HEIGHT), (0, FRAME_HEIGHT)], FLOOR
        )
    for prop in scene.props:
        if prop.front:
            continue
        fill, edge = PROP_COLOURS[prop.kind]
        for poly in prop.polygons:
            _prop_polygon(canvas, poly, fill, edge)
    marks: dict[str, list[Mark]] = {}
    for mark in scene.marks:
        marks.setdefault(_group(mark.on), []).append(mark)
    groups: dict[str, list[Shape]] = {}
    for shape in scene.shapes:
        groups.setdefault(_group(shape.name), []).append(shape)
    # a limb or the trunk is drawn whole, nearest last, each with a gap around it
    # (a limb level with the trunk, as in a front view, goes in front of it)
    for name, members in sorted(
        groups.items(),
        key=lambda item: (
            sum(s.depth for s in item[1]) / len(item[1]) + (0.0 if item[0] == "trunk" else 0.02)
        ),
    ):
        for shape in members:
            _draw_shape(canvas, shape, BACKGROUND, HALO)
        for shape in members:
            colour = FAR if shape.far else NEAR
            _draw_shape(canvas, shape, colour, 0.0)
            if shape.name == "head":
                _nose(canvas, shape, scene.face, colour)
        for mark in marks.get(name, []):
            canvas.capsule(mark.a, mark.b, mark.radius, HIGHLIGHT)
    for prop in scene.props:
        if prop.front:
            fill, edge = PROP_COLOURS[prop.kind]
            for poly in prop.polygons:
                canvas.line(list(poly), prop.width + 0.008, edge)
                canvas.line(list(poly), prop.width, fill)
    if scene.arrow is not None:
        _arrow(canvas, scene.arrow.points)
    return canvas.image.resize(
        (round(FRAME_WIDTH * scale), round(FRAME_HEIGHT * scale)), Image.Resampling.LANCZOS
    )


_LIMBS = {
    "thigh": "leg",
    "shin": "leg",
    "foot": "leg",
    "hip": "leg",
    "knee": "leg",
    "ankle": "leg",
    "upper_arm": "arm",
    "forearm": "arm",
    "hand": "arm",
    "shoulder": "arm",
    "elbow": "arm",
    "wrist": "arm",
}


def _group(part: str) -> str:
    """The limb a part belongs to (`right_leg`, `left_arm`), else the trunk (with the head)."""
    side, _, rest = part.partition("_")
    if side in SIDES and rest in _LIMBS:
        return f"{side}_{_LIMBS[rest]}"
    return "trunk"


def _prop_polygon(
    canvas: _Canvas,
    poly: Sequence[tuple[float, float]],
    fill: tuple[int, int, int],
    edge: tuple[int, int, int],
) -> None:
    canvas.draw.polygon(
        [canvas.xy(p) for p in poly],
        fill=fill,
        outline=edge,
        width=max(1, round(canvas.scale * 0.006)),
    )


def _nose(
    canvas: _Canvas, head: Shape, face: tuple[float, float], colour: tuple[int, int, int]
) -> None:
    """A small nose on the head, where the face looks (none when it faces the viewer)."""
    length = math.hypot(*face)
    if length < 0.3:
        return
    ux, uy = face[0] / length, face[1] / length
    cx, cy = head.points[0]
    r = head.radius
    tip = (cx + ux * (r + 0.02 * length), cy + uy * (r + 0.02 * length) - 0.012)
    side = (-uy, ux)
    base_a = (cx + ux * r * 0.7 + side[0] * 0.02, cy + uy * r * 0.7 + side[1] * 0.02)
    base_b = (cx + ux * r * 0.7 - side[0] * 0.02, cy + uy * r * 0.7 - side[1] * 0.02 - 0.02)
    canvas.polygon([base_a, tip, base_b], colour)


def _arrow(canvas: _Canvas, points: Sequence[tuple[float, float]]) -> None:
    width = 0.018
    (x0, y0), (x1, y1) = points[-2], points[-1]
    length = math.hypot(x1 - x0, y1 - y0) or 1.0
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    head = 0.05
    base = (x1 - ux * head, y1 - uy * head)
    body = [*points[:-1], base]
    canvas.line(body, width + 0.012, BACKGROUND)
    canvas.line(body, width, ARROW)
    wing = (-uy * head * 0.6, ux * head * 0.6)
    tip = (x1 + ux * 0.01, y1 + uy * 0.01)
    canvas.polygon(
        [(base[0] + wing[0], base[1] + wing[1]), tip, (base[0] - wing[0], base[1] - wing[1])],
        ARROW,
    )


def render(pose: Pose) -> Image.Image:
    """The picture of a pose (800 x 500 pixels)."""
    return draw(layout(pose))


def png_bytes(image: Image.Image) -> bytes:
    """The image as a compact PNG (a palette of 96 colours is plenty for flat shapes)."""
    out = io.BytesIO()
    image.quantize(colors=96, dither=Image.Dither.NONE).save(out, format="PNG", optimize=True)
    return out.getvalue()


class Pictures:
    """The cache of rendered pictures in one folder, keyed by `picture_key`."""

    def __init__(self, folder: Path | str = DEFAULT_FOLDER) -> None:
        self.folder = Path(folder)

    def path(self, pose: Pose) -> Path:
        """Where the picture of `pose` is (or will be) kept."""
        return self.folder / f"{picture_key(pose)}.png"

    def ensure(self, pose: Pose) -> Path:
        """The picture of `pose` on disk, drawn now if it is not there yet."""
        path = self.path(pose)
        if path.is_file():
            return path
        data = png_bytes(render(pose))
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".drawing-", suffix=".png")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return path


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.load_default(size=size)
    except (TypeError, OSError):  # pragma: no cover - Pillow without FreeType
        return ImageFont.load_default()


def contact_sheet(
    items: Sequence[tuple[str, Pose]], columns: int = 6, tile_width: int = 320
) -> Image.Image:
    """Every (label, pose) as a small picture with its label under it, in a grid."""
    tile_w, label_h, gap = tile_width, 22, 8
    tile_h = round(tile_w * FRAME_HEIGHT / FRAME_WIDTH)
    rows = max(1, math.ceil(len(items) / columns))
    sheet = Image.new(
        "RGB",
        (columns * (tile_w + gap) + gap, rows * (tile_h + label_h + gap) + gap),
        (255, 255, 255),
    )
    ink = ImageDraw.Draw(sheet)
    font = _font(14)
    for i, (label, pose) in enumerate(items):
        row, col = divmod(i, columns)
        x = gap + col * (tile_w + gap)
        y = gap + row * (tile_h + label_h + gap)
        sheet.paste(draw(layout(pose), scale=tile_w / FRAME_WIDTH), (x, y))
        ink.text((x + 2, y + tile_h + 3), label, fill=(40, 40, 40), font=font)
    return sheet
