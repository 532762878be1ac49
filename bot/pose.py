"""Poses: the picture of a stretch, described in the knowledge base and checked here.

Every stretch has a `pose:` block (see `knowledge/README.md`, section `pose`): the view, a few
joint angles of a simple human figure, the props it uses (a chair, a wall, a towel...), the
muscle or area to highlight and an arrow for the movement. This module turns that block into
a `Scene`, the figure and its props placed in the picture, in units of the figure's height
(1.0 is a person standing tall), and says what is wrong with it. It is pure: no Pillow, no
files. `bot.pictures` draws a `Scene` with Pillow.

The figure is a forward-kinematics skeleton in 3D: a pelvis, a lower and an upper trunk, a
neck and a head, two arms of three segments and two legs of three (thigh, shin, foot). Every
segment has a fixed length, so limb lengths are consistent by construction; the angles only
turn the segments. The figure's own axes: x forward (where the chest faces), y up, z to its
right. The picture shows the figure from its right side (`side`: facing right, the right limbs
nearer), from the front (`front`: its right on the picture's left, as when facing someone) or
from above, lying on the floor (`above`: head toward the picture's left when lying on the back
with `lean: -90`).

Placement: the figure stands, sits or lies on its support. `support: floor` (the default) puts its
lowest point on the floor; `support: chair`, `bed` and `step` put the body part the prop
carries on top of a prop of standard height. Other props are placed at the body part they
touch (a wall at a hand, a table under the hands, a chair's back under a hand), and their
heights are checked against what such furniture can be. The checks `stretchbot check` runs:
known joints and angles within a body's range, known props and body parts, every segment at
its length, the figure and its props inside the frame, nothing below the floor, and the body
resting on something (on a chair, the feet reach the floor).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml

# --------------------------------------------------------------------------- the figure

#: segment lengths, in units of the figure's standing height
LOWER_TRUNK = 0.13
UPPER_TRUNK = 0.16
NECK = 0.06
HEAD_CENTRE = 0.125  # from the shoulder line to the centre of the head
UPPER_ARM = 0.19
FOREARM = 0.15
HAND = 0.075
THIGH = 0.245
SHIN = 0.245
HEEL_BACK = 0.03  # the heel behind the ankle
TOE_FRONT = 0.125  # the toes in front of the ankle
SOLE_DROP = 0.025  # the sole line below the ankle
HIP_HALF = 0.07  # half the distance between the hip joints
SHOULDER_HALF = 0.11
WAIST_HALF = 0.06
#: every segment and its length (checked on every built figure)
LENGTHS: dict[str, float] = {
    "upper_arm": UPPER_ARM,
    "forearm": FOREARM,
    "hand": HAND,
    "thigh": THIGH,
    "shin": SHIN,
    "foot": HEEL_BACK + TOE_FRONT,
}
#: half thickness of each part
RADII: dict[str, float] = {
    "head": 0.062,
    "neck": 0.03,
    "hip": 0.066,
    "waist": 0.058,
    "chest": 0.07,
    "shoulder": 0.05,
    "upper_arm": 0.03,
    "forearm": 0.026,
    "hand": 0.02,
    "thigh": 0.048,
    "shin": 0.036,
    "foot": 0.022,
}
SIDES = ("right", "left")
#: joints of the whole body or the spine: name -> (lowest, highest) angle in degrees
BODY_JOINTS: dict[str, tuple[float, float]] = {
    "lean": (-180, 180),  # the pelvis and trunk tipped forward (90: lying face down)
    "bend": (-90, 90),  # the whole body tipped toward its right side (90: lying on it)
    "turn": (-180, 180),  # the whole body turned to its right (seen from above)
    "spine": (-45, 60),  # the upper trunk rounded forward (negative: arched back)
    "spine_bend": (-45, 45),  # the upper trunk bent toward the right side
    "spine_twist": (-70, 70),  # the upper trunk turned to the right
    "neck": (-60, 70),  # chin to chest (negative: looking up)
    "neck_tilt": (-50, 50),  # right ear toward the right shoulder
    "neck_turn": (-85, 85),  # head turned to the right
}
#: joints of each side, written `right_hip`, `left_knee`, or `hip` for both sides
SIDE_JOINTS: dict[str, tuple[float, float]] = {
    "hip": (-40, 150),  # thigh forward (negative: behind)
    "hip_out": (-45, 90),  # thigh out to the side (negative: across the body)
    "hip_rot": (-60, 90),  # thigh turned out (the knee points outward)
    "knee": (0, 165),  # heel toward the buttock
    "ankle": (-90, 45),  # toes up toward the shin (negative: pointed; -85: flat when kneeling)
    "shoulder": (-70, 190),  # arm forward and up (180: overhead; negative: behind)
    "shoulder_out": (-60, 190),  # arm out to the side (negative: across the chest)
    "shoulder_rot": (-90, 110),  # arm turned out (a bent forearm points up)
    "elbow": (0, 160),
    "wrist": (-90, 90),  # hand bent toward the palm (negative: back)
}
JOINTS: dict[str, tuple[float, float]] = {
    **BODY_JOINTS,
    **{f"{side}_{joint}": limits for side in SIDES for joint, limits in SIDE_JOINTS.items()},
}
VIEWS = ("side", "front", "above")
#: what carries the body: the floor, or a prop of standard height (in figure heights)
SUPPORTS: dict[str, float] = {"floor": 0.0, "chair": 0.22, "bed": 0.3, "step": 0.12}
#: props and what each one is anchored to (see `_place_props`)
PROPS = ("floor", "wall", "doorway", "chair", "table", "bed", "step", "towel")
#: the heights a prop's top may have, in figure heights (a stool to a high bed...)
PROP_HEIGHTS: dict[str, tuple[float, float]] = {
    "chair": (0.15, 0.32),  # the seat
    "chair_back": (0.38, 0.62),  # the top of the backrest, held by a hand
    "table": (0.3, 0.62),
    "bed": (0.18, 0.42),
    "step": (0.05, 0.3),
}
#: how far a part may sink into the floor or float above a support and still touch it
TOLERANCE = 0.02
#: the picture, in figure heights: 800 x 500 pixels at about 348 pixels to the height
FRAME_WIDTH = 2.3
FRAME_HEIGHT = 1.4375
#: where the floor is drawn: this far above the picture's bottom edge
FLOOR_MARGIN = 0.1
#: the margin everything keeps from the frame's edges
EDGE = 0.02
#: bumped when the figure's construction changes, so cached pictures are drawn again
FIGURE_VERSION = 1

_SEGMENTS = ("upper_arm", "forearm", "hand", "thigh", "shin", "foot")
#: body points an anchor or an arrow may name, besides the parts themselves
_POINTS = ("hips", "waist", "chest", "back", "belly", "head", "jaw", "neck_back")
_SIDE_POINTS = ("shoulder", "elbow", "wrist", "hand", "hip", "knee", "ankle", "heel", "toe")
PARTS: tuple[str, ...] = (
    "head",
    "neck",
    "lower_trunk",
    "upper_trunk",
    *(f"{side}_{segment}" for side in SIDES for segment in _SEGMENTS),
)
POINTS: tuple[str, ...] = (
    *_POINTS,
    *(f"{side}_{point}" for side in SIDES for point in _SIDE_POINTS),
)
#: the sides of a part a highlight may name
LIMB_SIDES = ("front", "back", "outer", "inner")
TRUNK_SIDES = ("front", "back", "right", "left")
FOOT_SIDES = ("top", "sole", "outer", "inner")
#: joints whose surroundings a highlight may name (`right_hip.front`: the hip flexors)
REGION_JOINTS = ("hip", "shoulder", "knee", "elbow", "ankle", "wrist")
HIGHLIGHT_HELP = (
    "a part (head, neck, upper_trunk, lower_trunk, right_/left_ + upper_arm, forearm, hand, "
    "thigh, shin, foot) with a side (.front, .back, .outer, .inner; .right, .left on the trunk "
    "and neck; .top, .sole on a foot), a joint's area (right_hip.front, left_shoulder.back...) "
    "or head.jaw"
)

Vec = tuple[float, float, float]
Mat = tuple[Vec, Vec, Vec]
Point2 = tuple[float, float]


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Arrow:
    """The movement: a straight arrow from `at` toward `direction` (degrees in the picture:
    0 right, 90 up), or a curved one around `at` (`turn`: "cw" or "ccw")."""

    at: str
    direction: float | None = None
    turn: str | None = None
    #: moves the arrow off the body, in figure heights (right, up in the picture)
    shift: Point2 = (0.0, 0.0)
    length: float = 0.18


@dataclass(frozen=True, slots=True)
class Pose:
    """A stretch's picture as the knowledge base describes it (see the module docstring)."""

    view: str
    support: str = "floor"
    #: every joint that is not 0, by full name (`right_hip`, `lean`), sorted
    angles: tuple[tuple[str, float], ...] = ()
    #: (prop, the body parts or points it is anchored to), in the file's order
    props: tuple[tuple[str, tuple[str, ...]], ...] = ()
    highlight: tuple[str, ...] = ()
    arrow: Arrow | None = None

    def angle(self, joint: str) -> float:
        return dict(self.angles).get(joint, 0.0)

    def prop(self, name: str) -> tuple[str, ...] | None:
        return dict(self.props).get(name)

    def canonical(self) -> str:
        """The pose as one JSON text: the same pose always gives the same text."""
        data: dict[str, Any] = {
            "figure": FIGURE_VERSION,
            "view": self.view,
            "support": self.support,
            "angles": [[name, round(value, 3)] for name, value in self.angles],
            "props": [[name, list(anchors)] for name, anchors in self.props],
            "highlight": list(self.highlight),
        }
        if self.arrow is not None:
            a = self.arrow
            data["arrow"] = [a.at, a.direction, a.turn, list(a.shift), a.length]
        return json.dumps(data, sort_keys=True, separators=(",", ":"))

    def key(self) -> str:
        """A short hash of the pose: the name of its picture in the cache."""
        return hashlib.sha256(self.canonical().encode()).hexdigest()[:20]


