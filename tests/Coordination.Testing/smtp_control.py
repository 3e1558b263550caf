"""An aiosmtpd handler for tests: keeps every message in a Maildir like aiosmtpd's Mailbox, and
obeys a control folder. While the file "refuse" exists there, every MAIL FROM is answered
421 (the server is away for a while); addresses listed one a line in the file "reject" are
answered 550 at RCPT TO (a bad address). Started by Coordination.Testing.SmtpServer as
  python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c smtp_control.ControlledMailbox MAILDIR CONTROL
"""
import os

from aiosmtpd.handlers import Mailbox


class ControlledMailbox(Mailbox):
    def __init__(self, mail_dir, control_dir):
        super().__init__(mail_dir)
        self.control_dir = control_dir

    def _path(self, name):
        return os.path.join(self.control_dir, name)

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if os.path.exists(self._path("refuse")):
            return "421 4.3.2 Service not available, try again later"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        try:
            with open(self._path("reject"), encoding="utf-8") as rejected:
                if address.lower() in (line.strip().lower() for line in rejected):
                    return "550 5.1.1 <%s>: Recipient address rejected: no such user" % address
        except FileNotFoundError:
            pass
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 2:
            parser.error("ControlledMailbox takes the maildir and the control folder")
        return cls(args[0], args[1])
