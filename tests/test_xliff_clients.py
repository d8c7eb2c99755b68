"""Third-party readers of our XLIFF: translate-toolkit (1.2) and the `xliff` npm package (2.x).

translate-toolkit is GPL-3.0-or-later, so it runs only here, in a subprocess,
never imported by the toolkit. The npm package (MIT) is installed with npm into
a cache folder outside the repository; both tests skip with a reason without them.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

import toolkit
from tests.test_xliff import SEED, X12, X, translator
from toolkit.model import Briefing, Meta, Note, P, Strong
from toolkit.writers.xliff import XliffOptions, render_xliff, translate_xliff

NPM_VERSION = "6.4.0"
TT_SCRIPT = """
import json, sys
from translate.storage import xliff
store = xliff.xlifffile.parsestring(sys.stdin.buffer.read())
# getid() is "FILE\x04ID"; the id attribute is ours.
print(json.dumps([[u.getid().rpartition("\x04")[2], u.source, u.target or ""] for u in store.units if u.istranslatable()]))
"""


def _plain(el: etree._Element | None) -> str:
    return "".join(el.itertext()) if el is not None else ""


@pytest.mark.skipif(
    importlib.util.find_spec("translate") is None, reason="translate-toolkit is not installed"
)
@pytest.mark.parametrize("filled", [False, True])
def test_translate_toolkit_reads_our_xliff_12(filled: bool) -> None:
    doc = toolkit.read(SEED)
    opts = XliffOptions(version="1.2")
    data = translate_xliff(doc, opts, translator=translator()) if filled else render_xliff(doc, opts)
    run = subprocess.run([sys.executable, "-c", TT_SCRIPT], input=data, capture_output=True, timeout=120)
    assert run.returncode == 0, run.stderr.decode()
    units = json.loads(run.stdout)
    ours = list(etree.fromstring(data).iter(f"{X12}trans-unit"))
    assert [u[0] for u in units] == [tu.get("id") for tu in ours]
    # translate-toolkit shows inline codes as placeables; their text is the source's text.
    assert [u[1] for u in units] == [_plain(tu.find(f"{X12}source")) for tu in ours]
    if filled:
        assert [u[2] for u in units] == [_plain(tu.find(f"{X12}target")) for tu in ours]


def _npm_dir() -> Path | None:
    if shutil.which("node") is None:
        return None
    base = Path(
        os.environ.get("BRIEFING_XLIFF_NPM")
        or Path.home() / ".cache" / "briefing-toolkit-tests" / "xliff-npm"
    )
    if not (base / "node_modules" / "xliff").is_dir():
        if shutil.which("npm") is None:
            return None
        base.mkdir(parents=True, exist_ok=True)
        install = ["npm", "install", "--prefix", str(base), "--no-audit", "--no-fund", f"xliff@{NPM_VERSION}"]
        try:
            subprocess.run(install, capture_output=True, timeout=180, check=True)
        except (subprocess.SubprocessError, OSError):
            return None
    return base


NODE_SCRIPT = """
const { xliff2js } = require(process.argv[1] + '/node_modules/xliff');
let data = '';
process.stdin.on('data', c => data += c).on('end', () => {
  xliff2js(data).then(r => console.log(JSON.stringify(r))).catch(e => { console.error(String(e)); process.exit(1); });
});
"""


def test_the_xliff_npm_package_reads_our_xliff_21() -> None:
    where = _npm_dir()
    if where is None:
        pytest.skip("node, npm or the `xliff` npm package is not available (no network?)")
    note = Note((P(("Bijlage.",)),), "2")
    one = Briefing(Meta(title="T"), (P(("Zie het ", Strong(("non-paper",)), note, " van Nederland.")),))
    for doc in (toolkit.read(SEED), one):
        data = translate_xliff(doc, translator=translator())
        run = subprocess.run(
            ["node", "-e", NODE_SCRIPT, str(where)], input=data, capture_output=True, timeout=60
        )
        assert run.returncode == 0, run.stderr.decode()
        parsed = json.loads(run.stdout)
        assert (parsed["sourceLanguage"], parsed["targetLanguage"]) == ("nl", "en")
        units = parsed["resources"]["f1"]
        assert list(units) == [u.get("id") for u in etree.fromstring(data).iter(f"{X}unit")]
    # xliff2js keeps one segment per unit (the last); a one-sentence paragraph shows the codes in order.
    assert units["u2"]["source"] == [
        "Zie het ",
        {
            "Span": {
                "id": "c1",
                "type": "fmt",
                "subType": "xlf:b",
                "dataRefStart": "dc1",
                "dataRefEnd": "dc1e",
                "contents": "non-paper",
            }
        },
        {
            "Standalone": {
                "id": "c2",
                "canCopy": "no",
                "canDelete": "no",
                "disp": "[1]",
                "subFlows": "u3",
                "dataRef": "dc2",
            }
        },
        " van Nederland.",
    ]
    assert units["u2"]["target"][1] == units["u2"]["source"][2]  # the note's code survives in the target
    assert units["u3"]["source"] == "Bijlage." and units["u3"]["target"] == "EN[Bijlage.]"