@dataclass(frozen=True, slots=True)
class Shape:
    """One solid part of the figure in the picture: a capsule (two points, `radius`) or a
    hull of circles (the trunk). `depth` orders the drawing (larger is nearer)."""

    name: str
    points: tuple[Point2, ...]
    radius: float
    depth: float
    #: hull of circles: one radius per point (a capsule uses `radius`)
    radii: tuple[float, ...] = ()
    #: drawn in the lighter colour of the far side
    far: bool = False


@dataclass(frozen=True, slots=True)
class Mark:
    """A highlight: a capsule in the highlight colour drawn just after the part it is on."""

    on: str
    a: Point2
    b: Point2
    radius: float


@dataclass(frozen=True, slots=True)
class PropShape:
    """A prop in the picture: polygons filled in the prop colour (`kind` chooses the colour),
    drawn behind the figure, or a strap (a towel held between two points) drawn in front."""

    kind: str
    polygons: tuple[tuple[Point2, ...], ...]
    front: bool = False
    width: float = 0.0  # a strap's width; 0 for filled polygons


@dataclass(frozen=True, slots=True)
class ArrowShape:
    """The arrow in the picture: a polyline (straight or an arc) with a head at its end."""

    points: tuple[Point2, ...]


@dataclass
class Scene:
    """A pose laid out in the picture, in figure heights: x to the right from the frame's left
    edge, y up from the frame's bottom edge (so the floor is at `floor`)."""

    view: str
    shapes: list[Shape]
    marks: list[Mark]
    props: list[PropShape]
    arrow: ArrowShape | None
    floor: float | None  # None when seen from above (the floor is the background)
    problems: list[tuple[str, str]] = field(default_factory=list)
    #: where the face looks, in the picture (short when the face turns toward the viewer)
    face: Point2 = (1.0, 0.0)

    def bounds(self) -> tuple[float, float, float, float]:
        """(left, bottom, right, top) of everything drawn."""
        return _bounds(self.shapes, self.marks, self.props, self.arrow)


# --------------------------------------------------------------------------- vector maths


def _mul(m: Mat, v: Vec) -> Vec:
    return (
        m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
        m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
        m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2],
    )


def _matmul(a: Mat, b: Mat) -> Mat:
    (a0, a1, a2), (a3, a4, a5), (a6, a7, a8) = a
    (b0, b1, b2), (b3, b4, b5), (b6, b7, b8) = b
    return (
        (a0 * b0 + a1 * b3 + a2 * b6, a0 * b1 + a1 * b4 + a2 * b7, a0 * b2 + a1 * b5 + a2 * b8),
        (a3 * b0 + a4 * b3 + a5 * b6, a3 * b1 + a4 * b4 + a5 * b7, a3 * b2 + a4 * b5 + a5 * b8),
        (a6 * b0 + a7 * b3 + a8 * b6, a6 * b1 + a7 * b4 + a8 * b7, a6 * b2 + a7 * b5 + a8 * b8),
    )


def _rot(axis: str, degrees: float) -> Mat:
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    if axis == "x":
        return ((1, 0, 0), (0, c, -s), (0, s, c))
    if axis == "y":
        return ((c, 0, s), (0, 1, 0), (-s, 0, c))
    return ((c, -s, 0), (s, c, 0), (0, 0, 1))


def _chain(*mats: Mat) -> Mat:
    out: Mat = ((1, 0, 0), (0, 1, 0), (0, 0, 1))
    for m in mats:
        out = _matmul(out, m)
    return out


def _add(a: Vec, b: Vec, scale: float = 1.0) -> Vec:
    return (a[0] + b[0] * scale, a[1] + b[1] * scale, a[2] + b[2] * scale)


def _dist(a: Vec, b: Vec) -> float:
    return math.dist(a, b)


# --------------------------------------------------------------------------- the skeleton


