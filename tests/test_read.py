"""The reading layer (issue 2): bytes to text, and which language the text is in.

News arrives as UTF-8 with or without a BOM, as UTF-16 from Windows tools, as Windows-1256 from
older Arabic sites, as HTML pages, and sometimes as something that is not text at all. Each of
these must either decode to the same text a UTF-8 file would give, or be refused with a one-line
reason; and language detection must never force a French or German article into ar/fa/en.
The test sentences are written for these tests; the seeds are read from ../shared at run time.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from extractors.errors import InputError
from extractors.language import detect_language
from extractors.read import decode_bytes, read_file

AR_TEXT = ("التقى وزير الخارجية الإيراني نظيره التركي في أنقرة يوم الاثنين، وبحث الجانبان العلاقات "
           "الثنائية والتعاون الاقتصادي بين البلدين. وقال الوزير إن المحادثات كانت مثمرة.")
FA_TEXT = ("وزیر امور خارجه ایران روز دوشنبه در آنکارا با همتای ترک خود دیدار و گفتگو کرد. دو طرف "
           "درباره گسترش همکاری‌های اقتصادی و تجاری دو کشور گفتگو کردند.")
EN_TEXT = "The foreign ministers of Iran and Turkey met in Ankara on Monday and discussed trade."


# -- decoding ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [AR_TEXT, FA_TEXT, EN_TEXT])
def test_utf8_without_bom(text: str) -> None:
    d = decode_bytes(text.encode("utf-8"))
    assert d.text == text
    assert d.encoding == "utf-8"
    assert d.warnings == ()


@pytest.mark.parametrize("text", [AR_TEXT, FA_TEXT, EN_TEXT])
def test_utf8_bom_is_dropped(text: str) -> None:
    d = decode_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert d.text == text  # no U+FEFF left in front to shift every span by one
    assert not d.text.startswith("\ufeff")
    assert d.encoding == "utf-8-sig"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [AR_TEXT, FA_TEXT])
def test_utf16_with_bom(text: str, codec: str) -> None:
    bom = b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff"
    d = decode_bytes(bom + text.encode(codec))
    assert d.text == text
    assert d.encoding.startswith("utf-16")


def test_windows_line_ends_become_newlines() -> None:
    d = decode_bytes(b"first line\r\nsecond line\rthird")
    assert d.text == "first line\nsecond line\nthird"


def test_short_windows_1256_arabic_decodes() -> None:
    data = AR_TEXT.encode("cp1256")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the test is only meaningful if UTF-8 cannot read it
    d = decode_bytes(data)
    assert d.text == AR_TEXT
    assert d.encoding.lower().replace("-", "").replace("_", "") in ("cp1256", "windows1256")


def test_a_few_stray_bytes_keep_utf8() -> None:
    """One corrupt byte in a UTF-8 Arabic file must not turn the whole file into cp1256 mojibake."""
    good = (AR_TEXT + "\n") * 4
    raw = good.encode("utf-8")
    data = raw[:120] + b"\xff" + raw[120:]
    d = decode_bytes(data)
    assert d.encoding == "utf-8"
    assert d.text.count("\ufffd") == 1
    assert d.text.replace("\ufffd", "") == good
    assert any("replaced" in w for w in d.warnings)


def _without_byte_identity(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records with what legitimately depends on the bytes removed: doc sha256/encoding/id/path,
    and the record ids (and claim->meeting links), which are built from the sha256."""
    out = []
    for r in records:
        sha12 = r["doc"]["sha256"][:12]
        r = {**r, "doc": {k: v for k, v in r["doc"].items() if k not in ("sha256", "encoding", "id", "path")}}
        r["id"] = r["id"].replace(sha12, "<sha>")
        if r.get("meeting"):
            r["meeting"] = r["meeting"].replace(sha12, "<sha>")
        out.append(r)
    return out


def test_windows_1256_seed_gives_the_same_records(extractor, seed_path, tmp_path: Path) -> None:
    src = seed_path("002")
    text = src.read_text(encoding="utf-8")
    (tmp_path / "utf8").mkdir()
    (tmp_path / "cp1256").mkdir()
    utf8 = tmp_path / "utf8" / src.name
    legacy = tmp_path / "cp1256" / src.name
    shutil.copyfile(src, utf8)
    legacy.write_bytes(text.encode("cp1256"))

    doc_u, doc_l = extractor.load(utf8), extractor.load(legacy)
    assert doc_l.encoding.lower().replace("-", "").replace("_", "") in ("cp1256", "windows1256")
    assert doc_l.text == doc_u.text
    assert doc_l.sha256 != doc_u.sha256  # the hash is of the bytes as read

    res_u, res_l = extractor.extract_many([doc_u, doc_l])
    assert res_u.ok and res_l.ok, (res_u.error, res_l.error)
    assert res_u.records, "seed 002 gave no records at all"
    assert res_l.records[0]["doc"]["encoding"] == doc_l.encoding
    assert _without_byte_identity(res_l.records) == _without_byte_identity(res_u.records)


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4,
    b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(200),
    bytes(range(1, 32)) * 40,
], ids=["png", "zip", "control-bytes"])
def test_binary_is_refused(data: bytes, tmp_path: Path) -> None:
    with pytest.raises(InputError) as e:
        decode_bytes(data, "blob.bin")
    assert "binary" in str(e.value)
    f = tmp_path / "blob.txt"
    f.write_bytes(data)
    with pytest.raises(InputError) as e:
        read_file(f)
    assert str(f) in str(e.value) and "\n" not in str(e.value)


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \n", b"\xef\xbb\xbf", b"\xef\xbb\xbf \r\n"],
                         ids=["empty", "whitespace", "bom-only", "bom-whitespace"])
