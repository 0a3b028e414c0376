"""macros/kit/cache.py: a source laid out once is not laid out again; nothing stale, nothing piling up."""

from __future__ import annotations

import os

import pytest

from macros.kit import cache


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "kit"


class Typst:
    """Stands for Typst: counts layouts, gives a PDF that names its source."""

    def __init__(self) -> None:
        self.layouts = 0

    def __call__(self, source: str) -> bytes:
        self.layouts += 1
        return f"%PDF {source}".encode()


def test_a_source_laid_out_before_is_read_back(folder):
    typst = Typst()
    first = cache.cached_pdf("= Kit", "typst 1", typst, folder)
    again = cache.cached_pdf("= Kit", "typst 1", typst, folder)
    assert first == again == b"%PDF = Kit"
    assert typst.layouts == 1
    assert len(list(folder.glob("*.pdf"))) == 1


def test_another_source_or_compiler_is_laid_out(folder):
    typst = Typst()
    cache.cached_pdf("= Kit", "typst 1", typst, folder)
    assert cache.cached_pdf("= Kit revu", "typst 1", typst, folder) == b"%PDF = Kit revu"
    cache.cached_pdf("= Kit", "typst 2", typst, folder)
    assert typst.layouts == 3


def test_only_the_latest_kits_are_kept(folder):
    typst = Typst()
    for number in range(cache.KEEP + 3):
        cache.cached_pdf(f"= Kit {number}", "typst 1", typst, folder)
        # Each kit one second older than the next one (the clock may not tick in between).
        os.utime(cache._path(f"= Kit {number}", "typst 1", folder), (1000 + number, 1000 + number))
    kept = sorted(kit.read_bytes() for kit in folder.glob("*.pdf"))
    assert len(kept) == cache.KEEP
    assert b"%PDF = Kit 0" not in kept and f"%PDF = Kit {cache.KEEP + 2}".encode() in kept


def test_a_folder_that_cannot_be_written_only_costs_the_shortcut(tmp_path):
    blocked = tmp_path / "fichier"
    blocked.write_text("pas un dossier")
    typst = Typst()
    assert cache.cached_pdf("= Kit", "typst 1", typst, blocked / "kit") == b"%PDF = Kit"
    assert cache.cached_pdf("= Kit", "typst 1", typst, blocked / "kit") == b"%PDF = Kit"
    assert typst.layouts == 2


def test_a_refused_source_is_not_kept(folder):
    def refuses(source: str) -> bytes:
        raise ValueError("Typst refuse")

    with pytest.raises(ValueError):
        cache.cached_pdf("= Kit", "typst 1", refuses, folder)
    assert not folder.exists() or not list(folder.glob("*.pdf"))
