"""A minimal FastCGI client (FCGI_RESPONDER over a unix socket), enough to
drive one program directly, without nginx, e.g. under valgrind."""
import socket
import struct

FCGI_BEGIN_REQUEST, FCGI_END_REQUEST, FCGI_PARAMS, FCGI_STDIN, FCGI_STDOUT = 1, 3, 4, 5, 6


def _record(rtype, content, req_id=1):
    out = b""
    for i in range(0, max(len(content), 1), 65535):
        chunk = content[i:i + 65535]
        pad = (8 - len(chunk) % 8) % 8
        out += struct.pack("!BBHHBB", 1, rtype, req_id, len(chunk), pad, 0) + chunk + b"\0" * pad
        if not content:
            break
    return out


def _pair(name, value):
    def length(n):
        return struct.pack("!B", n) if n < 128 else struct.pack("!I", n | 0x80000000)
    return length(len(name)) + length(len(value)) + name + value


def read_all(s):
    """Everything the peer sends until it closes the connection."""
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            return data
        data += chunk


def request(sock_path, params, body=b"", timeout=30):
    """Send one request; return (status, headers dict, body bytes)."""
    params = dict(params)
    params.setdefault("CONTENT_LENGTH", str(len(body)))
    enc = b"".join(_pair(k.encode(), v.encode()) for k, v in params.items())
    msg = _record(FCGI_BEGIN_REQUEST, struct.pack("!HB5x", 1, 0))
    msg += _record(FCGI_PARAMS, enc) + _record(FCGI_PARAMS, b"")
    if body:
        msg += _record(FCGI_STDIN, body)
    msg += _record(FCGI_STDIN, b"")
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(timeout)
    s.connect(sock_path)
    s.sendall(msg)
    data = read_all(s)
    s.close()
    out, pos = b"", 0
    while pos + 8 <= len(data):
        _, rtype, _, clen, plen, _ = struct.unpack("!BBHHBB", data[pos:pos + 8])
        if rtype == FCGI_STDOUT:
            out += data[pos + 8:pos + 8 + clen]
        pos += 8 + clen + plen
    head, _, payload = out.partition(b"\r\n\r\n")
    headers = {}
    for line in head.decode().split("\r\n"):
        k, _, v = line.partition(": ")
        headers.setdefault(k.lower(), v)
    status = int(headers.get("status", "200").split()[0])
    return status, headers, payload
