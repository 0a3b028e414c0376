"""References from one data file to another: each must name something that exists.

A model validates its own file; what an action of the plan says about the governance
(« instances: [codir] ») can only be checked once both files are read. Each problem is
reported at the line of the reference, with what the other file offers.
"""

from __future__ import annotations

from pydantic import BaseModel

from macros.data.errors import DataError, locate


def check_references(sections: dict[str, BaseModel], raws: dict[str, object],
                     sources: dict[str, str], unreadable: set[str] = frozenset()) -> list[DataError]:
    """Every reference of the plan's actions to an instance of the governance.

    `unreadable`: the sections whose file has errors of its own; references into them are
    checked once they are fixed.
    """
    plan = sections.get("plan")
    if plan is None or "gouvernance" in unreadable:
        return []
    gouvernance = sections.get("gouvernance")
    known = {instance.id for instance in gouvernance.instances} if gouvernance else set()
    errors = []
    for chemin, action in plan.actions_et_chemins():
        for rang, ident in enumerate(action.instances):
            if ident in known:
                continue
            line, column = locate(raws["plan"], (*chemin, "instances", rang))
            possible = (f"instances de gouvernance.yml : {', '.join(sorted(known))}" if known
                        else "ce référentiel n'a pas de gouvernance.yml qui décrive des instances")
            errors.append(DataError(sources["plan"], line, column,
                                    f"l'action « {action.id} » est suivie par l'instance « {ident} », "
                                    f"qui n'existe pas ({possible})."))
    return errors