def test_empty_is_refused(content: bytes, tmp_path: Path, extractor) -> None:
    f = tmp_path / "empty.txt"
    f.write_bytes(content)
    with pytest.raises(InputError) as e:
        read_file(f)
    assert "empty" in str(e.value)
    with pytest.raises(InputError):
        extractor.from_bytes(content, "stdin")


def test_missing_and_directory_are_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError) as e:
        read_file(tmp_path / "nope.txt")
    assert "no such file" in str(e.value)
    with pytest.raises(InputError) as e:
        read_file(tmp_path)
    assert "directory" in str(e.value)


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_text(EN_TEXT * 10, encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_file(f, max_bytes=100)
    assert "limit" in str(e.value)


def test_html_is_stripped_to_text() -> None:
    page = ("<!DOCTYPE html><html><head><title>x</title><style>p { color: red }</style>"
            "<script>var met = 'not text';</script></head><body><!-- a comment -->"
            "<h1>Talks in Ankara</h1><p>The ministers met &amp; talked.</p><div>Trade grew.</div>"
            "</body></html>")
    d = decode_bytes(page.encode("utf-8"))
    assert "<" not in d.text and ">" not in d.text
    assert "color: red" not in d.text and "not text" not in d.text and "a comment" not in d.text
    assert "The ministers met & talked." in d.text
    # block elements end lines, so headings and paragraphs do not run together into one sentence
    lines = [ln.strip() for ln in d.text.splitlines() if ln.strip()]
    assert "Talks in Ankara" in lines and "Trade grew." in lines
    assert any("HTML" in w for w in d.warnings)


def test_plain_text_mentioning_tags_is_not_treated_as_html() -> None:
    text = "The ministers discussed the <b> tag at length."
    assert decode_bytes(text.encode()).text == text


# -- language ---------------------------------------------------------------------------------
@pytest.mark.parametrize("num, lang", [("000", "ar"), ("001", "fa"), ("002", "ar"), ("003", "ar"),
                                       ("004", "en")])
def test_language_of_the_seeds(seed_path, num: str, lang: str) -> None:
    text = seed_path(num).read_text(encoding="utf-8")
    assert detect_language(text)[0] == lang


@pytest.mark.parametrize("text, lang", [
    ("بحث الرئيسان العلاقات الثنائية", "ar"),
    ("هذا نص قصير عن اللقاء", "ar"),
    ("این یک متن کوتاه است", "fa"),
    ("دیدار رئیس‌جمهور با وزیر", "fa"),
    ("Rouhani met Aliyev in Baku.", "en"),
    ("The two presidents met.", "en"),
    # a news lede is mostly names; its few function words still make it English
    ("Iranian Foreign Minister Mohammad Javad Zarif met Turkish President Recep Tayyip Erdogan "
     "on Monday.", "en"),
])
def test_language_of_short_texts(text: str, lang: str) -> None:
    assert detect_language(text)[0] == lang


def test_persian_and_arabic_are_told_apart() -> None:
    assert detect_language(AR_TEXT)[0] == "ar"
    assert detect_language(FA_TEXT)[0] == "fa"
    # Persian without any ZWNJ (as many sites publish it) is still Persian
    assert detect_language(FA_TEXT.replace("\u200c", ""))[0] == "fa"


def test_arabic_written_with_persian_yeh_and_keheh_is_arabic() -> None:
    """Iranian outlets' Arabic services often type ی and ک; those letters alone do not make Persian."""
    text = ("وأکد الرئیس الإیرانی فی هذا اللقاء الذی عقد فی باکو علی أهمیة العلاقات بین البلدین، "
            "وقال إن التعاون الاقتصادی یجب أن یتطور أکثر من ذی قبل.")
    assert detect_language(text)[0] == "ar"


@pytest.mark.parametrize("text", [
    ("Le ministre iranien des Affaires étrangères a rencontré hier son homologue turc à Ankara. "
     "Les deux hommes ont évoqué la coopération économique entre les deux pays."),
    "Le président a rencontré le ministre des affaires étrangères à Paris hier.",
    ("Der iranische Außenminister hat sich gestern in Ankara mit seinem türkischen Amtskollegen "
     "getroffen. Die beiden Politiker sprachen über die wirtschaftliche Zusammenarbeit."),
    "Der Präsident traf gestern den Außenminister in Berlin.",
], ids=["fr-long", "fr-short", "de-long", "de-short"])
def test_french_and_german_are_unsupported(text: str) -> None:
    lang, reason = detect_language(text)
    assert lang is None, reason
    assert reason


@pytest.mark.parametrize("text", ["", "   ", "12345 678", "!!! ??? ..."])
def test_no_language_from_too_little(text: str) -> None:
    assert detect_language(text)[0] is None


def test_unsupported_language_is_an_input_error(extractor) -> None:
    text = ("Der iranische Außenminister hat sich gestern mit seinem türkischen Amtskollegen getroffen. "
            "Die beiden Politiker sprachen über die wirtschaftliche Zusammenarbeit.")
    doc = extractor.from_bytes(text.encode(), "stdin")
    (res,) = extractor.extract_many([doc])
    assert not res.ok and res.records == []
    assert "unsupported language" in res.error and "\n" not in res.error
