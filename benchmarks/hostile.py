"""The long run of the hostile-input suite: many generated attacks per class, each bounded.

Run: python benchmarks/hostile.py [--cases 40] [--seed 1] [--seconds 30] [--memory-mb 700]

Every case is run in a forked child with an address-space cap and a time limit (the helper of
tests/bounded.py). A case passes when it ends within both with a result or with a ClaimsError
(one clear message), never another exception, a hang or a memory blow-up. Prints per class the
cases tried, failures, the slowest case and the largest peak memory; docs/benchmarks.md keeps
the figures. The classes follow issue 10 and docs/security.md.
"""

from __future__ import annotations

import argparse
import io
import os
import pickle
import platform
import random
import resource
import string
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
sys.path.insert(0, str(HERE))

from bounded import Exceeded, bounded  # noqa: E402
from hostile_inputs import docx_bytes, fragment_rules, rewrite_part  # noqa: E402

import claims  # noqa: E402
from claims.api import extract_article  # noqa: E402
from claims.checklist.reader import read_checklist  # noqa: E402
from claims.checklist.writer import write_workbook  # noqa: E402
from claims.errors import ClaimsError  # noqa: E402
from claims.languages import check_lang  # noqa: E402
from claims.report.safe import terminal  # noqa: E402
from claims.ruleset import load_ruleset, loader  # noqa: E402
from claims.text.formats import html_text  # noqa: E402
from claims.text.reader import article_from_text, decode, read_article  # noqa: E402

ARTICLE = "Am 17. März kamen rund 80 Menschen zur Messe nach Bozen, sagte Bürgermeister Karl Huber.\n"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _measured(func: Callable[..., object], *args: object) -> tuple[str, float]:
    """In the child: run the case; 'ok' or 'refused' with the child's peak memory."""
    try:
        func(*args)
        outcome = "ok"
    except ClaimsError as exc:
        outcome = "refused: " + exc.message[:90]
    return outcome, _peak_mb()


# --- the cases ----------------------------------------------------------------------------------

def front_matter(rng: random.Random, tmp: Path) -> Iterator[tuple[str, Callable, tuple]]:
    for n in range(CASES):
        kind = rng.choice(["aliases", "nesting", "size", "date", "toml"])
        if kind == "aliases":
            levels = rng.randint(2, 9)
            lines = ["---", "a: &a [" + ",".join(['"lol"'] * rng.randint(2, 12)) + "]"]
            for i in range(1, levels):
                lines.append(f"l{i}: &l{i} [" + ",".join([f"*{'a' if i == 1 else f'l{i - 1}'}"] * 9) + "]")
            body = "\n".join(lines + ["---", ARTICLE])
        elif kind == "nesting":
            depth = rng.randint(20, 30_000)
            opening, closing = rng.choice([("[", "]"), ("{a: ", "}"), ("- ", "")])
            body = f"---\ntitle: {opening * depth}1{closing * depth}\n---\n{ARTICLE}"
        elif kind == "size":
            body = "---\ntitle: " + "x" * rng.randint(60_000, 3_000_000) + f"\n---\n{ARTICLE}"
        elif kind == "date":
            y, m, d = rng.randint(0, 99999), rng.randint(0, 14), rng.randint(0, 40)
            body = f"---\ndate: {y:04d}-{m:02d}-{d:02d}\n---\n{ARTICLE}"
        else:
            depth = rng.randint(50, 20_000)
            body = f"+++\ntitle = {'[' * depth}1{']' * depth}\ndate = {rng.randint(1, 9999):04d}-02-30\n+++\n{ARTICLE}"
        path = tmp / f"fm-{n}.md"
        path.write_text(body, "utf-8")
        yield kind, lambda p: extract_article(read_article(p)), (path,)


def names_and_dates(rng: random.Random, tmp: Path) -> Iterator[tuple[str, Callable, tuple]]:
    alphabet = string.ascii_letters + string.digits + "./\\-_~ \x00\n:"
    for _ in range(CASES):
        name = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        yield "lang", lambda n: claims.extract(ARTICLE, lang=check_lang(n)), (name,)
        date = f"{rng.randint(1, 9999):04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        text = rng.choice(["Gestern", "Vor 5000000 Tagen", "In 9000 Jahren", "Am Montag", "Nächste Woche",
                           "Vor 99999999999 Wochen"]) + " kamen 80 Menschen, sagte er am 31. Dezember.\n"
        yield "date", lambda t, d: claims.extract(t, date=d), (text, date)


