"""Socle's engine: a référentiel's YAML data → validated models → site and kit.

Packages, in the order data flows (ARCHITECTURE.md has the picture):

- `registry`: one row per kind of content (file, model, page, fragments, kit, steps).
- `data/`: strict YAML, located French errors, loading; `models/`: frozen pydantic models.
- `history/`: git — last updates, « Quoi de neuf », what changed.
- `site/`: HTML/Markdown fragments, figures, page macros; `kit/`: the PDF (Typst).
- `mkdocs/`: the only code that imports MkDocs or Material (plugin, search, macros' glue).
- `cli/`: `make check`, `make schema`, the index of référentiels, new référentiels.

This package is also the design card's mkdocs-macros module (`modules: [macros]` in
mkdocs.yml): `define_env` gives pages Socle's macros, under mkdocs-macros or Zensical's macros
extension alike. Importing it imports nothing: the core can be used without MkDocs.
"""


def define_env(env) -> None:
    """Register Socle's page macros (`{{ plan() }}`, `{{ instances() }}`…) with `env`.

    Called by mkdocs-macros at each build, after Socle's plugin has read the data, and by
    Zensical's macros extension; each finds its glue lazily, so that neither loads the other.
    """
    plugins = getattr(getattr(env, "conf", None), "plugins", None)
    if plugins is not None and "socle" in plugins:
        from macros.mkdocs.macros_env import define_env as with_socle_plugin

        with_socle_plugin(env, plugins["socle"])
    else:
        from macros.site.macros_env import define_env as without_plugin

        without_plugin(env)


def on_pre_page_macros(env) -> None:
    """mkdocs-macros, before each page: a title from the data is held aside, never a template."""
    from macros.mkdocs.macros_env import hold_title

    hold_title(env)


def on_post_page_macros(env) -> None:
    """mkdocs-macros, after each page: the title held aside is the page's again."""
    from macros.mkdocs.macros_env import give_title_back

    give_title_back(env)
