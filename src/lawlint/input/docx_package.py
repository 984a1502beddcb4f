"""The few parts of a ``.docx`` lawlint reads, read so that a hostile file cannot hurt.

A .docx is a ZIP package (OPC): ``[Content_Types].xml``, relationship files and parts.
lawlint needs only the main document part, its styles and its numbering. python-docx,
asked to open a package, inflates *every* part it can reach (images, fonts, embedded
files) and parses every XML part; a part that inflates to gigabytes, or an XML entity
bomb in a header, would cost that memory and time before a line is checked. So the
package is opened here instead, with these guarantees:

- only the parts named above (and the relationships and content types that locate
  them) are ever inflated; media, fonts and everything else are never read;
- a part's declared size is checked against :data:`MAX_PART_BYTES` before it is
  inflated, and it is inflated with a cap (a size that lies is caught too);
- XML is parsed by lxml with entities not resolved, no DTD loaded, no network, and
  libxml2's default limits (depth, text node size) kept; a part with a document type
  declaration (``<!DOCTYPE``, where entities are declared) is refused before it is
  parsed — Open Packaging Conventions forbid DTDs in a package, Word never writes one,
  so only a crafted file has one (XXE, "billion laughs");
- the tags in a part (:data:`MAX_MARKUP`) and the body's paragraphs
  (:data:`MAX_PARAGRAPHS`) are counted on the bytes before parsing, so an XML tree is
  never built past those limits, and memory stays bounded (a few hundred MB at most).

Nothing outside the ZIP is ever opened: relationship targets are only looked up as
members of the archive, and external targets are ignored. Every failure is an
:class:`~lawlint.errors.InputError` naming the file (exit code 2).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from lawlint.errors import InputError

if TYPE_CHECKING:
    from lxml.etree import _Element

# Limits. A real report's document.xml is a few hundred KB to a few MB (a 300-page
# document with Word's markup about 10 MB); these are far above any report and far
# below what would exhaust memory (lxml keeps about 100-200 bytes per element).
MAX_PART_BYTES = 64 * 1024 * 1024  # one part, inflated
MAX_MARKUP = 3_000_000  # "<" in one part: start and end tags, so at most 3M elements
MAX_PARAGRAPHS = 200_000  # paragraphs in the body (table cells' included)
MAX_TEXT_CHARS = 20 * 1024 * 1024  # the body's text: as much as the largest text file

# An element named p in any namespace prefix: an upper bound of the body's paragraphs
# (text boxes' and drawings' paragraphs are counted too).
_PARAGRAPH = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?p[\s/>]")

_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_OFFICE_DOCUMENT = _RT + "officeDocument"
RT_STYLES = _RT + "styles"
RT_NUMBERING = _RT + "numbering"
RT_COMMENTS = _RT + "comments"
CT_DOCUMENT_MAIN = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
)
# A document type declaration, in the encodings an XML part may use.
_DOCTYPE = tuple(
    "<!DOCTYPE".encode(enc) for enc in ("ascii", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
)


@dataclass
class Parts:
    """The XML roots lawlint reads; ``styles`` and ``numbering`` may be absent."""

    document: _Element
    styles: _Element | None
    numbering: _Element | None
    comments: _Element | None = None  # Word comments (批注): lawlint directives in them


def corrupt(path: str, detail: str) -> InputError:
    if len(detail) > 120:
        detail = detail[:117] + "..."
    return InputError(
        f"文件已损坏，无法作为 Word 文档打开（{detail}）",
        f"is damaged: cannot be opened as a Word document ({detail})",
        path=path,
    )


def open_parts(data: bytes, path: str) -> Parts:
    """The document, styles and numbering of the .docx in ``data``; InputError if the
    package is damaged, not a Word document, or over a limit."""
    import io

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception as exc:  # BadZipFile, and whatever a mangled directory raises
        raise corrupt(path, f"{type(exc).__name__}: {exc}") from None
    with archive:
        package = _Package(archive, path)
        types = package.xml("[Content_Types].xml")
        main = package.related("/", RT_OFFICE_DOCUMENT)
        if main is None:
            raise corrupt(path, "no main document part (officeDocument relationship)")
        content_type = _content_type(types, main)
        if content_type is None:
            raise corrupt(path, f"no content type for part {main}")
        if content_type != CT_DOCUMENT_MAIN:
            raise InputError(
                "不是 Word 文档（可能是 Excel、PowerPoint 或其他 ZIP 文件），无法检查",
                "is not a Word document (an Excel, PowerPoint or other ZIP file)",
                path=path,
            )
        document = package.xml(main[1:], count_paragraphs=True)
        styles = package.related(main, RT_STYLES)
        numbering = package.related(main, RT_NUMBERING)
        comments = package.related(main, RT_COMMENTS)
        return Parts(
            document,
            package.xml(styles[1:]) if styles else None,
            package.xml(numbering[1:]) if numbering else None,
            package.xml(comments[1:]) if comments else None,
        )


class _Package:
    """Members of one ZIP archive, each inflated and parsed under the limits."""

    def __init__(self, archive: zipfile.ZipFile, path: str) -> None:
        self.archive = archive
        self.path = path
        self._rels: dict[str, _Element | None] = {}  # each relationship part read once

    def related(self, source: str, reltype: str) -> str | None:
        """The part name (``/word/styles.xml``) of ``source``'s first internal
        relationship of type ``reltype``, or None. ``source`` is a part name, or
        ``/`` for the package."""
        folder, name = posixpath.split(source)
        rels = posixpath.join(folder, "_rels", f"{name}.rels").lstrip("/")
        if rels not in self._rels:
            known = rels in self.archive.NameToInfo
            self._rels[rels] = self.xml(rels) if known else None
        root = self._rels[rels]
        if root is None:
            return None
        for rel in root.iterchildren(f"{{{_PKG_RELS}}}Relationship"):
            if rel.get("Type") != reltype or rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target") or ""
            # resolved inside the package's own name space: never a file on disk
            return posixpath.normpath(posixpath.join(folder, target))
        return None

    def xml(self, member: str, *, count_paragraphs: bool = False) -> _Element:
        return self._parse(member, self._inflate(member), count_paragraphs)

    def _inflate(self, member: str) -> bytes:
        try:
            info = self.archive.getinfo(member)
        except KeyError:
            raise corrupt(self.path, f"part {member} is missing") from None
        if info.file_size > MAX_PART_BYTES:
            raise self._too_large(member)
        try:
            with self.archive.open(info) as stream:
                blob = stream.read(MAX_PART_BYTES + 1)  # never more, whatever it declares
        except Exception as exc:  # zlib, CRC, encryption, truncation: a damaged package
            raise corrupt(self.path, f"{member}: {type(exc).__name__}: {exc}") from None
        if len(blob) > MAX_PART_BYTES:
            raise self._too_large(member)
        return blob

    def _too_large(self, member: str) -> InputError:
        mib = MAX_PART_BYTES // (1024 * 1024)
        return InputError(
            f"部件 {member} 解压后超过 {mib} MB 上限（可能是“压缩炸弹”），不予读取",
            f"part {member} inflates to more than the {mib} MB limit (a zip bomb?): not read",
            path=self.path,
        )

    def _parse(self, member: str, blob: bytes, count_paragraphs: bool) -> _Element:
        from lxml import etree

        if any(mark in blob for mark in _DOCTYPE):
            raise self._dtd(member)
        # Counted on the bytes before parsing, so the tree is never built: every element
        # begins with a "<" (text holds "&lt;"), and a paragraph with "<p" or "<x:p".
        if blob.count(b"<") > MAX_MARKUP:
            raise self._too_many(member, "XML 标记", "XML tags", MAX_MARKUP)
        if count_paragraphs:
            paragraphs = _count(_PARAGRAPH.finditer(blob), MAX_PARAGRAPHS + 1)
            if paragraphs > MAX_PARAGRAPHS:
                raise too_many_paragraphs(self.path)
        parser = etree.XMLParser(
            remove_blank_text=True,  # as python-docx parses: the same trees as before
            resolve_entities=False,
            load_dtd=False,
            no_network=True,
            huge_tree=False,  # libxml2's limits kept: depth 256, 10 MB text nodes
        )
        try:
            root = etree.fromstring(blob, parser)
        except etree.XMLSyntaxError as exc:
            if "depth" in str(exc).lower():
                raise InputError(
                    f"部件 {member} 的 XML 嵌套过深（如表格层层嵌套），无法读取",
                    f"part {member} is nested too deeply (tables within tables?): not read",
                    path=self.path,
                ) from None
            if "limit exceeded" in str(exc).lower():  # libxml2's own: text node, buffer
                detail = str(exc).split(",")[0][:80]
                raise InputError(
                    f"部件 {member} 超出 XML 解析的安全上限（{detail}），不予读取",
                    f"part {member} exceeds a safety limit of the XML parser ({detail}): not read",
                    path=self.path,
                ) from None
            raise corrupt(self.path, f"{member}: XMLSyntaxError: {exc}") from None
        if root.getroottree().docinfo.doctype:  # an encoding the scan above missed
            raise self._dtd(member)
        return root

    def _dtd(self, member: str) -> InputError:
        return InputError(
            f"部件 {member} 含有 DTD 声明（<!DOCTYPE>，可声明外部实体或实体炸弹），"
            "Word 从不写入，出于安全不予读取",
            f"part {member} has a document type declaration (<!DOCTYPE>, which can declare "
            "external entities or an entity bomb); Word never writes one: refused for safety",
            path=self.path,
        )

    def _too_many(self, member: str, zh: str, en: str, limit: int) -> InputError:
        return InputError(
            f"部件 {member} 的{zh}超过 {limit:,} 个上限，不予读取",
            f"part {member} has more than {limit:,} {en}, over the limit: not read",
            path=self.path,
        )


def too_much_text(path: str) -> InputError:
    mchars = MAX_TEXT_CHARS // (1024 * 1024)
    return InputError(
        f"正文超过 {mchars}M 个字符上限，不予读取",
        f"has more than {mchars}M characters of text, over the limit: not read",
        path=path,
    )


def too_many_paragraphs(path: str) -> InputError:
    return InputError(
        f"段落超过 {MAX_PARAGRAPHS:,} 个上限，不予读取",
        f"has more than {MAX_PARAGRAPHS:,} paragraphs, over the limit: not read",
        path=path,
    )


def _count(matches: Iterator[object], limit: int) -> int:
    """How many of ``matches`` there are, counting no further than ``limit``."""
    return sum(1 for _ in islice(matches, limit))


def default_styles() -> _Element | None:
    """The styles python-docx gives a document without a styles part (its template,
    installed with it), so such a document reads as it did through python-docx."""
    from importlib.util import find_spec

    from lxml import etree

    spec = find_spec("docx")  # locates the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        template = Path(folder) / "templates" / "default-styles.xml"
        if template.is_file():
            parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
            return etree.fromstring(template.read_bytes(), parser)
    return None


def _content_type(types: _Element, part: str) -> str | None:
    """The content type ``[Content_Types].xml`` gives a part name (case-insensitive,
    an override before the extension's default)."""
    lower = part.lower()
    for override in types.iterchildren(f"{{{_CT}}}Override"):
        if (override.get("PartName") or "").lower() == lower:
            return override.get("ContentType")
    ext = posixpath.splitext(lower)[1].lstrip(".")
    for default in types.iterchildren(f"{{{_CT}}}Default"):
        if (default.get("Extension") or "").lower() == ext:
            return default.get("ContentType")
    return None
