"""The evaluation's matching rules on hand-made items: what counts as found, missed, extra or
a duplicate, and how amounts and leads are compared (the gold format users write)."""
from __future__ import annotations

from zonekg.loaders.evaluation import Score, in_base_unit, name_match

GOLD = {
    "doc": "plan.txt",
    "zones": [{"name": "青禾高新技术产业开发区", "aliases": ["青禾高新区"]},
              {"name": "可有可无园", "core": False}],
    "agencies": [{"name": "经济发展局", "aliases": ["经发局"]}, {"name": "财政局"}],
    "projects": [{"name": "青禾生物医药产业园", "lead": ["经发局"], "investment_cny": 1200000000,
                  "area_m2": 80000}],
    "targets": [{"metric": "地区生产总值", "value": 8, "unit": "%", "year": 2025},
                {"metric": "固定资产投资", "value": 120, "unit": "亿元", "year": 2025}],
}


def served(**changes: list[dict]) -> dict[str, list[dict]]:
    items = {
        "zones": [{"name": "青禾高新区", "aliases": []}],
        "agencies": [{"name": "经济发展局", "aliases": ["经发局"]}, {"name": "财政局", "aliases": []}],
        "projects": [{"name": "青禾生物医药产业园", "aliases": [], "investment_cny": 1.2e9, "area_m2": 80000.0,
                      "lead_agencies": [{"name": "经济发展局"}]}],
        "targets": [{"metric": "地区生产总值增速", "value": 8, "unit": "%", "year": 2025},
                    {"metric": "固定资产投资", "value": 12000000000, "unit": "元", "year": 2025}],
    }
    return items | changes


def scored(items: dict[str, list[dict]]) -> Score:
    score = Score()
    score.add(GOLD, items)
    return score


def test_a_perfect_extraction_scores_one_everywhere() -> None:
    figures = scored(served()).figures()
    assert figures["micro_f1"] == 1.0
    assert {c: figures[c]["f1"] for c in ("zones", "agencies", "projects", "lead", "targets")} == dict.fromkeys(
        ("zones", "agencies", "projects", "lead", "targets"), 1.0)
    assert figures["investment_cny_accuracy"] == figures["area_m2_accuracy"] == figures["target_year_accuracy"] == 1.0


def test_misses_extras_and_duplicates_are_counted_and_explained() -> None:
    score = scored(served(agencies=[{"name": "经济发展局"}, {"name": "经发局"}, {"name": "统计局"}]))
    agencies = score.tallies["agencies"]
    assert (agencies.tp, agencies.fp, agencies.fn, agencies.dup) == (1, 2, 1, 1)
    assert "  agencies   missed  财政局" in score.explained
    assert "  agencies   extra   经发局 (duplicate)" in score.explained


def test_optional_gold_items_neither_reward_nor_punish() -> None:
    with_it = scored(served(zones=[{"name": "青禾高新区"}, {"name": "可有可无园"}])).tallies["zones"]
    assert (with_it.tp, with_it.fp, with_it.fn) == (1, 0, 0)


def test_names_match_exactly_by_alias_or_by_containment() -> None:
    assert name_match({"name": "经发局"}, {"name": "经济发展局", "aliases": ["经发局"]}) == 2
    assert name_match({"name": "青禾生物医药产业园"}, {"name": "青禾生物医药产业园一期"}) == 1
    assert name_match({"name": "产业园"}, {"name": "青禾生物医药产业园"}) == 0  # too short a part


def test_amounts_fold_wan_and_yi_into_the_value() -> None:
    assert in_base_unit(120, "亿元") == (1.2e10, "元")
    assert in_base_unit("3.5", "万平方米") == (35000.0, "平方米")
    wrong = scored(served(projects=[{"name": "青禾生物医药产业园", "investment_cny": 1.2e8,
                                     "lead_agencies": [{"name": "财政局"}]}]))
    assert wrong.accuracy["investment_cny"] == [0, 1]
    assert (wrong.tallies["lead"].tp, wrong.tallies["lead"].fp, wrong.tallies["lead"].fn) == (0, 1, 1)
