"""The printable editions of a built site as PDF files, printed by headless Chromium.

Chromium opens each edition from the site folder (file://, so nothing is served and no other
host is asked) and prints it with the site's print stylesheet, without the browser's own header
and footer (which would give the file's path), with the edition's headings as the PDF's bookmarks.
The foot of each page (site, address, date of the data, page number) comes from the edition itself.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from ..urls import PRINT_FOLDER

CHROMIUM_ENV = "CHROMIUM"
_TIMEOUT = 180  # seconds per edition


class PdfError(Exception):
    """Printing is not possible or failed; the message is in Dutch."""


def find_chromium() -> str | None:
    """Chromium from the environment variable CHROMIUM, else 'chromium' on the PATH."""
    return os.environ.get(CHROMIUM_ENV) or shutil.which("chromium") or shutil.which("chromium-browser")


def edition_files(site_dir: Path) -> list[Path]:
    """The HTML file of every printable edition in a built site (not the list of editions)."""
    folder = site_dir / PRINT_FOLDER
    nested = sorted(folder.glob("*/index.html"))  # use_directory_urls: true
    flat = sorted(p for p in folder.glob("*.html") if p.name != "index.html")
    return nested or flat


def pdf_name(page: Path) -> str:
    """'agenda-2030.pdf' for afdrukken/agenda-2030/index.html (or .../agenda-2030.html)."""
    stem = page.parent.name if page.name == "index.html" else page.stem
    return f"{stem}.pdf"


def print_pdf(chromium: str, page: Path, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    command = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-pdf-header-footer",
        "--generate-pdf-document-outline",
        f"--print-to-pdf={out.resolve()}",
        page.resolve().as_uri(),
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=_TIMEOUT, check=False)
    except OSError as error:
        raise PdfError(f"Chromium ({chromium}) start niet: {error}") from None
    except subprocess.TimeoutExpired:
        raise PdfError(f"Chromium was na {_TIMEOUT} seconden niet klaar met {page}.") from None
    if done.returncode != 0 or not out.is_file() or out.stat().st_size == 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["geen uitvoer"]
        raise PdfError(f"Chromium kon {page} niet als pdf afdrukken: {detail[0]}")


def print_editions(site_dir: Path, out_dir: Path, chromium: str | None = None) -> list[Path]:
    """Every edition of the site in ``site_dir`` as a PDF in ``out_dir``; the files made."""
    chromium = chromium or find_chromium()
    if chromium is None:
        raise PdfError(
            "Chromium is niet gevonden. Installeer het (Debian: apt-get install chromium) of zet "
            f"{CHROMIUM_ENV} op het programma."
        )
    pages = edition_files(site_dir)
    if not pages:
        raise PdfError(f"In {site_dir / PRINT_FOLDER} staan geen uitgaven om af te drukken. Bouw eerst de site (make build).")
    made = []
    for page in pages:
        out = out_dir / pdf_name(page)
        print_pdf(chromium, page, out)
        made.append(out)
    return made