@dataclass
class Body:
    """The figure in 3D, pelvis centre at the origin: points, segments with their frames."""

    points: dict[str, Vec]
    #: part -> (start, end, radius, the part's own frame)
    segments: dict[str, tuple[Vec, Vec, float, Mat]]
    #: trunk part -> (spheres (centre, radius), frame)
    hulls: dict[str, tuple[list[tuple[Vec, float]], Mat]]
    #: the radius of each named point when it rests on something
    point_radii: dict[str, float]


def build_body(pose: Pose) -> Body:
    """Forward kinematics: every joint angle turns the segments below it."""
    angles = dict(pose.angles)

    def a(joint: str) -> float:
        return angles.get(joint, 0.0)

    root = _chain(_rot("y", -a("turn")), _rot("z", -a("lean")), _rot("x", a("bend")))
    upper = _chain(
        root, _rot("y", -a("spine_twist")), _rot("z", -a("spine")), _rot("x", a("spine_bend"))
    )
    head_frame = _chain(
        upper, _rot("y", -a("neck_turn")), _rot("z", -a("neck")), _rot("x", a("neck_tilt"))
    )
    origin: Vec = (0.0, 0.0, 0.0)
    waist = _mul(root, (0.0, LOWER_TRUNK, 0.0))
    chest_line = _add(waist, _mul(upper, (0.0, UPPER_TRUNK, 0.0)))  # between the shoulders
    head = _add(chest_line, _mul(head_frame, (0.0, HEAD_CENTRE, 0.0)))
    points: dict[str, Vec] = {"hips": origin, "waist": waist, "head": head}
    chest_mid = _add(waist, _mul(upper, (0.0, UPPER_TRUNK * 0.55, 0.0)))
    points["chest"] = _add(chest_mid, _mul(upper, (RADII["chest"], 0.0, 0.0)))
    points["back"] = _add(chest_mid, _mul(upper, (-RADII["chest"], 0.0, 0.0)))
    points["belly"] = _add(waist, _mul(root, (RADII["waist"], -0.03, 0.0)))
    points["jaw"] = _add(head, _mul(head_frame, (0.04, -0.045, 0.0)))
    points["neck_back"] = _add(chest_line, _mul(head_frame, (-0.03, 0.04, 0.0)))
    segments: dict[str, tuple[Vec, Vec, float, Mat]] = {
        "neck": (
            chest_line,
            _add(chest_line, _mul(head_frame, (0.0, NECK, 0.0))),
            RADII["neck"],
            head_frame,
        ),
    }
    hulls: dict[str, tuple[list[tuple[Vec, float]], Mat]] = {}
    lower_spheres: list[tuple[Vec, float]] = []
    upper_spheres: list[tuple[Vec, float]] = [(_add(chest_mid, origin), RADII["chest"])]
    point_radii: dict[str, float] = {
        "hips": RADII["hip"],
        "waist": RADII["waist"],
        "head": RADII["head"],
        "chest": 0.0,
        "back": 0.0,
        "belly": 0.0,
        "jaw": 0.0,
        "neck_back": 0.0,
    }
    for side, sign in (("right", 1.0), ("left", -1.0)):

        def j(name: str, side: str = side) -> float:
            return a(f"{side}_{name}")

        hip = _mul(root, (0.0, 0.0, HIP_HALF * sign))
        waist_side = _add(waist, _mul(root, (0.0, 0.0, WAIST_HALF * sign)))
        shoulder = _add(chest_line, _mul(upper, (0.0, 0.0, SHOULDER_HALF * sign)))
        lower_spheres += [(hip, RADII["hip"]), (waist_side, RADII["waist"])]
        upper_spheres += [(waist_side, RADII["waist"]), (shoulder, RADII["shoulder"])]
        # the leg
        hip_frame = _chain(
            root,
            _rot("z", j("hip")),
            _rot("x", -sign * j("hip_out")),
            _rot("y", -sign * j("hip_rot")),
        )
        knee = _add(hip, _mul(hip_frame, (0.0, -THIGH, 0.0)))
        knee_frame = _chain(hip_frame, _rot("z", -j("knee")))
        ankle = _add(knee, _mul(knee_frame, (0.0, -SHIN, 0.0)))
        ankle_frame = _chain(knee_frame, _rot("z", j("ankle")))
        sole = _add(ankle, _mul(ankle_frame, (0.0, -SOLE_DROP, 0.0)))
        heel = _add(sole, _mul(ankle_frame, (-HEEL_BACK, 0.0, 0.0)))
        toe = _add(sole, _mul(ankle_frame, (TOE_FRONT, 0.0, 0.0)))
        # the arm
        shoulder_frame = _chain(
            upper,
            _rot("z", j("shoulder")),
            _rot("x", -sign * j("shoulder_out")),
            _rot("y", -sign * j("shoulder_rot")),
        )
        elbow = _add(shoulder, _mul(shoulder_frame, (0.0, -UPPER_ARM, 0.0)))
        elbow_frame = _chain(shoulder_frame, _rot("z", j("elbow")))
        wrist = _add(elbow, _mul(elbow_frame, (0.0, -FOREARM, 0.0)))
        wrist_frame = _chain(elbow_frame, _rot("z", j("wrist")))
        fingers = _add(wrist, _mul(wrist_frame, (0.0, -HAND, 0.0)))
        segments[f"{side}_thigh"] = (hip, knee, RADII["thigh"], hip_frame)
        segments[f"{side}_shin"] = (knee, ankle, RADII["shin"], knee_frame)
        segments[f"{side}_foot"] = (heel, toe, RADII["foot"], ankle_frame)
        segments[f"{side}_upper_arm"] = (shoulder, elbow, RADII["upper_arm"], shoulder_frame)
        segments[f"{side}_forearm"] = (elbow, wrist, RADII["forearm"], elbow_frame)
        segments[f"{side}_hand"] = (wrist, fingers, RADII["hand"], wrist_frame)
        named = {
            "shoulder": (shoulder, RADII["shoulder"]),
            "elbow": (elbow, RADII["upper_arm"]),
            "wrist": (wrist, RADII["forearm"]),
            "hand": (_add(wrist, _mul(wrist_frame, (0.0, -HAND * 0.6, 0.0))), RADII["hand"]),
            "hip": (hip, RADII["hip"]),
            "knee": (knee, (RADII["thigh"] + RADII["shin"]) / 2),
            "ankle": (ankle, RADII["shin"]),
            "heel": (heel, RADII["foot"]),
            "toe": (_add(toe, _mul(ankle_frame, (-0.03, 0.0, 0.0))), RADII["foot"]),
        }
        for point, (where, radius) in named.items():
            points[f"{side}_{point}"] = where
            point_radii[f"{side}_{point}"] = radius
    hulls["lower_trunk"] = (lower_spheres, root)
    hulls["upper_trunk"] = (upper_spheres, upper)
    return Body(points, segments, hulls, point_radii)


def limb_problems(body: Body) -> list[str]:
    """Each segment at its length (true by construction; checked all the same)."""
    out = []
    for part, (start, end, _radius, _frame) in body.segments.items():
        kind = part.split("_", 1)[1] if "_" in part and part.split("_", 1)[0] in SIDES else part
        wanted = LENGTHS.get(kind)
        if wanted is not None and abs(_dist(start, end) - wanted) > 1e-6:
            out.append(f"{part} is {_dist(start, end):.3f} long, not {wanted:.3f}")
    return out


