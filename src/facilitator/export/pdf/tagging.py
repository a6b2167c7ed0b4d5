"""The tagged PDF's structure tree and the outline (a bookmark per section).

reportlab writes neither tags nor a structure tree, so the report adds them itself, as the
PDF reference (1.7, 14.7-14.8) lays them out. While pages are drawn, each piece of
content goes in a marked-content sequence (``/P <</MCID 3>> BDC … EMC``) recorded against
a structure element (Document > H1, H2, H3, P, L > LI, BlockQuote, Table > TR > TH/TD,
Figure with its /Alt text); page headers, page numbers, rules and tinted bands are marked
as artifacts. When the file is saved, :meth:`Tags.write` adds the StructTreeRoot, the
elements, and the ParentTree that maps each page's MCIDs back to their elements.

Who marks what: :class:`TaggedFrame` wraps each flowable it draws (a paragraph by its
style: title H1, h2 H2, h3 H3, else P; a drawing as a Figure); flowables that tag their
own parts (the text blocks of entries, tables) say so with ``self_tagging``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from reportlab.graphics.shapes import Drawing
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName, PDFObject, PDFPage
from reportlab.platypus import Frame, Paragraph, Spacer

LANG = "en-GB"  # the report's own words; typed entries keep whatever language they are in
HEADING_STYLES = {"title": "H1", "h2": "H2", "h3": "H3"}
_PAGE_KEYS = [*PDFPage.__NoDefault__, "StructParents", "Tabs"]
ROOT = 0  # in the names of elements' objects: the StructTreeRoot (no object's id is 0)


class Elem:
    """A structure element: its role, parent, and kids (elements, or (page, MCID) pairs)."""

    __slots__ = ("alt", "kids", "parent", "tag")

    def __init__(self, tag: str, parent: Elem | None, alt: str = "") -> None:
        self.tag = tag
        self.parent = parent
        self.alt = alt
        self.kids: list[Elem | tuple[int, int]] = []


class Tags:
    """The structure tree and bookmarks of one document, gathered while it is drawn."""

    def __init__(self) -> None:
        self.root = Elem("Document", None)
        self.mcids: dict[int, list[Elem]] = {}  # page number -> the element of each MCID
        self.bookmarks: dict[int, list[tuple[str, float]]] = {}  # page -> (key, top)
        self.by_key: dict[int, Elem] = {}  # elements that go on over a page break
        self.sections: list[tuple[str, str, int]] = []  # (title, bookmark key, page)
        self.contents: tuple[int, int] | None = None  # its page, its place in root's kids
        self._list: tuple[object, Elem] | None = None  # (its group, the L) list items join

    # -- while drawing -------------------------------------------------------------------

    def element(self, tag: str, parent: Elem | None = None, alt: str = "") -> Elem:
        elem = Elem(tag, parent or self.root, alt)
        elem.parent.kids.append(elem)  # type: ignore[union-attr]
        if parent is None:
            self._list = None
        return elem

    def list_item(self, group: object) -> Elem:
        """A new LI in the list of ``group`` (a list goes on while its items follow)."""
        if self._list is None or self._list[0] is not group:
            self._list = (group, self.element("L"))
        return self.element("LI", self._list[1])

    def begin(self, canvas: Any, elem: Elem, code: list[str] | None = None) -> None:
        """Opens a marked-content sequence for ``elem`` on the current page."""
        page = canvas.getPageNumber()
        ids = self.mcids.setdefault(page, [])
        elem.kids.append((page, len(ids)))
        (canvas._code if code is None else code).append(f"/{elem.tag} <</MCID {len(ids)}>> BDC")
        ids.append(elem)

    @staticmethod
    def artifact(canvas: Any, code: list[str] | None = None) -> None:
        (canvas._code if code is None else code).append("/Artifact BMC")

    @staticmethod
    def end(canvas: Any, code: list[str] | None = None) -> None:
        (canvas._code if code is None else code).append("EMC")

    def bookmark(self, canvas: Any, title: str, top: float) -> None:
        """A bookmark to ``top`` of this page, in the outline at the top level. Made when
        the page is written (:meth:`place_bookmarks`): pages are only numbered then."""
        key = f"section{sum(map(len, self.bookmarks.values())) + 1}"
        self.bookmarks.setdefault(canvas.getPageNumber(), []).append((key, top))
        self.sections.append((title, key, canvas.getPageNumber()))
        canvas.addOutlineEntry(title, key, level=0)

    # -- when the document is written ----------------------------------------------------

    def place_bookmarks(self, canvas: Any) -> None:
        for key, top in self.bookmarks.get(canvas.getPageNumber(), ()):
            canvas.bookmarkHorizontalAbsolute(key, top)

    def mark_page(self, canvas: Any) -> None:
        """The page just written says where its MCIDs' elements are in the ParentTree."""
        page = canvas._doc.Pages.pages[-1]
        page.__NoDefault__ = _PAGE_KEYS
        page.StructParents = len(canvas._doc.Pages.pages) - 1
        page.Tabs = PDFName("S")

    def write(self, canvas: Any) -> None:
        """Adds the tree to the document: one object per element, formatted straight to
        bytes (a 50,000-entry report has over 50,000 elements: reportlab's own dictionary
        objects took seconds)."""
        doc = canvas._doc
        elems = list(_walk(self.root))
        names: dict[int, str] = {}
        for e in elems:
            names[id(e)] = doc.Reference(_Elem(e, names)).name
        pages = len(doc.Pages.pages)
        parents = [[names[id(e)] for e in self.mcids.get(n, [])] for n in range(1, pages + 1)]
        parent_tree = doc.Reference(_Raw(_numbers(parents))).name
        tree = _Raw(
            lambda number: (
                f"<< /Type /StructTreeRoot /K {number(names[id(self.root)])} "
                f"/ParentTree {number(parent_tree)} /ParentTreeNextKey {pages} >>"
            )
        )
        root = doc.Reference(tree)
        names[ROOT] = root.name
        doc.Catalog.StructTreeRoot = root
        doc.Catalog.MarkInfo = PDFDictionary({"Marked": "true"})


