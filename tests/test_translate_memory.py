"""The translation memory: keys, cache hits on a second run, --no-cache, and two processes writing at once."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import toolkit
from tests.test_translate_packages import no_network, private_dirs  # noqa: F401  (autouse fixtures)
from tests.test_translate_segments import FakeEngine
from toolkit.translation.memory import MemoryKey, TranslationMemory, default_path
from toolkit.translation.options import TranslateOptions
from toolkit.translation.pipeline import Stats, Translator

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_22ad20a819696709.txt"
KEY = MemoryKey("ctranslate2", "translate-nl_en", "1.0", "nl", "en", "g1")


def test_memory_location_follows_the_environment(tmp_path: Path) -> None:
    assert default_path() == tmp_path / "cache" / "tm.sqlite3"  # BRIEFING_CACHE_DIR, set by private_dirs


def test_memory_is_keyed_by_model_version_and_glossary(tmp_path: Path) -> None:
    with TranslationMemory(tmp_path / "tm.sqlite3") as tm:
        tm.put_many(KEY, {"De NAVO is sterk.": "NATO is strong."})
        assert tm.get_many(KEY, ["De NAVO is sterk.", "Onbekend."]) == {
            "De NAVO is sterk.": "NATO is strong."
        }
        other_version = MemoryKey("ctranslate2", "translate-nl_en", "1.1", "nl", "en", "g1")
        other_glossary = MemoryKey("ctranslate2", "translate-nl_en", "1.0", "nl", "en", "g2")
        assert tm.get_many(other_version, ["De NAVO is sterk."]) == {}
        assert tm.get_many(other_glossary, ["De NAVO is sterk."]) == {}
        tm.put_many(KEY, {"De NAVO is sterk.": "something else"})  # first answer wins
        assert tm.get_many(KEY, ["De NAVO is sterk."])["De NAVO is sterk."] == "NATO is strong."
        assert tm._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_second_translation_of_a_document_makes_zero_model_calls(tmp_path: Path) -> None:
    doc = toolkit.read(SEED)
    path = tmp_path / "tm.sqlite3"
    first, second = FakeEngine(), FakeEngine()
    stats1, stats2 = Stats(), Stats()
    with Translator(options=TranslateOptions(cache=path, glossary=False), engine=first) as t1:
        out1 = t1.translate_document(doc, stats1)
    with Translator(options=TranslateOptions(cache=path, glossary=False), engine=second) as t2:
        out2 = t2.translate_document(doc, stats2)
    assert out1 == out2
    assert stats1.model_calls == stats1.segments == 50 and stats1.cache_hits == 0
    assert stats2.model_calls == 0 and stats2.cache_hits == stats2.segments == 50
    assert second.sent == []
    assert stats2.line().startswith("segments: 50, cache hits: 50, model calls: 0, seconds: ")


def test_no_cache_reads_and_writes_nothing(tmp_path: Path) -> None:
    doc = toolkit.read(SEED)
    engine = FakeEngine()
    Translator(options=TranslateOptions(cache=False, glossary=False), engine=engine).translate_document(doc)
    Translator(options=TranslateOptions(cache=False, glossary=False), engine=engine).translate_document(doc)
    assert len(engine.sent) == 100
    assert not default_path().exists()


WRITER = textwrap.dedent(
    """
    import sys
    from toolkit.translation.memory import MemoryKey, TranslationMemory
    key = MemoryKey("ctranslate2", "translate-nl_en", "1.0", "nl", "en", "g1")
    name, path = sys.argv[1], sys.argv[2]
    tm = TranslationMemory(path)
    print("ready", flush=True)
    sys.stdin.readline()  # start together
    for i in range(200):
        # Overlapping keys (shared-i) and private ones (name-i), in small transactions.
        tm.put_many(key, {f"shared-{i}": f"{name}-{i}", f"{name}-{i}": "x"})
        assert tm.get_many(key, [f"{name}-{i}"]) == {f"{name}-{i}": "x"}
    tm.close()
    """
)


def test_two_processes_write_the_memory_at_once(tmp_path: Path) -> None:
    path = tmp_path / "tm.sqlite3"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, name, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for name in ("a", "b")
    ]
    for proc in procs:
        assert proc.stdout is not None
        if proc.stdout.readline().strip() != "ready":
            proc.kill()
            raise AssertionError(proc.communicate()[1])
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    with TranslationMemory(path) as tm:
        names = [f"shared-{i}" for i in range(200)] + [f"{n}-{i}" for n in "ab" for i in range(200)]
        found = tm.get_many(KEY, names)
        assert len(found) == 600
        assert all(found[f"shared-{i}"] in (f"a-{i}", f"b-{i}") for i in range(200))
