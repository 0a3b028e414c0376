"""What a person must review after an import, and the document's images as it found them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Image:
    """An image of the document: its name in the file, what describes it, where it was."""

    source: str
    alt: str
    legende: str
    position: str
    nom: str | None = None  # its name in fichiers/, once kept


@dataclass
class Revue:
    """What a person must look at after the import, each with where it is in the document."""

    points: list[tuple[str, str]] = field(default_factory=list)  # (position, ce qu'il faut relire)
    images: list[Image] = field(default_factory=list)

    def noter(self, position: str, message: str) -> None:
        self.points.append((position, message))