class _Raw(PDFObject):  # type: ignore[misc]
    """A PDF object whose text is made when the file is written, when every object has
    its number: ``text(number)`` gets "12 0 R" for an object's name."""

    def __init__(self, text: Callable[[Callable[[str], str]], str]) -> None:
        self.text = text

    def format(self, document: Any) -> bytes:
        numbers = document.idToObjectNumberAndVersion

        def number(name: str) -> str:
            return "%s %s R" % numbers[name]  # noqa: UP031 (reportlab's own form)

        return self.text(number).encode("latin-1")


class _Elem(PDFObject):  # type: ignore[misc]
    """One structure element: its role, parent, page and kids (MCIDs or elements)."""

    __slots__ = ("elem", "names")

    def __init__(self, elem: Elem, names: dict[int, str]) -> None:
        self.elem = elem
        self.names = names

    def format(self, document: Any) -> bytes:
        numbers = document.idToObjectNumberAndVersion
        elem, names = self.elem, self.names
        page = 0
        kids = []
        for kid in elem.kids:
            if isinstance(kid, Elem):
                kids.append("%s %s R" % numbers[names[id(kid)]])  # noqa: UP031
            elif not page or kid[0] == page:
                page = kid[0]
                kids.append(str(kid[1]))
            else:  # content on a later page: a marked-content reference
                pg = "%s %s R" % numbers[f"Page{kid[0]}"]  # noqa: UP031
                kids.append(f"<< /Type /MCR /Pg {pg} /MCID {kid[1]} >>")
        parent = names[id(elem.parent) if elem.parent is not None else ROOT]
        out = "<< /S /%s /P %s %s R" % (elem.tag, *numbers[parent])  # noqa: UP031
        if page:
            out += " /Pg %s %s R" % numbers[f"Page{page}"]  # noqa: UP031
        if elem.alt:
            out += f" /Alt <feff{elem.alt.encode('utf-16-be').hex()}>"
        if elem.tag == "TH":  # the agenda's header cells head their columns
            out += " /A << /O /Table /Scope /Column >>"
        out += f" /K {kids[0]} >>" if len(kids) == 1 else f" /K [{' '.join(kids)}] >>"
        return out.encode("latin-1")


def _numbers(parents: list[list[str]]) -> Callable[[Callable[[str], str]], str]:
    """The ParentTree: for each page, the element of each of its MCIDs."""

    def text(number: Callable[[str], str]) -> str:
        nums = " ".join(
            f"{n} [{' '.join(number(name) for name in names)}]" for n, names in enumerate(parents)
        )
        return f"<< /Nums [{nums}] >>"

    return text


def _walk(elem: Elem) -> Iterator[Elem]:
    yield elem
    for kid in elem.kids:
        if isinstance(kid, Elem):
            yield from _walk(kid)


def tags_of(canvas: Any) -> Tags | None:
    """The canvas's structure tree, if it keeps one (the report's does)."""
    return getattr(canvas, "tags", None)


class TaggedFrame(Frame):  # type: ignore[misc]
    """A frame that puts what each flowable draws in the structure tree: the operators a
    flowable added to the page are enclosed in its marked content once it is drawn."""

    def add(self, flowable: Any, canv: Any, trySplit: int = 0) -> Any:
        tags = tags_of(canv)
        if tags is None or getattr(flowable, "self_tagging", False) or isinstance(flowable, Spacer):
            return super().add(flowable, canv, trySplit)
        code = canv._code
        start, top = len(code), self._y
        done = super().add(flowable, canv, trySplit)
        if not done or len(code) == start:
            return done
        title = getattr(flowable, "outline_title", None)
        if title:
            tags.bookmark(canv, title, top)
        role, alt = _role(flowable)
        drawn = code[start:]
        del code[start:]
        if role == "Artifact":
            tags.artifact(canv)
        else:
            tags.begin(canv, tags.element(role, alt=alt))
        code += drawn
        tags.end(canv)
        return done


def _role(flowable: Any) -> tuple[str, str]:
    if isinstance(flowable, Paragraph):
        return HEADING_STYLES.get(flowable.style.name, "P"), ""
    if isinstance(flowable, Drawing):
        return "Figure", getattr(flowable, "alt", "")
    return getattr(flowable, "tag_role", "Artifact"), ""


def table_tags(header_rows: int) -> Callable[..., None]:
    """A reportlab Table ``renderCB`` that tags a data table: Table > TR > TH or TD, its
    lines and backgrounds artifacts. With no header rows, a layout grid: each filled cell
    a P."""
    state: dict[str, Any] = {}

    def callback(table: Any, event: str, *args: Any) -> None:
        canvas = table.canv
        tags = tags_of(canvas)
        if tags is None:
            return
        if event == "startTable":
            state["table"] = tags.element("Table") if header_rows else None
        elif event in ("startBG", "startLines"):
            tags.artifact(canvas)
        elif event in ("endBG", "endLines"):
            tags.end(canvas)
        elif event == "startRow" and state["table"] is not None:
            state["row"] = tags.element("TR", state["table"])
        elif event == "startCell":
            row, value = args[0], args[2]
            state["cell"] = bool(value)
            if value:
                if state["table"] is None:
                    elem = tags.element("P")
                else:
                    elem = tags.element("TH" if row < header_rows else "TD", state["row"])
                tags.begin(canvas, elem)
        elif event == "endCell" and state.get("cell"):
            tags.end(canvas)

    return callback
