"""Caution tags: every stretch says what it involves, in a fixed vocabulary the loader checks."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.kb import CAUTION_TAGS, KBError, KnowledgeBase, load_kb

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"


def errors_for(directory: Path) -> list[str]:
    with pytest.raises(KBError) as info:
        load_kb(directory)
    return info.value.errors


def line_of(text: str, needle: str) -> int:
    """The 1-based line of the first line of `text` that contains `needle`."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_vocabulary_is_the_agreed_one():
    assert set(CAUTION_TAGS) == {
        "lying_on_back",
        "lying_on_front",
        "kneeling",
        "deep_hip_flexion",
        "hip_crossing",
        "hip_inward_rotation",
        "spinal_rounding",
        "spinal_twist",
        "deep_knee_bend",
        "end_range_pull",
        "floor",
        "balance",
        "neck_end_range",
        "wrist_load",
        "standing",
    }
    for tag, meaning in CAUTION_TAGS.items():
        assert meaning.strip() and "\n" not in meaning, tag


def test_every_shipped_stretch_has_the_key_in_its_file():
    """Read the YAML itself: the key must be written out, even when the list is empty."""
    for path in sorted(KNOWLEDGE.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for stretch in doc.get("stretches", []):
            assert "caution_tags" in stretch, f"{path.name}: {stretch['id']} has no caution_tags"
            assert isinstance(stretch["caution_tags"], list), stretch["id"]


def test_every_shipped_tag_is_in_the_vocabulary(kb: KnowledgeBase):
    assert kb.stretches
    for stretch in kb.stretches.values():
        assert set(stretch.caution_tags) <= set(CAUTION_TAGS), stretch.id
        assert len(set(stretch.caution_tags)) == len(stretch.caution_tags), stretch.id


def test_every_tag_is_used_at_least_once(kb: KnowledgeBase):
    used = {tag for s in kb.stretches.values() for tag in s.caution_tags}
    assert used == set(CAUTION_TAGS)


@pytest.mark.parametrize(
    ("stretch", "tags"),
    [
        ("knee_to_chest", {"deep_hip_flexion", "lying_on_back", "spinal_rounding", "floor"}),
        ("double_knee_to_chest", {"deep_hip_flexion", "lying_on_back", "spinal_rounding"}),
        ("seated_upper_back_round", {"spinal_rounding"}),
        ("bottom_to_heels", {"spinal_rounding", "kneeling", "deep_knee_bend"}),
        ("cat_cow", {"spinal_rounding", "kneeling", "wrist_load"}),
        ("half_kneeling_hip_flexor", {"kneeling"}),
        ("prone_quad_towel", {"lying_on_front", "deep_knee_bend"}),
        ("standing_quad", {"balance", "deep_knee_bend"}),
        ("lying_figure_four", {"hip_crossing", "lying_on_back"}),
        ("seated_figure_four", {"hip_crossing"}),
        ("seated_glute_twist", {"hip_crossing", "deep_hip_flexion", "spinal_twist"}),
        ("lying_crossover_it_band", {"hip_crossing", "lying_on_back"}),
        ("standing_crossover_side_bend", {"hip_crossing"}),
        ("standing_it_band_wall_lean", {"hip_crossing"}),
        ("low_lunge", {"kneeling", "deep_hip_flexion"}),
        ("couch_stretch", {"kneeling", "deep_knee_bend", "end_range_pull"}),
        ("pigeon_pose", {"end_range_pull", "deep_hip_flexion"}),
        ("thread_the_needle", {"spinal_twist", "wrist_load"}),
        ("knee_rolls", {"spinal_twist", "lying_on_back"}),
        ("downward_dog", {"wrist_load"}),
        ("step_calf_drop", {"balance"}),
        ("upper_trapezius", {"neck_end_range"}),
        ("levator_scapulae", {"neck_end_range"}),
    ],
)
def test_spot_checks_that_must_hold(kb: KnowledgeBase, stretch: str, tags: set[str]):
    assert tags <= set(kb.stretches[stretch].caution_tags)


@pytest.mark.parametrize(
    ("stretch", "absent"),
    [
        ("wall_calf", {"floor", "kneeling", "lying_on_back", "balance"}),
        ("chin_tuck", {"floor", "lying_on_back"}),
        ("seated_upper_back_round", {"floor", "kneeling", "lying_on_back"}),
        ("standing_hip_flexor", {"kneeling", "floor"}),
        ("doorway_chest", {"floor", "wrist_load"}),
    ],
)
def test_simple_stretches_are_not_over_tagged(kb: KnowledgeBase, stretch: str, absent: set[str]):
    assert not absent & set(kb.stretches[stretch].caution_tags)


def test_the_mini_knowledge_base_loads_with_empty_tags(mini_kb_dir):
    kb = load_kb(mini_kb_dir)
    assert all(s.caution_tags == () for s in kb.stretches.values())


def test_tags_are_read_in_order(mini_kb_dir):
    path = mini_kb_dir / "stretches.yaml"
    text = path.read_text()
    text = text.replace("caution_tags: []", "caution_tags: [floor, kneeling]", 1)
    path.write_text(text)
    kb = load_kb(mini_kb_dir)
    assert kb.stretches["psoas_stretch"].caution_tags == ("floor", "kneeling")


def test_an_unknown_tag_is_refused_with_file_line_and_value(mini_kb_dir):
    path = mini_kb_dir / "stretches.yaml"
    text = path.read_text()
    text = text.replace("caution_tags: []", "caution_tags:\n  - floor\n  - kneeing", 1)
    path.write_text(text)
    errors = errors_for(mini_kb_dir)
    line = line_of(text, "- kneeing")
    matching = [e for e in errors if "unknown tag 'kneeing'" in e]
    assert len(matching) == 1, errors
    assert f"stretches.yaml:{line}:" in matching[0]
    assert "stretch 'psoas_stretch' caution_tags" in matching[0]
    assert "kneeling" in matching[0]  # the vocabulary is listed to help the editor


def test_a_repeated_tag_is_refused(mini_kb_dir):
    path = mini_kb_dir / "stretches.yaml"
    text = path.read_text().replace("caution_tags: []", "caution_tags: [floor, floor]", 1)
    path.write_text(text)
    joined = "\n".join(errors_for(mini_kb_dir))
    assert "caution_tags: 'floor' is listed twice" in joined


def test_a_missing_key_is_refused_with_file_and_line(mini_kb_dir):
    path = mini_kb_dir / "stretches.yaml"
    text = path.read_text()
    text = text.replace("  caution_tags: []\n", "", 1)
    path.write_text(text)
    errors = errors_for(mini_kb_dir)
    line = line_of(text, "id: psoas_stretch")
    matching = [e for e in errors if "missing required key 'caution_tags'" in e]
    assert len(matching) == 1, errors
    assert f"stretches.yaml:{line}:" in matching[0]
    assert "stretch 'psoas_stretch'" in matching[0]


def test_a_tag_list_of_the_wrong_shape_is_refused(mini_kb_dir):
    path = mini_kb_dir / "stretches.yaml"
    text = path.read_text().replace("caution_tags: []", "caution_tags: floor", 1)
    path.write_text(text)
    errors = errors_for(mini_kb_dir)
    line = line_of(text, "caution_tags: floor")
    assert any(
        f"stretches.yaml:{line}:" in e and "caution_tags: expected a list" in e for e in errors
    ), errors


HIP_REPLACEMENT_STRETCHES = (
    "seated_glute_twist",
    "lying_crossover_it_band",
    "standing_crossover_side_bend",
    "standing_it_band_wall_lean",
    "knee_to_chest",
    "double_knee_to_chest",
    "low_lunge",
    "couch_stretch",
)


def says(stretch, words: str) -> bool:
    return any(words in caution.lower() for caution in stretch.cautions)


@pytest.mark.parametrize("stretch", HIP_REPLACEMENT_STRETCHES)
def test_hip_replacement_cautions_are_written_out(kb: KnowledgeBase, stretch: str):
    assert says(kb.stretches[stretch], "hip replacement")


def test_a_crossing_or_inward_turning_stretch_warns_after_a_hip_replacement(kb: KnowledgeBase):
    for stretch in kb.stretches.values():
        if {"hip_crossing", "hip_inward_rotation"} & set(stretch.caution_tags):
            assert says(stretch, "hip replacement"), stretch.id


def test_a_rounding_stretch_warns_about_osteoporosis(kb: KnowledgeBase):
    rounding = [s for s in kb.stretches.values() if "spinal_rounding" in s.caution_tags]
    assert {"seated_upper_back_round", "bottom_to_heels"} <= {s.id for s in rounding}
    for stretch in rounding:
        assert says(stretch, "osteoporosis"), stretch.id
        assert any("Osteoporosis" in source for source in stretch.sources), stretch.id
