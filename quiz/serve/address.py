"""Where the server listens, and the address to give the people who will open it.

Listening on every interface (`0.0.0.0`) is how a class reaches the teacher's laptop, but
`0.0.0.0` is no address to type into a browser: the URL names the address this machine
reaches the network by.
"""

from __future__ import annotations

import ipaddress
import socket

ANY_HOSTS = frozenset({"0.0.0.0", "::", ""})


def is_loopback(host: str) -> bool:
    """Whether only this machine can reach `host` (`localhost`, 127.x.x.x, ::1)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def public_host(host: str) -> str:
    """The host to put in the URL: the bound one, or this machine's outward address for
    every interface, read from the route a datagram socket would take (nothing is sent)."""
    if host not in ANY_HOSTS:
        return host
    family, probe = (
        (socket.AF_INET6, "2001:db8::1") if host == "::" else (socket.AF_INET, "192.0.2.1")
    )
    try:
        with socket.socket(family, socket.SOCK_DGRAM) as sock:
            sock.connect((probe, 9))
            return str(sock.getsockname()[0])
    except OSError:  # no route out: the machine's name is the best guess
        return socket.gethostname()


def url_host(host: str) -> str:
    """`host` as a URL writes it: an IPv6 address in brackets."""
    return f"[{host}]" if ":" in host else host
