"""`make importer-document`: a Word or LibreOffice file turned into a draft référentiel.

lecture.py checks the file (zip and XML limits shared with the tableur import, a password,
a legacy format) and has pandoc read it in a bounded child process; markdown.py (with
tableaux.py, couverture.py, agencement.py) walks pandoc's document model (its JSON AST) into
the Markdown that rubriques accept; sortes.py, sorte_charte.py and sorte_plan.py see which
sections fit one of Socle's kinds (glossary, instances, charter, plan); brouillon.py composes
the draft, ecriture.py writes it once the strict loader accepts it; rapport.py says where each
part went and what a person must review.
"""
