"""How large a document `make importer-document` accepts, checked before pandoc reads it.

A DOCX or an ODT is a zip of XML: a few kilo-octets can declare gigabytes once inflated,
or entities that expand without end. The zip's directory and every XML part are checked
first (macros/data/archive.py); pandoc then runs in a child process whose time and memory
are bounded, so that a file that passed the checks and still runs away is stopped.

A 40-page livret d'accueil with photos is 2 to 10 Mo; its text, 300 Ko of XML.
"""

from __future__ import annotations

TAILLE_FICHIER_MAX = 40 * 1024 * 1024  # the file itself, compressed (photos included)
TAILLE_DECOMPRESSEE_MAX = 120 * 1024 * 1024  # all its parts once uncompressed (declared sizes)
TAILLE_XML_MAX = 30 * 1024 * 1024  # its XML parts once uncompressed: the text pandoc reads
PARTIES_MAX = 2000  # parts of the zip (a Word file has about twenty)
TEMPS_MAX = 60  # seconds of processor for pandoc (a 40-page file: 1 s)
MEMOIRE_PANDOC = "700m"  # pandoc's own heap (its runtime refuses to go past)
MEMOIRE_MAX = 2 * 1024 * 1024 * 1024  # the child's address space, all included
