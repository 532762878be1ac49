"""Poses and pictures: every stretch has one that draws, inside its frame and on its support;
a broken pose is refused with file, line and value; the contact sheet builds."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from bot.cli import main
from bot.kb import KBError, KnowledgeBase, load_kb
from bot.pictures import HEIGHT, NEAR, WIDTH, Pictures, picture_key, render
from bot.pose import (
    EDGE,
    FRAME_HEIGHT,
    FRAME_WIDTH,
    JOINTS,
    Pose,
    build_body,
    inside_frame,
    layout,
    limb_problems,
    read_pose_text,
)


def test_every_stretch_has_a_pose_that_lays_out_without_problems(kb: KnowledgeBase):
    for stretch in kb.stretches.values():
        assert stretch.pose is not None, stretch.id
        scene = layout(stretch.pose)
        assert scene.problems == [], (stretch.id, scene.problems)
        left, bottom, right, top = scene.bounds()
        assert left >= EDGE - 1e-9 and right <= FRAME_WIDTH - EDGE + 1e-9, stretch.id
        assert bottom >= EDGE - 1e-9 and top <= FRAME_HEIGHT - EDGE + 1e-9, stretch.id
        assert inside_frame(scene), stretch.id


def _near(pixel: tuple[int, int, int], colour: tuple[int, int, int]) -> bool:
    return sum(abs(a - b) for a, b in zip(pixel, colour, strict=True)) < 60


def test_every_stretch_renders_a_sane_png_with_the_figure_inside(kb: KnowledgeBase, tmp_path: Path):
    pictures = Pictures(tmp_path)
    sizes = []
    for stretch in kb.stretches.values():
        assert stretch.pose is not None
        path = pictures.ensure(stretch.pose)
        data = path.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n"), stretch.id
        assert 2_000 < len(data) < 60_000, (stretch.id, len(data))
        sizes.append(len(data))
        image = Image.open(io.BytesIO(data)).convert("RGB")
        assert image.size == (WIDTH, HEIGHT)
        # the figure (its dark solid limbs) is drawn, and never touches the picture's edge
        pixels = image.load()
        assert pixels is not None
        figure = [
            (x, y)
            for x in range(0, WIDTH, 4)
            for y in range(0, HEIGHT, 4)
            if _near(pixels[x, y], NEAR)
        ]
        assert len(figure) > 100, stretch.id
        border = 4
        assert all(
            border <= x < WIDTH - border and border <= y < HEIGHT - border for x, y in figure
        ), stretch.id
    assert len({picture_key(s.pose) for s in kb.stretches.values() if s.pose}) == len(sizes)


def test_a_picture_is_drawn_once_and_kept_under_the_hash_of_its_pose(tmp_path: Path):
    pose, problems = read_pose_text("view: side\nhighlight: right_thigh.back\n")
    assert pose is not None and problems == []
    pictures = Pictures(tmp_path / "cache")
    path = pictures.ensure(pose)
    assert path.name == f"{picture_key(pose)}.png"
    stamp = path.stat().st_mtime_ns
    assert pictures.ensure(pose) == path and path.stat().st_mtime_ns == stamp, "not drawn again"
    other, _ = read_pose_text("view: side\nhighlight: right_thigh.front\n")
    assert other is not None and pictures.path(other) != path
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [path.name], "no temporary left"


joint_angles = st.fixed_dictionaries(
    {},
    optional={joint: st.floats(lo, hi, allow_nan=False) for joint, (lo, hi) in JOINTS.items()},
)


@settings(max_examples=200, deadline=None)
@given(joint_angles, st.sampled_from(["side", "front", "above"]))
def test_limbs_keep_their_lengths_whatever_the_angles(angles, view):
    pose = Pose(view, angles=tuple(sorted(angles.items())), highlight=("head",))
    assert limb_problems(build_body(pose)) == []
    render_free = layout(pose)  # never raises, whatever the angles
    assert all(name for name, _ in render_free.problems)


def test_render_draws_the_whole_frame():
    pose, _ = read_pose_text("view: front\nhighlight: [upper_trunk.right]\n")
    assert pose is not None
    assert render(pose).size == (WIDTH, HEIGHT)


# ------------------------------------------------------------------ refusing broken poses

BROKEN = {
    # stretch index in the mini knowledge base -> (pose, the value the error must show, its text)
    0: ({"view": "side", "angles": {"kneee": 30}, "highlight": "head"}, "kneee", "unknown joint"),
    1: (
        {"view": "side", "angles": {"right_knee": 200}, "highlight": "head"},
        "200",
        "outside 0 to 165",
    ),
    2: ({"view": "sideways", "highlight": "head"}, "sideways", "is not one of side"),
    3: ({"view": "side", "props": {"sofa": "hips"}, "highlight": "head"}, "sofa", "unknown prop"),
    4: (
        {"view": "side", "props": {"wall": "rigth_hand"}, "highlight": "head"},
        "rigth_hand",
        "unknown body part",
    ),
    5: ({"view": "side", "highlight": "right_thigh.behind"}, "right_thigh.behind", "is not a"),
    6: (
        {
            "view": "side",
            "arrow": {"at": "head", "dir": 90, "shift": [0, 0.5], "length": 0.4},
            "highlight": "head",
        },
        "frame",
        "does not fit in the frame",
    ),
    7: (
        {
            "view": "side",
            "support": "chair",
            "props": {"chair": "hips"},
            "angles": {"hip": 90},
            "highlight": "head",
        },
        "feet",
        "nothing reaches the floor",
    ),
    8: (
        {
            "view": "side",
            "props": {"wall": "right_hand"},
            "angles": {"right_shoulder": 45, "left_shoulder": 90},
            "highlight": "head",
        },
        "left_",
        "goes through the wall",
    ),
    9: (
        {"view": "side", "props": {"table": "right_heel"}, "highlight": "head"},
        "right_heel",
        "a table's top would be",
    ),
}


def _write(folder: Path, files: dict[str, dict]) -> None:
    for name, doc in files.items():
        (folder / name).write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))


def test_check_refuses_each_broken_pose_with_file_line_and_value(tmp_path: Path, capsys):
    from conftest import mini_kb_files

    files = mini_kb_files()
    stretches = files["stretches.yaml"]["stretches"]
    for index, (pose, _value, _text) in BROKEN.items():
        stretches[index]["pose"] = pose
    _write(tmp_path, files)
    with pytest.raises(KBError) as caught:
        load_kb(tmp_path)
    errors = caught.value.errors
    lines = (tmp_path / "stretches.yaml").read_text().splitlines()
    for index, (_pose, value, text) in BROKEN.items():
        sid = stretches[index]["id"]
        found = [e for e in errors if f"stretch '{sid}' pose" in e]
        assert len(found) >= 1, (sid, errors)
        error = found[0]
        assert text in error, error
        assert value in error or text == "does not fit in the frame" or value == "feet", error
        file_and_line = error.split(": ", 1)[0]
        assert file_and_line.startswith("stretches.yaml:") or "/stretches.yaml:" in file_and_line
        line = int(file_and_line.rsplit(":", 1)[1])
        start = next(i for i, row in enumerate(lines, 1) if row.strip() == f"- id: {sid}")
        following = [i for i, row in enumerate(lines, 1) if row.startswith("- id:") and i > start]
        end = following[0] if following else len(lines) + 1
        assert start <= line < end, (error, start, end)
    assert main(["check", str(tmp_path)]) == 1
    shown = capsys.readouterr().err
    assert "unknown joint 'kneee'" in shown and "unknown prop 'sofa'" in shown


def test_check_wants_a_pose_for_every_stretch(mini_kb_dir: Path, capsys):
    assert main(["check", str(mini_kb_dir)]) == 0
    path = mini_kb_dir / "stretches.yaml"
    doc = yaml.safe_load(path.read_text())
    sid = doc["stretches"][4]["id"]
    del doc["stretches"][4]["pose"]
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    load_kb(mini_kb_dir)  # the bot still starts: the stretch just has no picture
    assert main(["check", str(mini_kb_dir)]) == 1
    err = capsys.readouterr().err
    line = next(
        i for i, row in enumerate(path.read_text().splitlines(), 1) if row == f"- id: {sid}"
    )
    assert f"stretches.yaml:{line}: stretch '{sid}': no pose" in err


def test_the_figures_command_fills_the_cache_and_draws_the_contact_sheet(
    tmp_path: Path, kb: KnowledgeBase, capsys
):
    sheet = tmp_path / "sheet.png"
    assert main(["figures", "--sheet", str(sheet)]) == 0
    image = Image.open(sheet)
    rows = -(-len(kb.stretches) // 6)
    assert image.size[0] > 6 * 300 and image.size[1] > rows * 200
    assert f"Contact sheet of {len(kb.stretches)} stretches" in capsys.readouterr().out
    cache = tmp_path / "cache"
    assert main(["figures", "--cache", str(cache)]) == 0
    assert len(list(cache.glob("*.png"))) == len(kb.stretches)
    assert f"{len(kb.stretches)} pictures" in capsys.readouterr().out
