"""The request as a Word document, for the lawyer or volunteer who adds to it: the same blocks
as the page (appeal/document.py), one document after the other on a new page."""

from __future__ import annotations

import io

from docx import Document as new_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Pt

from appeal.document import (
    EXHIBIT,
    HEADING,
    ITEM,
    SIGNATURE,
    SUBTITLE,
    TITLE,
    Document,
)

FONT_SIZE = Pt(11)


def as_docx(documents: tuple[Document, ...]) -> bytes:
    word = new_docx()
    word.styles["Normal"].font.size = FONT_SIZE
    word.core_properties.language = "fr-FR"
    for index, found in enumerate(documents):
        if index:
            word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        for block in found.blocks:
            add_block(word, block.kind, block.text)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def add_block(word, kind: str, text: str) -> None:
    if kind == TITLE:
        paragraph = word.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(text).bold = True
    elif kind == SUBTITLE:
        paragraph = word.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(text).italic = True
    elif kind == HEADING:
        paragraph = word.add_paragraph()
        paragraph.add_run(text).bold = True
    elif kind == ITEM:
        word.add_paragraph(text, style="List Bullet")
    elif kind == EXHIBIT:
        word.add_paragraph(text)
    elif kind == SIGNATURE:
        paragraph = word.add_paragraph(text)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    else:
        word.add_paragraph(text)
