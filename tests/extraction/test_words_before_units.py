"""What stands right before a unit's name is no part of it: a request ("请县X局加快…"), the
speaker of a report ("我代表区人民政府…"), a particle ("听取了经济发展局的汇报"). The text is
invented for the test."""
from __future__ import annotations

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind

from .conftest import doc


def agencies(*blocks: str) -> set[str]:
    return {a.name for a in extract(doc(*blocks)).of_kind(Kind.AGENCY)}


def test_a_request_to_a_unit() -> None:
    assert agencies("三、下步打算。一是争取专项债券资金；二是请县住房和城乡建设局加快管网报批。") == {"县住房和城乡建设局"}


def test_the_speaker_of_a_report() -> None:
    assert agencies("各位代表：现在，我代表县人民政府，向大会报告工作，请予审议。") == {"县人民政府"}



def test_a_particle_before_a_departments_stem() -> None:
    assert agencies("会议听取了经济发展局关于一季度项目开工准备情况的汇报。") == {"经济发展局"}
    assert agencies("区经济发展局负责统筹。") == {"区经济发展局"}
