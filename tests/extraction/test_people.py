"""People's names: never agencies, never part of one. Names here are invented."""
from __future__ import annotations

import pytest

from zonekg.loaders.extraction.people import is_person, leading_person, people_in
from zonekg.loaders.extraction.units import agencies_of


@pytest.mark.parametrize("name", ["董立波", "孙 立", "欧阳明", "韩梅", "俞福才", "郑敏强"])
def test_a_surname_and_a_given_name_is_a_person(name):
    assert is_person(name)


@pytest.mark.parametrize("word", ["高新", "金融", "区政府", "区财政", "市科技局", "海关", "总部办",
                                  "五金城", "林业局", "方案"])
def test_words_that_open_with_a_surname_character_are_not_people(word):
    assert not is_person(word)


def test_a_cell_of_people_padded_or_listed():
    assert people_in("钱 宇") == ["钱宇"]
    assert people_in("王 嵘 方 勇") == ["王嵘", "方勇"]
    assert people_in("蒋立根、金跃华") == ["蒋立根", "金跃华"]
    assert people_in("王东、市科技局") is None


@pytest.mark.parametrize("text, person", [
    ("赵敏商务局", "赵敏"), ("李明华 经济发展局", "李明华"), ("李明华经济发展局", "李明华"),
    ("张伟财政局", "张伟"), ("王东市科技局", "王东"), ("郑敏强市农办", "郑敏强"),
    # places and units that open with a surname character stay whole
    ("祁岭海关", None), ("柳营街道", None), ("白沙智造园管理办公室", None), ("区经发局", None),
    ("区财政局", None), ("公安分局", None), ("商务和物流局", None),
])
def test_a_person_run_into_a_department(text, person):
    assert leading_person(text) == person


def test_people_in_a_unit_list_are_dropped_and_their_department_kept():
    assert agencies_of("李明华 经济发展局、赵敏商务局") == ["经济发展局", "商务局"]
    assert agencies_of("董立波") == []


def test_list_and_jieba_together_beat_jieba_alone_on_names_run_into_units():
    """Run together, a name and a place look alike. jieba alone (first word tagged nr) takes
    places for people (白沙智造园…, 柳营街道); the surname list proposing and jieba agreeing
    keeps the people and drops the places."""
    import jieba.posseg as pseg

    people = ["赵敏商务局", "李明华经济发展局", "张伟财政局", "刘洋发改局", "韩梅招商局"]
    places = ["白沙智造园管理办公室", "柳营街道办事处", "祁岭海关", "石湾开发区管委会"]

    def jieba_alone(text):
        first = next(iter(pseg.cut(text)))
        return first.flag == "nr"

    assert all(leading_person(t) for t in people)
    assert not any(leading_person(t) for t in places)
    assert sum(jieba_alone(t) for t in places) >= 2
