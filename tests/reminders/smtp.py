"""A real SMTP server on a loopback port for the e-mail tests (aiosmtpd in a thread).

It can be down (nothing listens: connection refused), refusing (answers 451 to each message, as a
relay in trouble does) or accepting. It records what it accepted and when (monotonic clock), and
when each client said QUIT, so a test can place the sender's database writes between them.
"""

import asyncio
import email
import email.policy
import socket
import time

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Handler:
    def __init__(self):
        self.refusing = False
        self.messages: list[email.message.Message] = []
        self.accepted_at: list[float] = []
        self.quit_at: list[float] = []
        self.refused = 0
        self.on_data = None  # a plain function of the recipients, run in a thread before each answer

    async def handle_DATA(self, server, session, envelope):
        if self.on_data is not None:
            await asyncio.get_running_loop().run_in_executor(None, self.on_data, envelope.rcpt_tos)
        if self.refusing:
            self.refused += 1
            return "451 4.3.0 Temporary failure, try again later"
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        self.accepted_at.append(time.monotonic())
        return "250 2.0.0 Accepted"

    async def handle_QUIT(self, server, session, envelope):
        self.quit_at.append(time.monotonic())
        return "221 2.0.0 Bye"


class SmtpServer:
    def __init__(self):
        self.port = free_port()
        self.handler = Handler()
        self._controller: Controller | None = None

    @property
    def up(self) -> bool:
        return self._controller is not None

    def start(self) -> "SmtpServer":
        if self._controller is None:
            self._controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
            self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    @property
    def recipients(self) -> list[str]:
        return sorted(message["To"] for message in self.handler.messages)