PIECES = ["<div>", "</div>", "<p>", "</p>", "<nav>", "</nav>", "<a ", "<a b='", "'", ">", "<!--", "-->",
          "</span>", "<![CDATA[", "]]>", "<?", "&amp;", "&#", "Text ", "17. März ", "<br>", "<script>",
          "</script>", "<article>", "</article>", "<", "\n", "<title>", "</title>", "\"", "<!DOCTYPE "]


def html(rng: random.Random, tmp: Path) -> Iterator[tuple[str, Callable, tuple]]:
    for _ in range(CASES):
        pieces = [rng.choice(PIECES) for _ in range(rng.randint(1, 40))]
        page = "".join(pieces) * rng.randint(1, 200_000 // max(len("".join(pieces)), 1))
        yield "tag soup", html_text, (page,)
        depth = rng.randint(1_000, 80_000)
        tag = rng.choice(["div", "span", "nav", "section", "b"])
        closer = rng.choice([f"</{tag}>", "</span>", "</p>", ""])
        yield "nesting", html_text, (f"<html><body><article><p>{ARTICLE}</p>" + f"<{tag}>" * depth + closer * depth,)


MARKUP = ["**", "*", "__", "_", "~~", "`", "[", "]", "(", ")", "![", "<", ">", "<!--", "-->", "http:", "a", " ",
          "|", "# ", "> ", "\n"]


def markdown(rng: random.Random, tmp: Path) -> Iterator[tuple[str, Callable, tuple]]:
    from claims.text.markdown import blank_markup

    for _ in range(CASES):
        pieces = "".join(rng.choice(MARKUP) for _ in range(rng.randint(1, 30)))
        text = pieces * rng.randint(1, 400_000 // max(len(pieces), 1))
        yield "markup soup", blank_markup, (text,)


def _workbook(tmp: Path, name: str) -> Path:
    article = article_from_text(ARTICLE, path=str(tmp / f"{name}.txt"), date="2025-03-24")
    path = tmp / f"{name}.checklist.xlsx"
    write_workbook(extract_article(article), article, path)
    return path


_rewrite = rewrite_part


def _letters(col: int) -> str:
    out = ""
    while col:
        col, rest = divmod(col - 1, 26)
        out = chr(65 + rest) + out
    return out


def workbooks(rng: random.Random, tmp: Path) -> Iterator[tuple[str, Callable, tuple]]:
    for n in range(CASES):
        path = _workbook(tmp, f"wb-{n}")
        sheet = f"xl/worksheets/sheet{rng.randint(1, 5)}.xml"
        kind = rng.choice(["far cell", "merge", "hyperlink", "bomb", "many cells"])
        ref = f"{_letters(rng.randint(1, 16384))}{rng.randint(1, 1_048_576)}"
        if kind == "far cell":
            row = ref.lstrip(string.ascii_uppercase)
            _rewrite(path, sheet, lambda x: x.replace(
                "</sheetData>", f'<row r="{row}"><c r="{ref}" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')
                .replace("<sheetData/>", f'<sheetData><row r="{row}"><c r="{ref}"><v>1</v></c></row></sheetData>'))
        elif kind in ("merge", "hyperlink"):
            element = (f'<mergeCells count="1"><mergeCell ref="A1:{ref}"/></mergeCells>' if kind == "merge"
                       else f'<hyperlinks><hyperlink ref="A1:{ref}" display="x"/></hyperlinks>')
            _rewrite(path, sheet, lambda x: x.replace("</sheetData>", "</sheetData>" + element, 1)
                     .replace("<sheetData/>", "<sheetData/>" + element, 1))
        elif kind == "bomb":
            with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
                archive.writestr(f"xl/media/p{n}.bin", b"\0" * rng.randint(2, 300) * 1024 * 1024)
        else:
            count = rng.randint(100_000, 4_000_000)
            cells = "".join(f'<c r="A{i}"/>' for i in range(1, count + 1))
            _rewrite(path, "xl/worksheets/sheet3.xml", lambda x: x.replace("<sheetData/>", f"<sheetData><row>{cells}</row></sheetData>"))
        yield kind, read_checklist, (path,)


_docx = docx_bytes


def word(rng: random.Random, tmp: Path) -> Iterator[tuple[str, Callable, tuple]]:
    for n in range(CASES):
        kind = rng.choice(["entities", "undeclared", "bomb", "nesting", "comments"])
        body = "<w:p><w:r><w:t>Am 17. März kamen 80 Menschen.</w:t></w:r></w:p>"
        prolog, extra = "", None
        if kind == "entities":
            prolog = '<!DOCTYPE w [<!ENTITY a "' + "lol" * rng.randint(1, 50) + '"><!ENTITY b "' + "&a;" * 20 + '">]>'
            body = "<w:p><w:r><w:t>&b;&b;</w:t></w:r></w:p>"
        elif kind == "undeclared":
            body = "<w:p><w:r><w:t>&x" + str(n) + ";</w:t></w:r></w:p>"
        elif kind == "bomb":
            extra = (f"word/media/p{n}.bin", b"\0" * rng.randint(2, 200) * 1024 * 1024)
        elif kind == "nesting":
            depth = rng.randint(100, 20_000)
            body = "<w:p><w:r>" + "<w:sdt><w:sdtContent>" * depth + "</w:sdtContent></w:sdt>" * depth + "</w:r></w:p>"
        else:
            body = "<!-- c --><w:p><!-- d --><w:r><?pi x?><w:t>Am 17. März</w:t></w:r></w:p>" * rng.randint(1, 2000)
        path = tmp / f"w-{n}.docx"
        path.write_bytes(_docx(body, prolog, extra))
        yield kind, read_article, (path,)


def sentences(rng: random.Random, tmp: Path) -> Iterator[tuple[str, Callable, tuple]]:
    pieces = ["Am 3. Mai kamen 80 Menschen, ", "rund 2.000 Euro ", "„Wir kommen“ ", "laut Polizei ", "x" * 50, " "]
    for _ in range(CASES):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1_000, 25_000))) + ".\n"
        yield "endless sentence", lambda t: claims.extract(t, date="2025-05-10"), (text,)


