#!/usr/bin/env python3
"""The same 500-certificate batch through ReportLab, the tool an office developer would likely pick instead,
for a side-by-side figure with `petromaks bench --certificates 500` on the same machine.

Draws what the Petromaks certificate carries: kop surat with a logo and a double rule, underlined title and
number, numbered legal basis, holder name, label : value rows, conditions, validity line, a pas photo, the
signature block, tembusan and a QR code (ReportLab's own QR widget) holding a payload of the same length,
in DejaVu Serif Condensed embedded (ReportLab subsets TTFs). One PDF of N pages timed around build + save,
then S single files, each its own canvas, timed one by one. Prints one JSON line.

`petromaks bench` runs this script itself when ReportLab is installed (it carries a copy and writes the
fonts and the photo it needs into its scratch folder, named by PETROMAKS_BENCH_ASSETS); by hand:

    pip install reportlab
    python3 bench/reportlab_certificates.py [N] [out.pdf] [S]
"""
import io
import json
import os
import sys
import time

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HERE = os.path.dirname(os.path.abspath(__file__))
ASSETS = os.environ.get("PETROMAKS_BENCH_ASSETS")
FONTS = ASSETS or os.path.join(HERE, "..", "assets", "fonts")
pdfmetrics.registerFont(TTFont("Serif", os.path.join(FONTS, "DejaVuSerifCondensed.ttf")))
pdfmetrics.registerFont(TTFont("SerifBold", os.path.join(FONTS, "DejaVuSerifCondensed-Bold.ttf")))
PHOTO = os.path.join(ASSETS, "pas-foto.png") if ASSETS else os.path.join(HERE, "..", "tests", "core", "fixtures", "pas-foto.png")

W, H = A4
LEFT, RIGHT = 22 * mm, W - 20 * mm
DASAR = [
    "Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan;",
    "Peraturan Pemerintah Nomor 28 Tahun 2024 tentang Peraturan Pelaksanaan Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan;",
    "Peraturan Bupati Banyuasin tentang Pendelegasian Wewenang Penyelenggaraan Perizinan dan Nonperizinan kepada Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu.",
]
CONDITIONS = [
    "Izin ini hanya berlaku untuk tempat praktik yang tercantum di atas.",
    "Pemegang izin wajib mematuhi standar profesi kebidanan.",
]


def centre(c, font, size, y, text):
    c.setFont(font, size)
    c.drawCentredString((LEFT + RIGHT) / 2, y, text)


def wrapped(c, font, size, x, y, width, text):
    lines = simpleSplit(text, font, size, width)
    c.setFont(font, size)
    for line in lines:
        c.drawString(x, y, line)
        y -= size * 1.35
    return y


