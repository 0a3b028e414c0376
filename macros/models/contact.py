"""Whom to turn to: a contact of a « contacts » block, its telephone (with an extension) and
its address, checked so that its tel: and mailto: links cannot be anything else."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from macros.models.base import ErreurLocalisee, Modele, Texte

# A telephone keeps to what a number is written with, nothing that could leave a tel: link,
# then maybe an internal extension (« 03 21 00 00 00 poste 214 », « p. 214 », « ext. 214 »),
# or is an extension alone (« poste 4444 », dialled from the organisation's own phones).
_NUMERO = r"(?P<numero>\+?[0-9 .()\-]*[0-9][0-9 .()\-]*?)"
_POSTE = r"(?P<poste>(?:poste|p\.|ext\.?|extension)\s*:?\s*[0-9]{1,6})"
_TELEPHONE = re.compile(rf"^(?:{_NUMERO}\s*,?\s*)?{_POSTE}?$", re.IGNORECASE)
# Light on purpose (few addresses are refused for being unusual), but without a character
# that could end the mailto: link or the attribute that holds it, or add ?subject=… to it.
_NOT_IN_ADDRESS = r"\s@<>\"'()\[\]\\,;:?&#%="
_COURRIEL = re.compile(rf"^[^{_NOT_IN_ADDRESS}]+@[^{_NOT_IN_ADDRESS}]+\.[^{_NOT_IN_ADDRESS}.]+$")


def _telephone(value: str) -> str:
    found = _TELEPHONE.match(value.strip())
    numero = found and found.group("numero")
    if not found or not (numero or found.group("poste")) or (numero and sum(map(str.isdigit, numero)) < 2):
        raise ValueError(f"« {value} » n'est pas un numéro de téléphone : écrivez seulement des chiffres, "
                         "des espaces et éventuellement + . ( ) - (par exemple « 03 21 00 00 00 »), "
                         "suivis s'il le faut du poste (« 03 21 00 00 00 poste 214 »), ou le poste "
                         "seul (« poste 4444 »).")
    return value.strip()


def _courriel(value: str) -> str:
    if not _COURRIEL.match(value):
        raise ValueError(f"« {value} » n'est pas une adresse électronique "
                         "(forme attendue : « prenom.nom@exemple.fr »).")
    return value


Telephone = Annotated[str, AfterValidator(_telephone)]
Courriel = Annotated[str, AfterValidator(_courriel)]


class Contact(Modele):
    """Whom to turn to, and how to reach them."""

    role: Texte = Field(description="Pour quoi s'adresser à ce contact (« Votre badge d'accès »).")
    nom: Texte | None = Field(default=None, description="Facultatif : nom de la personne.")
    service: Texte | None = Field(default=None, description="Facultatif : service ou direction.")
    telephone: Telephone | None = Field(
        default=None, description="Facultatif : numéro de téléphone (chiffres, espaces, + . ( ) -), "
        "suivi s'il le faut du poste (« 03 21 00 00 00 poste 214 »), ou le poste seul (« poste 4444 »).")
    courriel: Courriel | None = Field(default=None, description="Facultatif : adresse électronique.")
    adresse: Texte | None = Field(default=None, description="Facultatif : adresse ou bureau.")
    horaires: Texte | None = Field(default=None, description="Facultatif : horaires où le joindre.")
    precision: Texte | None = Field(default=None, description="Facultatif : précision utile.")

    @model_validator(mode="after")
    def _someone_to_reach(self) -> Contact:
        if self.nom is None and self.service is None:
            raise ErreurLocalisee(f"le contact « {self.role} » n'a ni « nom » ni « service » : "
                                  "indiquez au moins l'un des deux.", "role")
        return self

    @property
    def numero(self) -> str | None:
        """The number one dials from outside, as written (None for an extension alone)."""
        return None if self.telephone is None else _TELEPHONE.match(self.telephone).group("numero")

    @property
    def poste(self) -> str | None:
        """The extension as written (« poste 214 »), shown beside the number, never dialled."""
        return None if self.telephone is None else _TELEPHONE.match(self.telephone).group("poste")

    @property
    def lien_telephone(self) -> str | None:
        """`tel:` link of the number: its digits and a leading +; none for an extension alone.

        The link dials the main number only. RFC 3966 `;ext=214` is ignored or refused by
        many phones' dialers, and a pause then the digits (`,214`) works only where the
        switchboard takes an extension from the keypad: the main number always reaches
        someone, and the extension written beside it says whom to ask for.
        """
        if self.numero is None:
            return None
        # « +33 (0)3 21… »: the (0) is dialled only from within the country, never after +33.
        number = self.numero.replace("(0)", "")
        return "tel:" + "".join(char for char in number if char.isdigit() or char == "+")

    @property
    def lien_courriel(self) -> str | None:
        return None if self.courriel is None else "mailto:" + self.courriel
