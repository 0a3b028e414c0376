"""The checks across fields of a file that has field errors: every error at once.

Pydantic runs a model's own validator (an action's unknown statut, an objectif tied to an
unknown axe, two items with one id) only when all of its fields are valid: an editor fixing
a file's field errors would then see its other errors in a second round. So, when a file
has field errors, the items that hold them are set aside — the deepest list item around
each error — and what is left is validated again, until the validators have run or
nothing more can be set aside. What they then find is said with the field errors, at the
item's line in the file.

A check that reads a list from which an item was set aside may be wrong about it (an
objectif tied to an axe that was set aside is not tied to an unknown axe): such a check
names the lists it reads (`ErreurLocalisee.selon`), and its finding is not said while one
of them is incomplete.
"""

from __future__ import annotations

from pydantic import BaseModel, ValidationError

from macros.data.errors import DataError, each_problem, locate, model_at

# Rounds of setting aside: one per level of validators nested in one another, with margin.
_ROUNDS = 8


class _Liste(list):
    """A list of the copy, with each item's index in the file (items are set aside)."""

    origine: list[int]


def _copy(node: object) -> object:
    if isinstance(node, dict):
        return {key: _copy(value) for key, value in node.items()}
    if isinstance(node, list):
        copied = _Liste(_copy(value) for value in node)
        copied.origine = list(range(len(node)))
        return copied
    return node


def _walk(copy: object, loc: tuple) -> tuple[tuple | None, tuple]:
    """The deepest list item on `loc` (its list and index in the copy, its path in the
    file), and `loc` said with the file's indexes."""
    node, path, item = copy, [], None
    for rank, part in enumerate(loc):
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            node = node[part]
            path.append(part)
        elif isinstance(node, dict) and part == node.get("type"):
            continue  # pydantic names the member of a union by its tag
        elif isinstance(node, _Liste) and isinstance(part, int) and 0 <= part < len(node):
            path.append(node.origine[part])
            item = (node, part, tuple(path))
            node = node[part]
        else:
            return item, tuple(path) + tuple(loc[rank:])
    return item, tuple(path)


def _touches(a: tuple, b: tuple) -> bool:
    """One path is within the other."""
    size = min(len(a), len(b))
    return a[:size] == b[:size]


def _node(copy: object, loc: tuple) -> object:
    """What the copy holds at `loc` (union tags skipped), or None."""
    node = copy
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            node = node[part]
        elif isinstance(node, dict) and part == node.get("type"):
            continue
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            return None
    return node


# Put in the copy for a required text of the file's top level that is missing or wrong (its
# title): no list item holds it, and the checks do not read it.
_PLACEHOLDER = "…"


def _key_aside(copy: object, loc: tuple, kind: str, model: type[BaseModel], in_item: bool) -> bool:
    """An unknown key, or an optional field in error, is taken out alone: its item stays,
    and the checks still see it (two actions with one id are said even when one of them
    has a wrong « avancement »)."""
    if not loc or not isinstance(loc[-1], str):
        return False
    owner = model_at(model, loc)
    field = owner.model_fields.get(loc[-1]) if owner is not None else None
    holder = _node(copy, loc[:-1])
    if not isinstance(holder, dict):
        return False
    if (kind == "extra_forbidden" or (field is not None and not field.is_required())) and loc[-1] in holder:
        del holder[loc[-1]]
        return True
    if not in_item and field is not None and field.annotation is str and holder.get(loc[-1]) != _PLACEHOLDER:
        holder[loc[-1]] = _PLACEHOLDER
        return True
    return False


def _set_aside(copy: object, errors: list[tuple[tuple, str]], model: type[BaseModel]) -> list[tuple]:
    """Take out of the copy what holds the errors (`(loc, kind)`): the key alone when it may be
    left out, else the item around it; the paths in the file of what was taken out (none
    when nothing could be)."""
    items: dict[tuple[int, int], tuple] = {}
    keys: list[tuple] = []
    for loc, kind in errors:
        item, in_file = _walk(copy, loc)
        if _key_aside(copy, loc, kind, model, item is not None):
            keys.append(in_file)
        elif item is not None:
            items[(id(item[0]), item[1])] = item
    # From the last item up, so that taking one out leaves the others' indexes as they were.
    for liste, index, _ in sorted(items.values(), key=lambda item: -item[1]):
        del liste[index]
        del liste.origine[index]
    return [path for _, _, path in items.values()] + keys


def _is_check(detail: dict) -> bool:
    """A finding of a model's own validator (not a field's type or form)."""
    cause = (detail.get("ctx") or {}).get("error")
    return hasattr(cause, "chemin") or hasattr(cause, "erreurs")


def _findings(detail: dict, model: type[BaseModel], copy: object, aside: list[tuple]):
    """Each finding of a validator in a round, with its path in the file; those that read a
    list missing an item are left out."""
    cause = (detail.get("ctx") or {}).get("error")
    checks = getattr(cause, "erreurs", None) or [cause]
    base = tuple(detail["loc"])
    found = []
    for (loc, message), check in zip(each_problem(detail, model), checks, strict=True):
        _, in_file = _walk(copy, loc)
        _, base_in_file = _walk(copy, base)
        relies_on = [base_in_file + tuple(part) for part in getattr(check, "selon", ())]
        if any(_touches(read, path) for read in relies_on for path in aside):
            continue
        found.append((in_file, message))
    return found


def checks_of_the_rest(model: type[BaseModel], raw: object, source: str,
                       first: ValidationError, known: list[DataError]) -> list[DataError]:
    """What the model's validators find once the items with errors are set aside, beyond
    the `known` errors of the first validation."""
    copy = _copy(raw)
    aside: list[tuple] = []
    said = {(error.line, error.column, error.message) for error in known}
    found: list[DataError] = []
    error = first
    for round_ in range(_ROUNDS):
        to_set_aside = []
        for detail in error.errors(include_url=False):
            if round_ and _is_check(detail):
                for in_file, message in _findings(detail, model, copy, aside):
                    line, column = locate(raw, in_file)
                    if (line, column, message) not in said:
                        said.add((line, column, message))
                        found.append(DataError(source, line, column, message))
            if not (_is_check(detail) and not detail["loc"]):
                to_set_aside.append((tuple(detail["loc"]), detail["type"]))
            # else the file's own validator has run: nothing to set aside for it
        paths = _set_aside(copy, to_set_aside, model)
        if not paths:
            break
        aside += paths
        try:
            model.model_validate(copy)
        except ValidationError as again:
            error = again
        else:
            break
    return found
