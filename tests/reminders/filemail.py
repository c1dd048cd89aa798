"""Django's file e-mail backend with its directory from the environment.

Settings read EMAIL_BACKEND from the environment but not EMAIL_FILE_PATH, so the worker tests
point EMAIL_BACKEND here and CMCOORD_TEST_MAIL_DIR at a temporary directory, then count what
the worker process wrote.
"""

import email
import os
from pathlib import Path

from django.core.mail.backends import filebased

SEPARATOR = b"\n" + b"-" * 79 + b"\n"


class EmailBackend(filebased.EmailBackend):
    def __init__(self, *args, file_path=None, **kwargs):
        super().__init__(*args, file_path=file_path or os.environ["CMCOORD_TEST_MAIL_DIR"], **kwargs)


def written_messages(directory: Path) -> list[email.message.Message]:
    messages = []
    for path in sorted(directory.glob("*.log")):
        for chunk in path.read_bytes().split(SEPARATOR):
            if chunk.strip():
                messages.append(email.message_from_bytes(chunk))
    return messages