# --------------------------------------------------------------------------- projection


def _project(view: str, v: Vec) -> tuple[float, float, float]:
    """(x right, y up, depth toward the viewer) in the picture of `view`."""
    if view == "side":
        return v[0], v[1], v[2]
    if view == "front":
        return -v[2], v[1], v[0]
    return v[0], -v[2], v[1]  # above


def _bottom(body: Body, name: str) -> float:
    """The height of the lowest point of a part or a point, in the figure's own frame."""
    if name in body.segments:
        start, end, radius, _ = body.segments[name]
        return min(start[1], end[1]) - radius
    if name in body.hulls:
        spheres, _ = body.hulls[name]
        return min(c[1] - r for c, r in spheres)
    if name == "head":
        return body.points["head"][1] - RADII["head"]
    return body.points[name][1] - body.point_radii[name]


def _lowest(body: Body) -> tuple[float, str]:
    """(height, part) of the figure's lowest point."""
    return min((_bottom(body, p), p) for p in PARTS)


def _anchor(body: Body, name: str) -> tuple[Vec, float]:
    """A part's or point's position (its middle, for a part) and radius."""
    if name in body.segments:
        start, end, radius, _ = body.segments[name]
        return tuple((s + e) / 2 for s, e in zip(start, end, strict=True)), radius  # type: ignore[return-value]
    if name in body.hulls:
        spheres, _ = body.hulls[name]
        n = len(spheres)
        centre = tuple(sum(c[i] for c, _ in spheres) / n for i in range(3))
        return centre, max(r for _, r in spheres)  # type: ignore[return-value]
    if name == "head":
        return body.points["head"], RADII["head"]
    return body.points[name], body.point_radii[name]


def _anchor_lowest(body: Body, name: str) -> Vec:
    """The lowest point of a part (where it rests on something)."""
    if name in body.segments:
        start, end, radius, _ = body.segments[name]
        low = start if start[1] <= end[1] else end
        return (low[0], low[1] - radius, low[2])
    if name in body.hulls:
        spheres, _ = body.hulls[name]
        centre, radius = min(spheres, key=lambda s: s[0][1] - s[1])
        return (centre[0], centre[1] - radius, centre[2])
    point, radius = _anchor(body, name)
    return (point[0], point[1] - radius, point[2])


# --------------------------------------------------------------------------- layout


def layout(pose: Pose) -> Scene:
    """The pose placed in its picture, with every problem `check` reports in `problems`
    (as (field, message): the field says which line of the pose block is to blame)."""
    body = build_body(pose)
    problems: list[tuple[str, str]] = [("pose", p) for p in limb_problems(body)]
    view = pose.view
    # vertical placement: the support carries the body
    if pose.support == "floor":
        lift = -_lowest(body)[0]
    else:
        anchors = pose.prop(pose.support) or ()
        lift = SUPPORTS[pose.support] - _bottom(body, anchors[0]) if anchors else -_lowest(body)[0]

    def place(v: Vec) -> Vec:
        return (v[0], v[1] + lift, v[2])

    shapes = _shapes(body, view, place)
    marks = [m for name in pose.highlight for m in _marks(body, view, place, name)]
    problems += _support_problems(pose, body, lift)
    props, prop_problems = _place_props(pose, body, view, place, shapes)
    problems += prop_problems
    arrow = _arrow(pose.arrow, body, view, place) if pose.arrow else None
    scene = Scene(view, shapes, marks, props, arrow, None if view == "above" else 0.0, problems)
    ahead = _project(view, _mul(body.segments["neck"][3], (1.0, 0.0, 0.0)))
    scene.face = (ahead[0], ahead[1])
    _frame(scene, pose)
    return scene


def _shapes(body: Body, view: str, place: Callable[[Vec], Vec]) -> list[Shape]:
    trunk_depth = _project(view, place(body.points["hips"]))[2]
    shapes: list[Shape] = []
    for name, (spheres, _frame) in body.hulls.items():
        projected = [_project(view, place(c)) for c, _ in spheres]
        depth = sum(p[2] for p in projected) / len(projected)
        shapes.append(
            Shape(
                name,
                tuple((p[0], p[1]) for p in projected),
                0.0,
                depth,
                radii=tuple(r for _, r in spheres),
            )
        )
    for name, (start, end, radius, _frame) in body.segments.items():
        p, q = _project(view, place(start)), _project(view, place(end))
        depth = (p[2] + q[2]) / 2
        far = name.split("_")[0] in SIDES and depth < trunk_depth - 0.05
        shapes.append(Shape(name, ((p[0], p[1]), (q[0], q[1])), radius, depth, far=far))
    head = _project(view, place(body.points["head"]))
    shapes.append(Shape("head", ((head[0], head[1]),), RADII["head"], head[2] + 0.001))
    shapes.sort(key=lambda s: s.depth)
    return shapes


def _side_vector(part: str, side: str) -> Vec | None:
    """The direction of a named side in the part's own frame."""
    sign = -1.0 if part.startswith("left_") else 1.0
    return {
        "front": (1.0, 0.0, 0.0),
        "back": (-1.0, 0.0, 0.0),
        "outer": (0.0, 0.0, sign),
        "inner": (0.0, 0.0, -sign),
        "right": (0.0, 0.0, 1.0),
        "left": (0.0, 0.0, -1.0),
        "top": (0.0, 1.0, 0.0),
        "sole": (0.0, -1.0, 0.0),
    }.get(side)


def _marks(body: Body, view: str, place: Callable[[Vec], Vec], name: str) -> list[Mark]:
    """The highlight `name` as capsules in the picture."""
    part, _, side = name.partition(".")

    def p2(v: Vec) -> Point2:
        x, y, _ = _project(view, place(v))
        return x, y

    if part == "head":
        spot = p2(body.points["jaw" if side == "jaw" else "head"])
        return [Mark("head", spot, spot, 0.028 if side == "jaw" else 0.045)]
    if part in body.hulls:
        _spheres, frame = body.hulls[part]
        if part == "lower_trunk":
            start, end = body.points["hips"], body.points["waist"]
        else:
            start = body.points["waist"]
            end = _add(start, _mul(frame, (0.0, UPPER_TRUNK * 0.95, 0.0)))
        vector = _side_vector(part, side) if side else None
        if vector is None:
            return [Mark(part, p2(start), p2(end), 0.05)]
        across = _project(view, _mul(frame, vector))
        seen = math.hypot(across[0], across[1])
        if seen < 0.35:  # the side faces the viewer
            return [Mark(part, p2(start), p2(end), 0.045)]
        # how far the trunk reaches that way: its depth front to back, its width side to side
        reach = 0.06 if side in ("front", "back") else 0.1
        ux, uy = across[0] / seen, across[1] / seen
        a, b = p2(start), p2(end)
        shift = reach - 0.028
        return [
            Mark(
                part,
                (a[0] + ux * shift, a[1] + uy * shift),
                (b[0] + ux * shift, b[1] + uy * shift),
                0.03,
            )
        ]
    if part in body.segments:
        start, end, radius, frame = body.segments[part]
        return [_stripe(part, p2(start), p2(end), radius, view, frame, side)]
    joint = part.split("_", 1)[1] if "_" in part else ""
    if joint in REGION_JOINTS:
        centre, radius = _anchor(body, part)
        frame = _region_frame(body, part)
        offset = _unit2(_project(view, _mul(frame, _side_vector(part, side) or (0, 0, 0))))
        c = p2(centre)
        reach = radius * 0.6
        spot = (c[0] + offset[0] * reach, c[1] + offset[1] * reach)
        return [Mark(part, spot, spot, max(0.03, radius * 0.7))]
    return []


