"""A table of the document as a pipe table of a rubrique.

A rubrique's table has one header row and rows of as many cells as columns: a merged cell's
text is repeated in each cell it covered, a table without a header row takes its first row
for one, an empty cell is « — » (the model's empty cell), and each is said for review.
"""

from __future__ import annotations

from macros.document.markdown import Ecriture, debut_literal, echapper


def tableau(e: Ecriture, c: list) -> list[str]:
    """A pandoc Table as a pipe table: merged cells repeated, a header row always (said for review)."""
    _attr, caption, colspecs, head, bodies, foot = c
    width = len(colspecs)
    rows_in: list[list] = list(head[1])
    for body in bodies:
        rows_in += body[2] + body[3]
    rows_in += foot[1]
    header_rows = len(head[1])
    grid: list[list[str | None]] = []
    merged = False
    plain_cells: list[str] = []
    for r, row in enumerate(rows_in):
        while len(grid) <= r:
            grid.append([None] * width)
        col = 0
        for cell in row[1]:
            _a, _align, rowspan, colspan, blocks = cell
            while col < width and grid[r][col] is not None:
                col += 1
            texte = e._cell_markdown(blocks)
            plain_cells += e.plain_blocks(blocks)
            if rowspan > 1 or colspan > 1:
                merged = True
            for dr in range(rowspan):
                while len(grid) <= r + dr:
                    grid.append([None] * width)
                for dc in range(colspan):
                    if col + dc < width:
                        grid[r + dr][col + dc] = texte
            col += colspan
    e.texte += plain_cells
    rows = [[(cell or "—") for cell in row] for row in grid if any(cell for cell in row)]
    legende = " ".join(e.plain_blocks(caption[1]))
    if merged:
        e.revue.noter(
            e.position,
            "tableau à cellules fusionnées : le texte d'une cellule fusionnée "
            "est répété dans chaque case qu'elle couvrait",
        )
    if not rows:
        return []
    if header_rows == 0:
        e.revue.noter(e.position, "tableau sans ligne d'en-tête : sa première ligne en tient lieu")
    elif header_rows > 1:
        e.revue.noter(e.position, "tableau à plusieurs lignes d'en-tête : seule la première en est une")
    out: list[str] = []
    if len(rows) == 1:  # a header with no row under it: its cells as a paragraph
        out.append(debut_literal(" — ".join(rows[0])))
    else:
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
        lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
        out.append("\n".join(lines))
    if legende:
        e.texte.append(legende)
        out.append(debut_literal("*" + echapper(legende) + "*"))
    return out
