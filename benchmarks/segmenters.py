"""Why claims has its own sentence splitter: accuracy on German news cases and speed, against
the well-kept candidates (pysbd, syntok, SoMaJo).

Run: pip install pysbd syntok somajo && python benchmarks/segmenters.py
(The candidates are not dependencies of claims; a missing one is skipped.)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import text_of_size  # noqa: E402

from claims.ruleset import load_ruleset  # noqa: E402
from claims.text.segment import paragraphs, sentences  # noqa: E402

# (text, number of sentences): the constructions German news needs
CASES = [
    ("Die Messe beginnt am 17. März in Bozen. Sie dauert zwei Tage.", 2),
    ("Es kamen u. a. Vertreter der Gemeinde, z. B. Dr. Huber aus Nr. 12. Danach ging es los.", 2),
    ("Huber sagte: „Wir sind froh. Es war ein gutes Jahr.“ Dann ging er.", 2),
    ("Er wurde im 2. Stock gefunden. Die Polizei ermittelt.", 2),
    ("Der Umsatz stieg um 3,5 Mio. Euro. Das ist ein Rekord.", 2),
    ("Am 3. Oktober 1990 trat der Vertrag in Kraft. Seitdem gilt er.", 2),
    ("Die Feier findet am So. statt. Alle sind eingeladen.", 2),
    ("Prof. Dr. Anna Berger leitet das Institut. Sie ist 54 Jahre alt.", 2),
]


def measure(name: str, split) -> None:
    correct = sum(1 for text, count in CASES if len(split(text)) == count)
    text = text_of_size(200_000)
    start = time.perf_counter()
    split(text)
    elapsed = time.perf_counter() - start
    print(f"{name:8s} {correct}/{len(CASES)} cases right, {len(text.encode()) / elapsed / 1e6:6.2f} MB/s")


def main() -> None:
    lists = load_ruleset("de").lists
    abbreviations = frozenset(lists["abbreviations"].entries)
    starters = frozenset(lists["sentence_starters"].entries)
    measure("claims", lambda t: sentences(t, paragraphs(t), abbreviations, starters))
    try:
        import pysbd

        measure("pysbd", pysbd.Segmenter(language="de", clean=False).segment)
    except ImportError:
        print("pysbd    not installed")
    try:
        from syntok import segmenter

        measure("syntok", lambda t: [s for p in segmenter.process(t) for s in p])
    except ImportError:
        print("syntok   not installed")
    try:
        from somajo import SoMaJo

        tokenizer = SoMaJo("de_CMC", split_camel_case=False)
        measure("SoMaJo", lambda t: list(tokenizer.tokenize_text([t])))
    except ImportError:
        print("SoMaJo   not installed")


if __name__ == "__main__":
    main()
