"""Record text on its way into a calendar or card property, or a header line.

The stored words stay as typed; only what the format cannot carry is changed here: every kind
of line break becomes "\\n" (which the iCalendar and vCard writers escape), and other control
characters, which RFC 5545 and RFC 6350 forbid in a property, are dropped.
"""

import re

_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def property_text(value) -> str:
    return _CONTROLS.sub("", _LINE_BREAKS.sub("\n", str(value)))


def one_line(value) -> str:
    """For a header (an e-mail subject, a file name): words separated by single spaces."""
    return " ".join(property_text(value).split())


_NOT_XML = re.compile("[\ufffe\uffff]")


def xml_text(value) -> str:
    """For an XML document (KML, SVG): what XML 1.0 cannot carry is dropped (control characters,
    lone surrogates, U+FFFE/U+FFFF); line breaks stay, as "\\n"."""
    return _NOT_XML.sub("", property_text(value))