def _region_frame(body: Body, part: str) -> Mat:
    side, joint = part.split("_", 1)
    below = {
        "hip": "thigh",
        "knee": "shin",
        "ankle": "foot",
        "shoulder": "upper_arm",
        "elbow": "forearm",
        "wrist": "hand",
    }[joint]
    return body.segments[f"{side}_{below}"][3]


def _unit2(v: tuple[float, float, float]) -> Point2:
    length = math.hypot(v[0], v[1])
    if length < 0.35:
        return (0.0, 0.0)  # the side faces the viewer: highlight the whole part
    return (v[0] / length, v[1] / length)


def _stripe(
    part: str,
    a: Point2,
    b: Point2,
    radius: float,
    view: str,
    frame: Mat,
    side: str,
) -> Mark:
    """A highlight along a part, on its named side (the whole part when no side is named or
    the side faces the viewer)."""
    vector = _side_vector(part, side) if side else None
    offset = _unit2(_project(view, _mul(frame, vector))) if vector else (0.0, 0.0)
    trim = 0.12
    a2 = (a[0] + (b[0] - a[0]) * trim, a[1] + (b[1] - a[1]) * trim)
    b2 = (b[0] - (b[0] - a[0]) * trim, b[1] - (b[1] - a[1]) * trim)
    if offset == (0.0, 0.0):
        return Mark(part, a2, b2, radius * 0.7)
    shift = radius * 0.42
    return Mark(
        part,
        (a2[0] + offset[0] * shift, a2[1] + offset[1] * shift),
        (b2[0] + offset[0] * shift, b2[1] + offset[1] * shift),
        radius * 0.58,
    )


# --------------------------------------------------------------------------- supports and props


def _support_problems(pose: Pose, body: Body, lift: float) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    low, part = _lowest(body)
    low += lift
    if low < -TOLERANCE:
        out.append(("pose", f"{part} goes {-low:.2f} below the floor"))
    if pose.support == "chair" and low > TOLERANCE:
        out.append(
            (
                "support",
                f"sitting on the chair, nothing reaches the floor: the lowest part, {part}, is "
                f"{low:.2f} above it (feet rest on the floor)",
            )
        )
    return out


def _rect(x0: float, y0: float, x1: float, y1: float) -> tuple[Point2, ...]:
    return ((x0, y0), (x1, y0), (x1, y1), (x0, y1))


def _place_props(
    pose: Pose, body: Body, view: str, place: Callable[[Vec], Vec], shapes: list[Shape]
) -> tuple[list[PropShape], list[tuple[str, str]]]:
    """Each prop at the body part it is anchored to; a height no such prop has is a problem.

    Heights are the figure's own (above the floor), whatever the view; positions are in the
    picture."""
    props: list[PropShape] = []
    problems: list[tuple[str, str]] = []
    left, bottom, right, top = _bounds(shapes, [], [], None)
    centre = (left + right) / 2

    def at(name: str) -> Point2:
        point, _ = _anchor(body, name)
        x, y, _ = _project(view, place(point))
        return x, y

    def height(name: str) -> float:
        return place(_anchor_lowest(body, name))[1]

    def height_ok(kind: str, value: float, anchor: str) -> bool:
        lo, hi = PROP_HEIGHTS[kind]
        if lo - TOLERANCE <= value <= hi + TOLERANCE:
            return True
        what = {"chair": "a chair seat", "chair_back": "the top of a chair's back"}.get(
            kind, f"a {kind}'s top"
        )
        problems.append(
            (
                f"props.{kind.split('_')[0]}",
                f"{what} would be {value:.2f} high at {anchor}; it can be {lo:.2f} to "
                f"{hi:.2f} of the figure's height",
            )
        )
        return False

    for kind, anchors in pose.props:
        first = anchors[0] if anchors else ""
        if kind == "floor":
            if view == "above":
                pad = 0.12
                props.append(
                    PropShape("mat", (_rect(left - pad, bottom - pad, right + pad, top + pad),))
                )
            else:
                props.append(PropShape("mat", (_rect(left - 0.1, -0.012, right + 0.1, 0.0),)))
        elif kind == "towel":
            if len(anchors) == 2:
                props.append(PropShape("towel", ((at(anchors[0]), at(anchors[1])),), True, 0.02))
            elif view != "above":  # a pad under a part is hidden when seen from above
                props.append(_pad(body, first, view, place))
        elif kind == "chair":
            anchor_point = first.replace("_thigh", "_hip")  # the seat is under the hip joint
            props.extend(
                _chair(first, at(anchor_point), height(first), centre, view, problems, height_ok)
            )
        elif view == "above":
            problems.append(
                (f"props.{kind}", f"a {kind} cannot be drawn seen from above (view: above)")
            )
        elif kind in ("wall", "doorway"):
            props.extend(_wall(kind, first, body, view, place, shapes, centre, problems))
        else:
            x, y = _project(view, place(_anchor_lowest(body, first)))[:2]
            if not height_ok(kind, y, first):
                continue
            away = 1.0 if x >= centre else -1.0  # the prop stands on this side of the figure
            if kind == "table":
                x0, x1 = sorted((x - away * 0.06, x + away * 0.45))
                legs = (_rect(x0 + 0.03, 0.0, x0 + 0.06, y), _rect(x1 - 0.06, 0.0, x1 - 0.03, y))
                props.append(PropShape("furniture", (_rect(x0, y - 0.035, x1, y), *legs)))
            elif kind == "bed":
                resting = [s for s in shapes if min(_low_y(s)) <= y + 0.08]
                bl, _, br, _ = _bounds(resting or shapes, [], [], None)
                frame = (_rect(bl - 0.04, 0.03, br + 0.04, y), _rect(bl - 0.04, 0.0, bl, 0.03))
                props.append(PropShape("furniture", frame))
            elif first.endswith("_toe"):  # a step with the ball of the foot on its edge
                facing = 1.0 if view == "side" else away
                x0, x1 = sorted((x - facing * 0.04, x + facing * 0.4))
                props.append(PropShape("furniture", (_rect(x0, 0.0, x1, y),)))
            else:  # a step or stool under the part
                props.append(PropShape("furniture", (_rect(x - 0.14, 0.0, x + 0.14, y),)))
    return props, problems


