"""Every page's HTML through the Nu HTML Checker (npm vnu-jar, Debian's JRE): no errors.

The pages are those of pages.py, fetched as a browser would (signed in as
demo2 where they need it, POST forms with their CSRF token).  All of them go
to one checker run: the JVM starts once.
"""
import json
import os
import subprocess

from pages import every_page, visit

VNU = os.path.join(os.path.dirname(__file__), "..", "a11y", "node_modules", "vnu-jar", "build",
                   "dist", "vnu.jar")


def test_every_page_is_valid_html(tmp_path):
    files = {}
    for i, page in enumerate(every_page()):
        (r,) = visit(page, reuse=True)
        if not r.headers.get("Content-Type", "").startswith("text/html"):
            continue  # a redirect (sign-out, a language switch) has no page of its own
        f = tmp_path / ("page-%03d.html" % i)
        f.write_bytes(r.content)
        files[f.name] = "%s %s (%s)" % (page[1], page[0], page[4])
    assert len(files) > 60, "too few pages fetched: %d" % len(files)
    out = subprocess.run(["java", "-Xss2m", "-jar", VNU, "--errors-only", "--format", "json",
                          "--exit-zero-always"] + [str(tmp_path / n) for n in sorted(files)],
                         capture_output=True, text=True, timeout=300)
    report = json.loads(out.stderr or out.stdout)
    errors = ["%s line %s: %s" % (files.get(os.path.basename(m.get("url", "")), m.get("url")),
                                  m.get("lastLine"), m.get("message"))
              for m in report["messages"] if m.get("type") == "error"]
    assert not errors, "\n".join(errors)
