#!/usr/bin/env python3
"""Builds the evaluation articles and their gold annotations from annotated sources.

Each `source/<set><nn>_<slug>.txt` is an article written for the evaluation, with every entity
mention marked inline as `[[surface|T]]` or `[[surface|T|canonical]]`, T one of P (PERSON),
O (ORG), L (PLACE), N (NORP), D (DATE), U (NUMBER); see ANNOTATION.md for what is annotated.
This script strips the marks, writes the plain article to `<set>/<name>.txt` (set `d`: dev/,
tuned on; set `h`: heldout/, scored only at the end; set `u`: unseen/, written after the rules of
2026-12-01 and scored once, blind; set `w`: unseen2/, written after the fixes that scoring
prompted and scored once, blind) and the mentions, with exact UTF-8 byte
offsets computed here (never counted by hand), to `<set>.entities.jsonl` in the gold format.
It then re-reads every file and checks that each span's bytes are its text.

Run from anywhere: python3 tests/eval/build_gold.py
"""
import json
import pathlib
import re

HERE = pathlib.Path(__file__).resolve().parent
TYPES = {"P": "PERSON", "O": "ORG", "L": "PLACE", "N": "NORP", "D": "DATE", "U": "NUMBER"}
MARK = re.compile(r"\[\[([^\[\]|]+)\|([A-Z])(?:\|([^\[\]]+))?\]\]")
SETS = {"d": "dev", "h": "heldout", "u": "unseen", "w": "unseen2"}


def default_canonical(text, kind):
    text = " ".join(text.split())
    if kind == "DATE":
        return text.lower()
    if kind == "NUMBER":
        digits = re.sub(r"[^0-9.]", "", text)
        return digits or text.lower()
    return text


def build(src):
    raw = src.read_text(encoding="utf-8")
    out, recs, pos = bytearray(), [], 0
    for m in MARK.finditer(raw):
        out += raw[pos : m.start()].encode("utf-8")
        surface, code, canonical = m.group(1), m.group(2), m.group(3)
        kind = TYPES[code]
        start = len(out)
        out += surface.encode("utf-8")
        recs.append(
            {
                "doc": src.name,
                "start": start,
                "end": len(out),
                "text": surface,
                "type": kind,
                "canonical": canonical or default_canonical(surface, kind),
            }
        )
        pos = m.end()
    out += raw[pos:].encode("utf-8")
    if "[[" in out.decode("utf-8") or "]]" in out.decode("utf-8"):
        raise SystemExit(f"{src.name}: a mark is malformed")
    return bytes(out), recs


def main():
    for code, name in SETS.items():
        folder = HERE / name
        folder.mkdir(exist_ok=True)
        for old in folder.glob("*.txt"):
            old.unlink()
        lines = []
        for src in sorted((HERE / "source").glob(f"{code}[0-9]*.txt")):
            data, recs = build(src)
            (folder / src.name).write_bytes(data)
            lines += recs
        lines.sort(key=lambda r: (r["doc"], r["start"]))
        with open(HERE / f"{name}.entities.jsonl", "w", encoding="utf-8") as f:
            for r in lines:
                f.write(json.dumps(r) + "\n")
        # Check: every span's bytes decode to its text.
        for r in lines:
            data = (folder / r["doc"]).read_bytes()
            assert data[r["start"] : r["end"]].decode("utf-8") == r["text"], r
        docs = len({r["doc"] for r in lines})
        print(f"{name}: {docs} articles, {len(lines)} mentions")


if __name__ == "__main__":
    main()