def encodings(rng: random.Random, tmp: Path) -> Iterator[tuple[str, Callable, tuple]]:
    text = ARTICLE * 50
    for _ in range(CASES):
        yield "random bytes", decode, (rng.randbytes(rng.randint(0, 200_000)),)
        codec = rng.choice(["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-16", "utf-32", "cp1252"])
        data = bytearray(text.encode(codec))
        for _ in range(rng.randint(0, 3)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        yield "damaged " + codec, decode, (bytes(data),)
        utf8 = bytearray(text.encode("utf-8"))
        utf8[rng.randrange(len(utf8))] = 0xFF
        yield "damaged utf-8", decode, (bytes(utf8),)


def rules(rng: random.Random, tmp: Path) -> Iterator[tuple[str, Callable, tuple]]:
    """Most cases on the fragment expander itself; every tenth through a whole rule folder (which
    compiles the built-in rules too, seconds a case)."""
    from claims.ruleset.compiler import _Expander

    def expand(fragments: dict[str, str]) -> str:
        return _Expander(fragments, {}).expand("{f0}", None, None)

    for n in range(CASES):
        levels, copies = rng.randint(2, 19), rng.randint(2, 12)
        fragments = {f"f{i}": "".join([f"{{f{i + 1}}}"] * copies) for i in range(levels)}
        fragments[f"f{levels}"] = "a"
        if n % 10:
            yield f"fragments {copies}**{levels}", expand, (fragments,)
            continue
        folder = tmp / f"rules-{n}" / "de"
        folder.mkdir(parents=True)
        (folder / "figures.toml").write_text(fragment_rules(levels, copies), "utf-8")
        yield f"rule file {copies}**{levels}", lambda f: load_ruleset("de", (f,)), (folder.parent,)


def terminals(rng: random.Random, tmp: Path) -> Iterator[tuple[str, Callable, tuple]]:
    def check(text: str) -> None:
        shown = terminal(text)
        if any(ch in shown for ch in "\x1b\x9b\x07\x08\x00\x7f\r"):
            raise AssertionError(f"a control character survived in {shown!r}")

    for _ in range(CASES):
        text = "".join(chr(rng.choice([rng.randrange(0, 0x20), 0x1b, 0x9b, 0x7f, rng.randrange(0x20, 0x250)]))
                       for _ in range(rng.randint(0, 2000)))
        yield "control sequences", check, (text,)


def files(rng: random.Random, tmp: Path) -> Iterator[tuple[str, Callable, tuple]]:
    for n in range(CASES):
        folder = tmp / f"files-{n}"
        folder.mkdir()
        (folder / "a.md").write_text(ARTICLE, "utf-8")
        kind = rng.choice(["fifo", "device", "loop", "dirloop"])
        if kind == "fifo":
            os.mkfifo(folder / "b.md")
        elif kind == "device":
            (folder / "b.md").symlink_to(rng.choice(["/dev/zero", "/dev/urandom", "/dev/null"]))
        elif kind == "loop":
            (folder / "b.md").symlink_to("c.md")
            (folder / "c.md").symlink_to("b.md")
        else:
            for i in range(rng.randint(2, 5)):
                (folder / f"l{i}").symlink_to(".")

        def run_batch(f: Path) -> None:
            from claims.batch import expand_inputs, process, as_jsonl, Job

            found, _ = expand_inputs([str(f), str(f / "**" / "*.md")])
            outcomes = [process(Job(path=str(p)), as_jsonl) for p in found]
            if not any(o.ok for o in outcomes) or any("internal error" in (o.error or "") for o in outcomes):
                raise AssertionError([o.error for o in outcomes])

        yield kind, run_batch, (folder,)


def caches(rng: random.Random, tmp: Path) -> Iterator[tuple[str, Callable, tuple]]:
    class Planted:
        def __init__(self, marker: str) -> None:
            self.marker = marker

        def __reduce__(self):  # noqa: ANN204
            return (Path(self.marker).write_text, ("planted",))

    for n in range(CASES):
        cache = tmp / f"cache-{n}"
        cache.mkdir(mode=0o700)
        marker = tmp / f"marker-{n}"
        dirs = loader._rule_dirs("en", ())
        target = cache / f"ruleset-en-{loader._cache_key('en', dirs, ())}.pickle"
        payload = pickle.dumps(Planted(str(marker)))
        from claims.ruleset.cache import MAGIC, TAG_BYTES

        target.write_bytes(rng.choice([payload, MAGIC + rng.randbytes(TAG_BYTES) + payload]))

        def load(folder: Path, mark: Path) -> None:
            os.environ["CLAIMS_CACHE_DIR"] = str(folder)
            loader._forked = True
            loader.load_ruleset.cache_clear()
            load_ruleset("en")
            if mark.exists():
                raise AssertionError("planted code ran")

        yield "planted file", load, (cache, marker)


CLASSES = {"front matter": front_matter, "names and dates": names_and_dates, "html": html, "markdown": markdown,
           "workbooks": workbooks, "word documents": word, "long sentences": sentences,
           "encodings": encodings, "rule fragments": rules, "terminal output": terminals,
           "devices, fifos, loops": files, "rule cache": caches}
CASES = 40


def main() -> None:
    global CASES
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=40, help="cases per class (some classes make two a case)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=30, help="time limit of one case")
    parser.add_argument("--memory-mb", type=int, default=700, help="memory cap of one case, above the parent")
    parser.add_argument("--only", help="run only the class whose name contains this")
    parser.add_argument("-v", "--verbose", action="store_true", help="show what refusals said")
    args = parser.parse_args()
    CASES = args.cases
    rng = random.Random(args.seed)
    load_ruleset("de")
    load_ruleset("en")
    print(f"# hostile inputs, seed {args.seed}, {args.seconds:g} s and {args.memory_mb} MiB a case; "
          f"{platform.python_version()}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")
    print(f"{'class':<24} {'cases':>6} {'refused':>8} {'failures':>9} {'slowest s':>10} {'peak MiB':>9}")
    total = failures_total = 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        os.environ["XDG_CACHE_HOME"] = str(tmp / "home-cache")
        for name, cases in CLASSES.items():
            if args.only and args.only not in name:
                continue
            folder = tmp / name.replace(" ", "-").replace(",", "")
            folder.mkdir()
            tried = refused = failed = 0
            reasons: dict[str, str] = {}
            slowest = peak = 0.0
            for kind, func, case_args in cases(rng, folder):
                tried += 1
                begin = time.perf_counter()
                try:
                    outcome, memory = bounded(_measured, func, *case_args, seconds=args.seconds,
                                              memory_mb=args.memory_mb)
                    if outcome != "ok":
                        refused += 1
                        reasons[outcome.removeprefix("refused: ")] = kind
                    peak = max(peak, memory)
                except (Exceeded, Exception) as exc:  # noqa: BLE001 - every other end is a failure
                    failed += 1
                    print(f"  FAIL {name} / {kind}: {type(exc).__name__}: {str(exc)[:200]}")
                slowest = max(slowest, time.perf_counter() - begin)
            total += tried
            failures_total += failed
            print(f"{name:<24} {tried:>6} {refused:>8} {failed:>9} {slowest:>10.2f} {peak:>9.0f}")
            if args.verbose:
                for reason, kind in list(reasons.items())[:6]:
                    print(f"    refused ({kind}): {reason}")
    print(f"{'all':<24} {total:>6} {'':>8} {failures_total:>9}   ({time.perf_counter() - started:.0f} s)")
    sys.exit(1 if failures_total else 0)


if __name__ == "__main__":
    main()
