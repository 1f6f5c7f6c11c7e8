"""Agency names in real layouts: governments, their offices, label words that are never
agencies, document numbers and bylines. Every text is invented for the test."""
from __future__ import annotations

from zonekg.loaders.extraction import extract, names
from zonekg.loaders.extraction.model import Kind
from zonekg.loaders.extraction.responsibility import heading_name
from zonekg.loaders.extraction.text import Sentence

from .conftest import doc


def found(text):
    return [(m.name, m.kind) for m in names.find(Sentence(text, 0, 0, 0))]


def agencies(*paras, title="青梧市人民政府关于印发2024年重点工作责任分工的通知"):
    return {a.name: a for a in extract(doc(*paras, title=title)).of_kind(Kind.AGENCY)}


def test_governments_and_their_offices_are_agencies():
    assert found("来源: 青梧市人民政府办公厅") == [("青梧市人民政府办公厅", Kind.AGENCY)]
    assert found("经区政府第12次常务会议研究同意") == [("区政府", Kind.AGENCY)]
    assert found("县政府督查室要加强督促检查") == [("县政府督查室", Kind.AGENCY)]
    assert found("是省委、省政府的重大决策") == [("省政府", Kind.AGENCY)]
    # the word alone, a date glued in front or a label is no government
    assert found("企业与政府之间良性互动,推动政府投资项目") == []
    assert found("经2024年2月18日区政府研究") == []


def test_labels_and_document_numbers_are_not_agencies():
    assert found("各委办局、各街镇要细化分解任务") == []
    assert found("石府办〔2024〕18号") == []
    assert found("青政办发[2024]31号") == []


def test_a_government_named_by_its_level_is_the_full_named_one():
    got = agencies("青梧市人民政府", "市政府督查室要加强对重点项目的督促检查。", "经市政府第21次常务会议研究同意。")
    assert "市政府" in got["青梧市人民政府"].aliases and "市政府督查室" in got


def test_a_department_with_a_conjunction_in_its_name_stays_whole():
    assert ("市海洋与渔业局", Kind.AGENCY) in found("市发改委、市海洋与渔业局配合")


def test_a_short_two_part_heading_is_one_task():
    assert heading_name("1、加强经济运行分析,确保完成主要指标。(牵头单位:发改委、统计局)") == \
        "加强经济运行分析,确保完成主要指标"
    assert heading_name("3.围绕新材料、新能源两大方向,开展产业链招商。") == "开展产业链招商"


def test_list_labels_types_and_two_function_departments():
    assert found("各县、市、区人民政府,市政府各部门") == [("市政府", Kind.AGENCY)]  # 区人民政府 ends a 各-list
    assert found("相关乡镇办、镇街配合") == []
    # (the zone the department is named after is a zone mention too)
    assert found("青川高新区科技创新和经济发展局召开会议") == [("青川高新区科技创新和经济发展局", Kind.AGENCY),
                                                     ("青川高新区", Kind.ZONE)]
    assert found("总结了2024年度青川高新区科经局各项工作") == [("青川高新区科经局", Kind.AGENCY),
                                                    ("青川高新区", Kind.ZONE)]
    assert ("柳营街办事处", Kind.AGENCY) in found("柳营街办事处,各派驻机构:")


def test_a_government_office_named_by_its_level_folds_into_the_full_name():
    got = agencies("石湾区人民政府办公室", "工作进展情况报区人民政府办公室。",
                   title="石湾区人民政府办公室关于印发重点工作的通知")
    assert "区人民政府办公室" in got["石湾区人民政府办公室"].aliases