def certificate(c, i, logo, photo):
    y = H - 14 * mm
    c.drawImage(logo, LEFT, y - 22 * mm, 22 * mm, 22 * mm, mask="auto")
    centre(c, "SerifBold", 12, y - 5 * mm, "PEMERINTAH KABUPATEN BANYUASIN")
    centre(c, "SerifBold", 14, y - 11 * mm, "DINAS PENANAMAN MODAL DAN")
    centre(c, "SerifBold", 14, y - 17 * mm, "PELAYANAN TERPADU SATU PINTU")
    centre(c, "Serif", 7.5, y - 21 * mm, "Jalan Lingkar Komplek Perkantoran Pemkab Banyuasin, Pangkalan Balai 30911")
    centre(c, "Serif", 7.5, y - 24.5 * mm, "Telp. (0711) 7690001 · E-mail: dpmptsp@banyuasinkab.go.id")
    y -= 27 * mm
    c.setLineWidth(1.6)
    c.line(LEFT, y, RIGHT, y)
    c.setLineWidth(0.5)
    c.line(LEFT, y - 2.5, RIGHT, y - 2.5)
    y -= 9 * mm
    title = "SURAT IZIN PRAKTIK BIDAN"
    centre(c, "SerifBold", 11.5, y, title)
    tw = pdfmetrics.stringWidth(title, "SerifBold", 11.5)
    c.line((LEFT + RIGHT - tw) / 2, y - 2, (LEFT + RIGHT + tw) / 2, y - 2)
    y -= 5 * mm
    centre(c, "Serif", 9.5, y, "Nomor : 503/%04d/SIPB/DPMPTSP/XI/2026" % (i + 1))
    y -= 9 * mm
    c.setFont("Serif", 9.5)
    c.drawString(LEFT, y, "Dasar")
    c.drawString(LEFT + 38 * mm, y, ":")
    for n, line in enumerate(DASAR, 1):
        c.drawString(LEFT + 41 * mm, y, "%d." % n)
        y = wrapped(c, "Serif", 9.5, LEFT + 45 * mm, y, RIGHT - LEFT - 45 * mm, line)
    y -= 3 * mm
    y = wrapped(c, "Serif", 9.5, LEFT, y, RIGHT - LEFT,
                "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Banyuasin, memberikan izin kepada:")
    y -= 3 * mm
    centre(c, "SerifBold", 12, y, "Dian Hakim %d" % (i + 1))
    y -= 7 * mm
    rows = [
        ("NIK", "160703******%04d" % (i % 10000)),
        ("Tempat/Tanggal Lahir", "Betung, 5 Juni 1987"),
        ("Jenis Kelamin", "Perempuan"),
        ("Alamat", "Jl. Sudirman No. 94, Desa/Kel. Sri Bandung"),
        ("Tempat Praktik", "Klinik Bunda Sehat"),
        ("Alamat Praktik", "Jl. Lintas Timur KM 59, Banyuasin"),
        ("Jam Praktik", "Senin–Jumat 16.00–21.00 WIB"),
        ("Nomor STR", "9302351761513"),
    ]
    for label, value in rows:
        c.setFont("Serif", 9.5)
        c.drawString(LEFT, y, label)
        c.drawString(LEFT + 38 * mm, y, ":")
        y = wrapped(c, "Serif", 9.5, LEFT + 41 * mm, y, RIGHT - LEFT - 41 * mm, value)
    y -= 3 * mm
    c.drawString(LEFT, y, "Dengan ketentuan sebagai berikut:")
    y -= 9.5 * 1.35
    for n, line in enumerate(CONDITIONS, 1):
        y = wrapped(c, "Serif", 9.5, LEFT, y, RIGHT - LEFT, "%d. %s" % (n, line))
    y -= 2 * mm
    c.drawString(LEFT, y, "Izin ini berlaku sampai dengan tanggal 23 November 2031.")
    y -= 8 * mm
    c.drawImage(photo, LEFT + 15 * mm, y - 60 * mm, 40 * mm, 60 * mm)
    sx = LEFT + 68 * mm
    c.drawString(sx, y, "Ditetapkan di Pangkalan Balai")
    c.drawString(sx, y - 12, "Pada tanggal 23 November 2026")
    c.line(sx, y - 15, sx + 50 * mm, y - 15)
    c.setFont("SerifBold", 9.5)
    for k, line in enumerate(["KEPALA DINAS PENANAMAN MODAL", "DAN PELAYANAN TERPADU SATU PINTU", "KABUPATEN BANYUASIN"]):
        c.drawCentredString(sx + 40 * mm, y - 28 - k * 12, line)
    c.drawCentredString(sx + 40 * mm, y - 118, "Drs. H. Ahmad Syarifuddin, M.Si")
    c.setFont("Serif", 9.5)
    c.drawCentredString(sx + 40 * mm, y - 130, "Pembina Utama Muda (IV/c)")
    c.drawCentredString(sx + 40 * mm, y - 142, "NIP. 19691111 200212 1 002")
    y -= 66 * mm
    c.setFont("Serif", 8.5)
    for line in ["Tembusan:", "1. Kepala Dinas Kesehatan Kabupaten Banyuasin", "2. Ketua IBI Cabang Banyuasin"]:
        c.drawString(LEFT, y, line)
        y -= 11
    payload = "PMK1." + ("A" * 160) + "%06d." % i + ("S" * 86)
    qr = QrCodeWidget(payload)
    b = qr.getBounds()
    size = 20 * mm
    d = Drawing(size, size, transform=[size / (b[2] - b[0]), 0, 0, size / (b[3] - b[1]), 0, 0])
    d.add(qr)
    c.line(LEFT, 24 * mm, RIGHT, 24 * mm)
    renderPDF.draw(d, c, LEFT, 2 * mm)
    c.setFont("Serif", 7)
    c.drawString(LEFT + 24 * mm, 11 * mm, "Pindai untuk memeriksa keaslian · REG-2026-%06d" % (i + 1))
    c.showPage()


def spread(times):
    times = sorted(times)
    at = lambda p: times[round((len(times) - 1) * p)] if times else None
    r = lambda x: None if x is None else round(x, 3)
    return {"p50": r(at(0.5)), "p95": r(at(0.95)), "n": len(times)}


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    out = sys.argv[2] if len(sys.argv) > 2 else "/tmp/reportlab-batch.pdf"
    singles = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    logo = ImageReader(PHOTO)
    photo = ImageReader(PHOTO)
    t = time.perf_counter()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for i in range(n):
        certificate(c, i, logo, photo)
    c.save()
    secs = time.perf_counter() - t
    with open(out, "wb") as f:
        f.write(buf.getvalue())
    times = []
    for i in range(singles):
        t = time.perf_counter()
        one = io.BytesIO()
        c = canvas.Canvas(one, pagesize=A4, invariant=1)
        certificate(c, i, logo, photo)
        c.save()
        times.append((time.perf_counter() - t) * 1000)
    print(json.dumps({"tool": "reportlab " + __import__("reportlab").Version, "certificates": n,
                      "seconds": round(secs, 3), "ms_per_certificate": round(secs * 1000 / max(n, 1), 2),
                      "bytes": len(buf.getvalue()), "single_file_ms": spread(times)}))


if __name__ == "__main__":
    main()
