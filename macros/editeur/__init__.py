"""The form editor at /admin/ (Decap CMS): its configuration drawn from the registry and the
models, and a local backend for `make editer`. No MkDocs here (macros/mkdocs/ copies it)."""
