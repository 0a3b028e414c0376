"""`make importer-document`: a Word or LibreOffice file turned into a draft référentiel.

lecture.py checks the file (zip and XML limits shared with the tableur import, a password,
a legacy format) and has pandoc read it in a bounded child process; markdown.py walks
pandoc's document model (its JSON AST) into the Markdown that rubriques accept; sortes.py
sees which sections fit one of Socle's kinds (glossary, instances, charter); brouillon.py
writes the draft, checked by the strict loader first; rapport.py says where each part went
and what a person must review.
"""