def _wall(
    kind: str,
    anchor: str,
    body: Body,
    view: str,
    place: Callable[[Vec], Vec],
    shapes: list[Shape],
    centre: float,
    problems: list[tuple[str, str]],
) -> list[PropShape]:
    """A wall (or a door frame) standing across the picture, touching `anchor` on the side
    away from the figure's middle; nothing else of the body may be beyond a wall."""
    point, radius = _anchor(body, anchor)
    x = _project(view, place(point))[0]
    away = 1.0 if x >= centre else -1.0
    face = x + away * radius
    thick = 0.06 if kind == "wall" else 0.05
    x0, x1 = sorted((face, face + away * thick))
    if kind == "doorway":  # seen from the side, one jamb; from the front, the whole frame
        lintel = 1.18
        if view == "side":
            return [PropShape("door", (_rect(x0, 0.0, x1, lintel),))]
        other = face - away * 0.5  # a door is about half a person's height wide
        o0, o1 = sorted((other, other - away * thick))
        lo, hi = min(x0, o0), max(x1, o1)
        frame = (_rect(x0, 0.0, x1, lintel), _rect(o0, 0.0, o1, lintel))
        return [PropShape("door", (*frame, _rect(lo, lintel, hi, lintel + 0.05)))]
    beyond = sorted(
        s.name
        for s in shapes
        if any((p[0] - face) * away > TOLERANCE + _r(s, i) for i, p in enumerate(s.points))
    )
    if beyond:
        problems.append(
            ("props.wall", f"the body goes through the wall ({', '.join(beyond)} beyond {anchor})")
        )
    return [PropShape("wall", (_rect(x0, 0.0, x1, FRAME_HEIGHT * 2),))]


def _r(shape: Shape, index: int) -> float:
    return shape.radii[index] if shape.radii else shape.radius


def _low_y(shape: Shape) -> list[float]:
    return [p[1] - _r(shape, i) for i, p in enumerate(shape.points)]


def _pad(body: Body, anchor: str, view: str, place: Callable[[Vec], Vec]) -> PropShape:
    """A folded towel or cushion under a part."""
    if anchor in body.segments:
        start, end, _radius, _ = body.segments[anchor]
        xs = [_project(view, place(start))[0], _project(view, place(end))[0]]
    else:
        point, _ = _anchor(body, anchor)
        x = _project(view, place(point))[0]
        xs = [x - 0.05, x + 0.05]
    _, y = _project(view, place(_anchor_lowest(body, anchor)))[:2]
    x0, x1 = min(xs) - 0.04, max(xs) + 0.04
    return PropShape("towel", (_rect(x0, max(0.0, y - 0.012), x1, y + 0.022),))


def _chair(
    anchor: str,
    at: Point2,
    height: float,
    centre: float,
    view: str,
    problems: list[tuple[str, str]],
    height_ok: Callable[[str, float, str], bool],
) -> list[PropShape]:
    """A chair: sat on (the anchor is the hips, the trunk or a thigh) or held by its back (a
    hand, wrist, forearm or elbow). `at` is the anchor in the picture, `height` its lowest
    point above the floor."""
    x, y = at
    side = anchor.split("_")[0] in SIDES
    kind = anchor.split("_", 1)[1] if side else anchor
    away = 1.0 if x >= centre else -1.0
    if kind in ("hand", "wrist", "forearm", "elbow"):
        if not height_ok("chair_back", height, anchor):
            return []
        if view == "above":
            x0, x1 = sorted((x, x + away * 0.3))
            return [PropShape("furniture", (_rect(x0, y - 0.19, x1, y + 0.19),))]
        seat = SUPPORTS["chair"]
        far_edge = x + away * 0.26
        x0, x1 = sorted((x, far_edge))
        f0, f1 = sorted((far_edge, far_edge - away * 0.025))
        parts = (_rect(x - 0.02, 0.0, x + 0.02, height), _rect(x0, seat - 0.03, x1, seat))
        return [PropShape("furniture", (*parts, _rect(f0, 0.0, f1, seat)))]
    if kind not in ("hips", "lower_trunk", "upper_trunk", "thigh"):
        problems.append(
            (
                "props.chair",
                f"a chair carries the hips or a thigh (sitting on it) or is held by a hand, "
                f"not {anchor}",
            )
        )
        return []
    if not height_ok("chair", height, anchor):
        return []
    seat = height
    if view == "above":  # the seat from above, its back behind the hips
        return [
            PropShape(
                "furniture",
                (
                    _rect(x - 0.13, y - 0.19, x + 0.15, y + 0.19),
                    _rect(x - 0.16, y - 0.19, x - 0.13, y + 0.19),
                ),
            )
        ]
    if view == "front":
        x0, x1 = x - 0.19, x + 0.19
        return [
            PropShape(
                "furniture",
                (
                    _rect(x0 + 0.03, seat, x1 - 0.03, seat + 0.33),
                    _rect(x0, seat - 0.035, x1, seat),
                    _rect(x0 + 0.01, 0.0, x0 + 0.035, seat),
                    _rect(x1 - 0.035, 0.0, x1 - 0.01, seat),
                ),
            )
        ]
    back = x - 0.11
    front = x + 0.15
    return [
        PropShape(
            "furniture",
            (
                _rect(back - 0.03, seat, back, seat + 0.33),
                _rect(back - 0.03, seat - 0.035, front, seat),
                _rect(back - 0.03, 0.0, back, seat),
                _rect(front - 0.03, 0.0, front, seat),
            ),
        )
    ]


def _arrow(arrow: Arrow, body: Body, view: str, place: Callable[[Vec], Vec]) -> ArrowShape:
    point, radius = _anchor(body, arrow.at)
    x, y, _ = _project(view, place(point))
    x += arrow.shift[0]
    y += arrow.shift[1]
    if arrow.turn is not None:
        r = max(0.07, radius + 0.05)
        sweep = 250.0 if arrow.turn == "ccw" else -250.0
        start = 145.0 if arrow.turn == "ccw" else 35.0
        steps = 24
        pts = tuple(
            (
                x + r * math.cos(math.radians(start + sweep * i / steps)),
                y + r * math.sin(math.radians(start + sweep * i / steps)),
            )
            for i in range(steps + 1)
        )
        return ArrowShape(pts)
    d = math.radians(arrow.direction or 0.0)
    ux, uy = math.cos(d), math.sin(d)
    gap = radius + 0.04
    tail = (x + ux * gap, y + uy * gap)
    head = (tail[0] + ux * arrow.length, tail[1] + uy * arrow.length)
    return ArrowShape((tail, head))


def _bounds(
    shapes: Iterable[Shape],
    marks: Iterable[Mark],
    props: Iterable[PropShape],
    arrow: ArrowShape | None,
) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = []
    for s in shapes:
        for i, p in enumerate(s.points):
            r = _r(s, i)
            xs += [p[0] - r, p[0] + r]
            ys += [p[1] - r, p[1] + r]
    for m in marks:
        for p in (m.a, m.b):
            xs += [p[0] - m.radius, p[0] + m.radius]
            ys += [p[1] - m.radius, p[1] + m.radius]
    for prop in props:
        for poly in prop.polygons:
            for p in poly:
                xs.append(p[0])
                if prop.kind not in ("wall",):
                    ys.append(p[1])
    if arrow is not None:
        for p in arrow.points:
            xs += [p[0] - 0.03, p[0] + 0.03]
            ys += [p[1] - 0.03, p[1] + 0.03]
    if not xs:
        return (0.0, 0.0, 0.0, 0.0)
    return (min(xs), min(ys) if ys else 0.0, max(xs), max(ys) if ys else 0.0)


