"""A generator of work plans in the genre, at any size, for benchmarks.

Every document is made from templates written here (no text from any real plan): a zone's
yearly 工作要点, a 重点工作任务分解表 flattened into a ``|`` table, or a 工作计划 as a web page.
Names are drawn from character pools, so a corpus of 10,000 documents has thousands of zones,
firms and agencies and overlaps the way a province's plans do: a zone issues a plan every year,
a firm and an industry appear in several zones' plans, and departments are written with and
without their administration in front (区商务局 / 商务局 / 某某区商务局).

The constructs the extraction reads are all here: numbered tasks closed by (责任单位：A牵头，B
配合) or (牵头单位：…), 由X牵头 inline, responsibility tables with people in 责任领导, prose with
growth and level targets, projects with 总投资 and 建筑面积, 年产 projects opened by a firm,
"以A、B为龙头", parks of 一区三园 layouts, past statistics, (以下简称…) declarations.

Seeded: the same ``seed`` and index give the same document on every machine.

    python bench/corpus.py OUT_DIR --documents 1000 [--seed 7]
"""
from __future__ import annotations

import argparse
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

PLACE_CHARS = "青白临川江河山湖海松岚龙凤云桂梅兰金银石泉溪阳安宁平昌盛兴华新东西南北丰泰和嘉永福德仁清源宝瑞沅澄岳汀蒲柳桐榆滨沙洲浦泽"
BRAND_CHARS = "华芯瑞康恒通远达智博科迈力诺鼎晟凯锐航宇捷铭泓睿拓驰昊璟峰越骏弘欣晶磊森淼鑫禾澜"
SURNAMES = "王李张刘陈杨黄赵周吴徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢"
GIVEN_CHARS = "明伟芳娜敏静丽强磊军洋勇艳杰涛超秀霞平刚桂英华玉萍红鹏辉建文斌宇浩凯志国海东晓卫劲松远"

ZONE_KINDS = [
    ("经济技术开发区", "经开区"), ("高新技术产业开发区", "高新区"), ("经济开发区", "开发区"),
    ("工业园区", "园区"), ("新区", "新区"), ("综合保税区", "综保区"),
]
PARK_HEADS = ["产业园", "科技园", "工业园", "物流园", "生物谷", "智造谷", "创新港"]
INDUSTRIES = [
    "新一代信息技术", "高端装备制造", "生物医药", "新材料", "新能源汽车", "集成电路", "人工智能",
    "现代物流", "跨境电商", "节能环保", "数字经济", "智能制造", "医疗器械", "海洋经济", "文化旅游",
    "现代农业", "食品加工", "纺织服装", "精细化工", "电子信息", "航空航天", "轨道交通装备",
    "光伏", "储能", "氢能", "工业互联网", "软件和信息服务", "新型显示", "汽车零部件", "绿色建材",
    "冷链物流", "预制菜", "半导体材料", "智能网联汽车", "机器人", "北斗导航", "康养服务", "会展经济",
]
FIRM_TAILS = [
    ("电子科技有限公司", "电子"), ("新材料股份有限公司", "新材"), ("生物医药有限公司", "生物"),
    ("智能装备有限公司", "智能"), ("集团", "集团"), ("精密机械有限公司", "精密"),
    ("新能源科技有限公司", "新能源"), ("食品有限公司", "食品"), ("物流有限公司", "物流"),
    ("半导体有限公司", "半导体"),
]
"""A firm's legal name's tail and the word running text keeps of it (某某电子科技有限公司 → 某某电子)."""
PRODUCTS = [
    ("锂电负极材料", "万吨"), ("动力电池", "GWh"), ("光伏组件", "GW"), ("智能终端", "万台"),
    ("医用耗材", "亿件"), ("精密铸件", "万吨"), ("碳纤维复合材料", "千吨"), ("新能源汽车电机", "万台"),
    ("功率半导体器件", "亿只"), ("预制菜肴", "万吨"),
]
FACILITIES = [
    "科技创新中心", "孵化器", "标准化厂房", "污水处理厂", "人才公寓", "研究院", "检验检测中心",
    "数据中心", "物流园", "展示中心", "加速器", "公共实训基地",
]
DEPARTMENTS = [
    ("经济发展局", "经发局"), ("商务局", None), ("财政局", None), ("科技创新局", "科创局"),
    ("投资促进局", "投促局"), ("规划建设局", "规建局"), ("自然资源分局", None), ("生态环境分局", None),
    ("应急管理局", None), ("营商环境建设局", "营商局"), ("社会事务管理局", None), ("统计局", None),
    ("人力资源和社会保障局", "人社局"), ("市场监督管理局", "市场监管局"), ("党政办公室", None),
    ("综合行政执法局", "综合执法局"), ("行政审批局", None), ("招商局", None),
]
TASK_VERBS = ["加快推进", "全力推动", "着力实施", "大力推进", "扎实推进", "积极推动"]
TASK_GOALS = [
    "产业链招商", "营商环境优化", "科技创新能力提升", "重点项目建设", "园区基础设施完善",
    "对外开放水平提升", "要素保障", "安全生产专项整治", "数字化转型", "人才引育",
]
ORDINALS = "一二三四五六七八九十"
METRICS_GROWTH = ["地区生产总值", "规模以上工业增加值", "固定资产投资", "外贸进出口总额", "社会消费品零售总额",
                  "一般公共预算收入", "工业投资"]
