"""makemessages finds a marked string only under the names xgettext knows.

``from django.utils.translation import gettext_lazy as _lazy`` compiles and runs, but
``_lazy("…")`` never reaches the catalogs: the page shows it in English in every language.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ["accounts", "actors", "assets", "cell", "cmcoord", "contacts", "meetings", "web"]
# The names xgettext (Python) and Django's makemessages read as marking a string.
READ = {"_", "gettext", "gettext_lazy", "gettext_noop", "ngettext", "ngettext_lazy", "pgettext"}
READ |= {"pgettext_lazy", "npgettext", "npgettext_lazy"}
ALIAS = re.compile(r"from django\.utils\.translation import ([^\n]+)")


def test_every_translation_function_is_imported_under_a_name_makemessages_reads():
    wrong = []
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            for names in ALIAS.findall(path.read_text()):
                for name in names.strip("()").split(","):
                    parts = name.split(" as ")
                    if len(parts) == 2 and parts[1].strip() not in READ:
                        wrong.append(f"{path.relative_to(ROOT)}: {name.strip()}")
    assert not wrong, wrong