def _frame(scene: Scene, pose: Pose) -> None:
    """Move the scene into the frame (centred across; the floor at its place, or centred when
    seen from above) and report whatever still sticks out."""
    left, bottom, right, top = scene.bounds()
    dx = FRAME_WIDTH / 2 - (left + right) / 2
    dy = FLOOR_MARGIN if scene.floor is not None else FRAME_HEIGHT / 2 - (bottom + top) / 2
    _shift(scene, dx, dy)
    if scene.floor is not None:
        scene.floor = FLOOR_MARGIN
    left, bottom, right, top = scene.bounds()
    out = []
    if right - left > FRAME_WIDTH - 2 * EDGE:
        out.append(f"it is {right - left:.2f} wide and the frame {FRAME_WIDTH - 2 * EDGE:.2f}")
    if top > FRAME_HEIGHT - EDGE:
        out.append(f"it reaches {top - (FRAME_HEIGHT - EDGE):.2f} above the top")
    if bottom < EDGE - 1e-9:
        out.append(f"it reaches {EDGE - bottom:.2f} below the bottom")
    if out:
        scene.problems.append(("pose", "the figure does not fit in the frame: " + "; ".join(out)))


def _shift(scene: Scene, dx: float, dy: float) -> None:
    def mv(p: Point2) -> Point2:
        return (p[0] + dx, p[1] + dy)

    scene.shapes = [
        Shape(s.name, tuple(mv(p) for p in s.points), s.radius, s.depth, s.radii, s.far)
        for s in scene.shapes
    ]
    scene.marks = [Mark(m.on, mv(m.a), mv(m.b), m.radius) for m in scene.marks]
    scene.props = [
        PropShape(
            p.kind, tuple(tuple(mv(q) for q in poly) for poly in p.polygons), p.front, p.width
        )
        for p in scene.props
    ]
    if scene.arrow is not None:
        scene.arrow = ArrowShape(tuple(mv(p) for p in scene.arrow.points))


def inside_frame(scene: Scene) -> bool:
    """Everything drawn lies inside the picture."""
    left, bottom, right, top = scene.bounds()
    return left >= 0 and bottom >= 0 and right <= FRAME_WIDTH and top <= FRAME_HEIGHT


# --------------------------------------------------------------------------- reading a pose block


Report = Callable[[yaml.Node, str], None]


def _number(node: yaml.Node) -> float | None:
    if not isinstance(node, yaml.ScalarNode) or node.tag.endswith(":bool"):
        return None
    try:
        value = float(node.value)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _name(node: yaml.Node) -> str | None:
    if isinstance(node, yaml.ScalarNode) and isinstance(node.value, str) and node.value.strip():
        return str(node.value).strip()
    return None


def _names(node: yaml.Node) -> list[tuple[yaml.Node, str | None]]:
    """A name or a list of names, each with its node."""
    if isinstance(node, yaml.SequenceNode):
        return [(item, _name(item)) for item in node.value]
    return [(node, _name(node))]


def _show(node: yaml.Node) -> str:
    if isinstance(node, yaml.ScalarNode):
        return repr(node.value)
    return "a list" if isinstance(node, yaml.SequenceNode) else "a mapping"


def _one_of(options: Iterable[str]) -> str:
    return ", ".join(options)


POSE_KEYS = ("view", "support", "angles", "props", "highlight", "arrow")


def read_pose(node: yaml.Node, label: str, err: Report) -> Pose | None:
    """Read and check a `pose:` block; every mistake goes to `err(node, message)` with the
    node it is about (so with its line). None when the block cannot make a picture at all."""
    where = f"{label} pose"
    if not isinstance(node, yaml.MappingNode):
        err(node, f"{where}: expected a mapping (view, angles, props...), found {_show(node)}")
        return None
    fields: dict[str, yaml.Node] = {}
    ok = True
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if key not in POSE_KEYS:
            err(key_node, f"{where}: unknown key {key!r} (expected one of: {_one_of(POSE_KEYS)})")
            ok = False
        elif key in fields:
            err(key_node, f"{where}: key {key!r} appears twice")
            ok = False
        else:
            fields[key] = value_node
    view = _name(fields["view"]) if "view" in fields else None
    if "view" not in fields:
        err(node, f"{where}: missing required key 'view' ({_one_of(VIEWS)})")
        return None
    if view not in VIEWS:
        err(fields["view"], f"{where} view: {_show(fields['view'])} is not one of {_one_of(VIEWS)}")
        return None
    on = "floor"
    if "support" in fields:
        on = _name(fields["support"]) or ""
        if on not in SUPPORTS:
            err(
                fields["support"],
                f"{where} support: {_show(fields['support'])} is not one of {_one_of(SUPPORTS)}",
            )
            ok = False
    angles = _read_angles(fields.get("angles"), where, err)
    props = _read_props(fields.get("props"), where, err)
    if on not in ("floor", "") and on in SUPPORTS and not any(p == on for p, _ in props or ()):
        err(
            fields["support"],
            f"{where} support: {on!r} needs a {on} in props, at the part it carries",
        )
        ok = False
    highlight = _read_highlight(fields.get("highlight"), node, where, err)
    arrow = _read_arrow(fields["arrow"], where, err) if "arrow" in fields else None
    if angles is None or props is None or highlight is None or not ok:
        return None
    if "arrow" in fields and arrow is None:
        return None
    pose = Pose(view, on, angles, props, highlight, arrow)
    scene = layout(pose)
    for field_name, message in scene.problems:
        err(_node_for(field_name, node, fields), f"{where}: {message}")
    return pose  # drawable even with problems (they are reported; the loader refuses them)


def _node_for(field_name: str, node: yaml.Node, fields: dict[str, yaml.Node]) -> yaml.Node:
    """The node a problem is reported at: the prop's own line, the field, else the block."""
    head, _, prop = field_name.partition(".")
    if head == "props" and "props" in fields:
        props = fields["props"]
        if isinstance(props, yaml.MappingNode):
            for key_node, value_node in props.value:
                if key_node.value == prop:
                    found_prop: yaml.Node = value_node
                    return found_prop
        return props
    found: yaml.Node = fields.get(head, node)
    return found