METRICS_LEVEL = [("一般公共预算收入", "亿元"), ("固定资产投资", "亿元"), ("实际利用外资", "亿美元"),
                 ("技术合同成交额", "亿元"), ("规上工业总产值", "亿元")]
METRICS_COUNT = [("新增高新技术企业", "家"), ("新增规上工业企业", "家"), ("引进亿元以上项目", "个"),
                 ("新增科技型中小企业", "家")]


@dataclass(frozen=True)
class Zone:
    name: str
    short: str
    place: str
    admin: str
    parks: tuple[str, ...]
    industries: tuple[str, ...]


class World:
    """The pools a corpus draws from: zones, firms and people, sized to the corpus."""

    def __init__(self, documents: int, seed: int) -> None:
        rng = random.Random(f"world-{seed}")
        zones = max(3, documents // 3)
        places = _unique(rng, lambda: _chars(rng, PLACE_CHARS, rng.choice((2, 2, 3))), zones * 2)
        self.zones = [self._zone(rng, places[i], places[zones + i]) for i in range(zones)]
        self.firms = _unique(rng, lambda: (_chars(rng, BRAND_CHARS, 2), *rng.choice(FIRM_TAILS)),
                             max(20, documents * 2))
        self.people = _unique(rng, lambda: rng.choice(SURNAMES) + _chars(rng, GIVEN_CHARS, rng.choice((1, 2))), 500)
        self.places = places

    @staticmethod
    def _zone(rng: random.Random, place: str, other: str) -> Zone:
        kind, short = rng.choice(ZONE_KINDS)
        parks = tuple(
            f"{other[j % 2]}{rng.choice(PLACE_CHARS)}{rng.choice(PARK_HEADS)}" for j in range(rng.randint(2, 4))
        )
        admin_form = rng.choice(("管委会", "管理委员会"))
        return Zone(f"{place}{kind}", f"{place}{short}", place, f"{place}{short}{admin_form}",
                    parks, tuple(rng.sample(INDUSTRIES, 3)))


def _chars(rng: random.Random, pool: str, n: int) -> str:
    return "".join(rng.choice(pool) for _ in range(n))


def _unique(rng: random.Random, make: Callable[[], str], n: int) -> list[str]:
    seen: dict[str, None] = {}
    for _ in range(n * 20):
        if len(seen) == n:
            break
        seen.setdefault(make(), None)
    return list(seen)


class Plan:
    """One document: its zone, year and the random choices behind every sentence."""

    def __init__(self, world: World, index: int, seed: int) -> None:
        self.rng = rng = random.Random(f"doc-{seed}-{index}")
        self.world = world
        self.zone = world.zones[index % len(world.zones)]
        self.year = 2018 + (index // len(world.zones)) % 9
        self.firms: list[tuple[str, str, str]] = rng.sample(world.firms, min(len(world.firms), 8))
        self.departments = rng.sample(DEPARTMENTS, 9)

    # -- names as a plan writes them --------------------------------------------------
    def agency(self, k: int | None = None) -> str:
        """A department, written bare, short, with 区 in front, or with the zone's name."""
        full, short = self.departments[k if k is not None else self.rng.randrange(len(self.departments))]
        form = self.rng.random()
        if form < 0.15 and short:
            return short
        if form < 0.3:
            return "区" + (short or full)
        if form < 0.38:
            return self.zone.short + full
        return full

    def amount(self, low: float, high: float, digits: int = 1) -> str:
        value = round(self.rng.uniform(low, high), digits)
        return f"{value:g}"

    def firm(self) -> str:
        brand, tail, _ = self.rng.choice(self.firms)
        return brand + tail

    def brands(self, n: int) -> list[str]:
        """Firms as running text often names them: the brand and its sector word."""
        return [brand + word for brand, _, word in self.rng.sample(self.firms, n)]

    def project(self) -> tuple[str, str]:
        """A project name and the sentence that states it (with amounts where plans give them)."""
        r = self.rng.random()
        if r < 0.35:
            product, unit = self.rng.choice(PRODUCTS)
            name = f"{self.brands(1)[0]}年产{self.rng.randint(2, 60)}{unit}{product}项目"
            return name, f"推进{name}建设，总投资{self.amount(3, 80)}亿元，年内实现主体完工"
        if r < 0.7:
            name = f"{self.rng.choice(self.zone.parks)[:2]}{self.rng.choice(FACILITIES)}"
            return name, (f"总投资{self.amount(0.5, 20)}亿元、建筑面积{self.amount(1, 30)}万平方米的{name}"
                          f"{self.rng.choice(('开工建设', '主体完工', '投入使用'))}")
        park = self.rng.choice(self.zone.parks)
        name = f"{park}{self.rng.choice(('二期', '标准化厂房', '基础设施配套工程'))}"
        return name, f"建设{name}，新建道路{self.rng.randint(2, 20)}公里"

    def targets(self) -> str:
        parts = [f"{m}增长{self.amount(4, 15)}%" for m in self.rng.sample(METRICS_GROWTH, 3)]
        parts += [f"{m}达到{self.amount(5, 300)}{u}" for m, u in self.rng.sample(METRICS_LEVEL, 2)]
        parts += [f"{m}{self.rng.randint(5, 60)}{u}" for m, u in self.rng.sample(METRICS_COUNT, 2)]
        parts.append(f"研发经费投入强度达到{self.amount(2, 5)}%")
        return "，".join(parts) + "。"

    def person(self) -> str:
        return self.rng.choice(self.world.people)

    def responsibility(self) -> str:
        lead = self.agency(0 if self.rng.random() < 0.4 else None)
        other = self.agency()
        while other[-3:] == lead[-3:]:
            other = self.agency()
        form = self.rng.random()
        if form < 0.4:
            return f"（责任单位：{lead}牵头，{other}配合）"
        if form < 0.7:
            return f"（牵头单位：{lead}；参与单位：{other}）"
        return f"（责任单位：{lead}、{other}）"


def yearly_points(plan: Plan) -> str:
    """A zone's 工作要点: targets, industries, numbered tasks with responsibility brackets."""
    z, rng = plan.zone, plan.rng
    ind = z.industries
    lines = [
        f"{z.name}{plan.year}年工作要点", "",
        f"（{z.admin}{plan.year}年{rng.randint(1, 3)}月{rng.randint(1, 28)}日印发）", "",
        f"{plan.year}年是{z.name}{f'（以下简称“{z.short}”）' if z.short != z.name else ''}加快高质量发展的关键之年。"
        f"全年工作的总体考虑是：坚持创新驱动，围绕"
        f"{ind[0]}、{ind[1]}、{ind[2]}三大主导产业，加快“一区{ORDINALS[len(z.parks) - 1]}园”建设，统筹"
        f"{'、'.join(z.parks)}协同发展。", "",
        "一、主要预期目标", "", plan.targets(), "",
        f"{plan.year - 1}年，全区实现地区生产总值{plan.amount(50, 900)}亿元，同比增长{plan.amount(3, 12)}%；"
        f"一般公共预算收入{plan.amount(5, 80)}亿元，增长{plan.amount(2, 10)}%；新增规上工业企业{rng.randint(5, 40)}家。"
        f"{z.place}地处{rng.choice(plan.world.places)}中部，区位优势突出，{ind[0]}产业集聚发展，"
        f"产业体系日趋完善，但也面临产业链条不长、创新能力不强、要素保障趋紧等问题。", "",
        "二、重点任务", "",
    ]
    task = 0
    for section in range(rng.randint(4, 7)):
        lines += [f"（{ORDINALS[section]}）{rng.choice(TASK_VERBS)}{rng.choice(TASK_GOALS)}", ""]
        for _ in range(rng.randint(4, 8)):
            task += 1
            name, sentence = plan.project()
            if rng.random() < 0.3:
                industry = rng.choice(ind)
                lines.append(f"{task}.做强{industry}产业。以{'、'.join(plan.brands(2))}为龙头，{sentence}，"
                             f"{industry}产值增长{plan.amount(8, 30)}%。{plan.responsibility()}")
            elif rng.random() < 0.5:
                lines.append(f"{task}.建设{name}。{sentence}。{plan.responsibility()}")
            else:
                lines.append(f"{task}.{rng.choice(TASK_VERBS)}{rng.choice(TASK_GOALS)}。由{plan.agency()}牵头，"
                             f"{sentence}，支持{plan.firm()}建设研发中心。")
            lines.append("")
    lines += ["三、保障措施", "",
              f"{z.short}党工委、管委会每季度召开一次工作推进会，党政办公室负责跟踪督办。各责任单位要细化方案，"
              "于每月25日前报送进展情况。"]
    return "\n".join(lines) + "\n"


def task_table(plan: Plan) -> str:
    """A 重点工作任务分解表 as a ``|`` text table, with people in 责任领导 and wrapped cells."""
    z, rng = plan.zone, plan.rng
    lines = [
        f"{z.admin}关于印发《{plan.year}年重点工作任务分解表》的通知", "",
        "各局办、各园区管理办公室：",
        f"    现将《{z.name}{plan.year}年重点工作任务分解表》印发给你们，请对照分工抓好落实。", "",
        f"{z.name}{plan.year}年重点工作任务分解表", "",
        "序号 | 重点工作 | 责任领导 | 责任单位 | 完成时限",
    ]
    row = 0
    for section in ("主要经济指标", "项目建设", "招商引资与产业培育", "要素保障与营商环境"):
        lines.append(f"{ORDINALS[len([ln for ln in lines if ln.endswith(section)])]}、{section}")
        for _ in range(rng.randint(5, 10)):
            row += 1
            if section == "主要经济指标":
                metric, unit = rng.choice(METRICS_LEVEL)
                work = f"全年完成{metric}{plan.amount(10, 500)}{unit}，增长{plan.amount(4, 15)}%"
            else:
                work = plan.project()[1]
            units = plan.responsibility()[6:-1].replace("牵头，", "、").replace("配合", "").replace("；参与单位：", "、")
            month = rng.randint(6, 12)
            if len(work) > 24:
                lines.append(f"{row} | {work[:24]} | {plan.person()} | {units} | {plan.year}年{month}月底")
                lines.append(f"  | {work[24:]} |  |  |")
            else:
                lines.append(f"{row} | {work} | {plan.person()} | {units} | {plan.year}年{month}月底")
    lines += ["", "注：责任单位有多个的，排在第一位的为牵头单位。"]
    return "\n".join(lines) + "\n"


def web_plan(plan: Plan) -> str:
    """A 工作计划 published as a web page: chrome, a metadata line, a table of key projects."""
    z, rng = plan.zone, plan.rng
    rows = []
    for i in range(rng.randint(4, 10)):
        name, _ = plan.project()
        rows.append(f"<tr><td>{i + 1}</td><td>{name}</td><td>{plan.amount(1, 60)}</td><td>{plan.agency()}</td></tr>")
    tasks = "".join(f"<p>{i + 1}.{plan.project()[1]}。{plan.responsibility()}</p>" for i in range(rng.randint(10, 20)))
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{z.name}{plan.year}年工作计划</title></head>
<body><div class="nav">首页 | 政务公开 | 政策文件</div>
<h1>{z.name}{plan.year}年工作计划</h1>
<p>发布机构：{z.admin} 发布日期：{plan.year}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)} 索引号：{rng.randint(10**8, 10**9)}/{plan.year}-{rng.randint(100, 999)}</p>
<p>{plan.year}年，{z.short}将围绕{'、'.join(z.industries)}等主导产业，全力推进项目建设。{plan.targets()}</p>
{tasks}
<p>重点项目表</p>
<table><tr><th>序号</th><th>项目名称</th><th>总投资（亿元）</th><th>责任单位</th></tr>{''.join(rows)}</table>
<div class="footer">版权所有：{z.admin}</div></body></html>
"""


FORMS: tuple[tuple[str, Callable[[Plan], str], float], ...] = (
    (".txt", yearly_points, 0.6),
    (".txt", task_table, 0.25),
    (".html", web_plan, 0.15),
)


def document(world: World, index: int, seed: int) -> tuple[str, str]:
    """The file name and text of document ``index``."""
    plan = Plan(world, index, seed)
    pick, acc = plan.rng.random(), 0.0
    for suffix, write, share in FORMS:  # noqa: B007 — the form picked is read after the break
        acc += share
        if pick < acc:
            break
    return f"{index:06d}_{plan.zone.place}_{plan.year}{suffix}", write(plan)


def generate(out: Path, documents: int, seed: int = 7) -> list[Path]:
    """Write ``documents`` plans into ``out`` (created); returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    world = World(documents, seed)
    paths = []
    for i in range(documents):
        name, text = document(world, i, seed)
        path = out / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--documents", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    paths = generate(args.out, args.documents, args.seed)
    chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
    print(f"{len(paths)} documents, {chars:,} characters in {args.out}")


if __name__ == "__main__":
    main()