def _read_angles(
    node: yaml.Node | None, where: str, err: Report
) -> tuple[tuple[str, float], ...] | None:
    if node is None:
        return ()
    if not isinstance(node, yaml.MappingNode):
        err(node, f"{where} angles: expected a mapping of joint: degrees, found {_show(node)}")
        return None
    values: dict[str, float] = {}
    both: dict[str, float] = {}
    ok = True
    for key_node, value_node in node.value:
        joint = str(key_node.value)
        value = _number(value_node)
        if joint not in JOINTS and joint not in SIDE_JOINTS:
            err(
                key_node,
                f"{where} angles: unknown joint {joint!r} (expected one of: "
                f"{_one_of(BODY_JOINTS)}, or right_/left_ (or both, without a prefix) + "
                f"{_one_of(SIDE_JOINTS)})",
            )
            ok = False
            continue
        if value is None:
            err(value_node, f"{where} angles {joint}: expected degrees, found {_show(value_node)}")
            ok = False
            continue
        lo, hi = JOINTS.get(joint) or SIDE_JOINTS[joint]
        if not lo <= value <= hi:
            err(value_node, f"{where} angles {joint}: {value:g} is outside {lo:g} to {hi:g}")
            ok = False
            continue
        if joint in values or joint in both:
            err(key_node, f"{where} angles: {joint!r} appears twice")
            ok = False
            continue
        (both if joint in SIDE_JOINTS else values)[joint] = value
    for joint, value in both.items():
        for side in SIDES:
            values.setdefault(f"{side}_{joint}", value)
    if not ok:
        return None
    return tuple(sorted((j, v) for j, v in values.items() if v != 0))


def _read_props(
    node: yaml.Node | None, where: str, err: Report
) -> tuple[tuple[str, tuple[str, ...]], ...] | None:
    if node is None:
        return ()
    if not isinstance(node, yaml.MappingNode):
        err(node, f"{where} props: expected a mapping of prop: body part, found {_show(node)}")
        return None
    out: list[tuple[str, tuple[str, ...]]] = []
    ok = True
    anchors_help = "a body part or point (see knowledge/README.md, section pose)"
    for key_node, value_node in node.value:
        prop = str(key_node.value)
        if prop not in PROPS:
            err(
                key_node,
                f"{where} props: unknown prop {prop!r} (expected one of: {_one_of(PROPS)})",
            )
            ok = False
            continue
        if any(p == prop for p, _ in out):
            err(key_node, f"{where} props: {prop!r} appears twice")
            ok = False
            continue
        if prop == "floor":
            if _name(value_node) != "mat":
                err(value_node, f"{where} props floor: expected 'mat', found {_show(value_node)}")
                ok = False
            out.append((prop, ()))
            continue
        items = _names(value_node)
        wanted = (1, 2) if prop == "towel" else (1,)
        if len(items) not in wanted:
            count = "one or two body parts" if prop == "towel" else "one body part"
            err(value_node, f"{where} props {prop}: expected {count}, found {_show(value_node)}")
            ok = False
            continue
        anchors = []
        for item_node, name in items:
            if name not in PARTS and name not in POINTS:
                err(
                    item_node,
                    f"{where} props {prop}: unknown body part {_show(item_node)} ({anchors_help})",
                )
                ok = False
            else:
                anchors.append(name)
        out.append((prop, tuple(anchors)))
    return tuple(out) if ok else None


def _read_highlight(
    node: yaml.Node | None, block: yaml.Node, where: str, err: Report
) -> tuple[str, ...] | None:
    if node is None:
        err(block, f"{where}: missing required key 'highlight' (the muscle or area stretched)")
        return None
    out = []
    ok = True
    for item_node, name in _names(node):
        if name is None or not _known_highlight(name):
            err(item_node, f"{where} highlight: {_show(item_node)} is not {HIGHLIGHT_HELP}")
            ok = False
        else:
            out.append(name)
    if not out and ok:
        err(node, f"{where} highlight: the list is empty")
        ok = False
    return tuple(out) if ok else None


def _known_highlight(name: str) -> bool:
    part, dot, side = name.partition(".")
    if part == "head":
        return side in ("", "jaw") and (dot == "") == (side == "")
    if dot and not side:
        return False
    if part in ("upper_trunk", "lower_trunk", "neck"):
        return side in ("", *TRUNK_SIDES)
    prefix, _, rest = part.partition("_")
    if prefix not in SIDES:
        return False
    if rest in _SEGMENTS:
        return side in ("", *(FOOT_SIDES if rest == "foot" else LIMB_SIDES))
    if rest in REGION_JOINTS:
        return side in ("", *LIMB_SIDES)
    return False


def _read_arrow(node: yaml.Node, where: str, err: Report) -> Arrow | None:
    if not isinstance(node, yaml.MappingNode):
        err(node, f"{where} arrow: expected a mapping (at, dir or turn), found {_show(node)}")
        return None
    fields = {str(k.value): v for k, v in node.value}
    ok = True
    for key_node, _ in node.value:
        if key_node.value not in ("at", "dir", "turn", "shift", "length"):
            err(
                key_node,
                f"{where} arrow: unknown key {key_node.value!r} (at, dir, turn, shift, length)",
            )
            ok = False
    at = _name(fields["at"]) if "at" in fields else None
    if at is None:
        err(node, f"{where} arrow: needs 'at', the body part or point it starts from")
        return None
    if at not in PARTS and at not in POINTS:
        err(fields["at"], f"{where} arrow at: unknown body part {at!r}")
        ok = False
    direction = None
    turn = None
    if ("dir" in fields) == ("turn" in fields):
        err(
            node,
            f"{where} arrow: give either 'dir' (degrees: 0 right, 90 up) or 'turn' (cw or ccw)",
        )
        return None
    if "dir" in fields:
        direction = _number(fields["dir"])
        if direction is None or not -360 <= direction <= 360:
            err(fields["dir"], f"{where} arrow dir: expected degrees, found {_show(fields['dir'])}")
            ok = False
    else:
        turn = _name(fields["turn"])
        if turn not in ("cw", "ccw"):
            err(fields["turn"], f"{where} arrow turn: {_show(fields['turn'])} is not cw or ccw")
            ok = False
    shift = (0.0, 0.0)
    if "shift" in fields:
        node_shift = fields["shift"]
        values = (
            [_number(v) for v in node_shift.value]
            if isinstance(node_shift, yaml.SequenceNode)
            else []
        )
        if len(values) != 2 or any(v is None or abs(v) > 1 for v in values):
            err(
                node_shift, f"{where} arrow shift: expected [right, up] in figure heights (-1 to 1)"
            )
            ok = False
        else:
            shift = (float(values[0] or 0.0), float(values[1] or 0.0))
    length = 0.18
    if "length" in fields:
        value = _number(fields["length"])
        if value is None or not 0.05 <= value <= 0.6:
            err(fields["length"], f"{where} arrow length: expected 0.05 to 0.6 figure heights")
            ok = False
        else:
            length = value
    if not ok:
        return None
    return Arrow(at, direction, turn, shift, length)


def read_pose_text(text: str, label: str = "pose") -> tuple[Pose | None, list[str]]:
    """A pose from YAML text (for tests and tools): the pose and the problems as 'line: msg'."""
    node = yaml.compose(text)
    problems: list[str] = []

    def err(n: yaml.Node, message: str) -> None:
        problems.append(f"{n.start_mark.line + 1}: {message}")

    assert node is not None
    return read_pose(node, label, err), problems
